package io.autodial.node.compliance.audit;

import java.time.Instant;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The {@link AuditTrail} of a node: hashes the phone here, on the caller's side, so the clear
 * number never leaves this JVM, then tells the campaign's {@link ComplianceAuditEntity}. A tell:
 * it never blocks the dialer that decided.
 */
public final class ShardedAuditTrail implements AuditTrail {
  private final ClusterSharding sharding;
  private final PhoneHasher hasher;

  public ShardedAuditTrail(ActorSystem<?> system, PhoneHasher hasher) {
    this.sharding = ClusterSharding.get(system);
    this.hasher = hasher;
  }

  @Override
  public void record(AuditEntry entry) {
    sharding
        .entityRefFor(ComplianceAuditEntity.ENTITY_KEY, ComplianceAuditEntity.entityIdFor(entry.campaignId()))
        .tell(new ComplianceAuditEntity.Record(hashed(entry, hasher)));
  }

  static ComplianceAuditEntity.HashedEntry hashed(AuditEntry e, PhoneHasher hasher) {
    if (e.kind() == null) throw new IllegalArgumentException("an audit entry needs a kind");
    return new ComplianceAuditEntity.HashedEntry(
        e.at() == null ? Instant.now() : e.at(),
        e.kind(),
        e.campaignId(),
        e.leadId(),
        hasher.hash(e.phone()),
        e.rule(),
        e.detail(),
        e.actor() == null ? "system" : e.actor());
  }
}
