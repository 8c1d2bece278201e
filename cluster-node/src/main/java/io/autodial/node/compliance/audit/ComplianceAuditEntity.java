package io.autodial.node.compliance.audit;

import io.autodial.protocol.CborSerializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The compliance audit trail of one campaign (entity id {@link #GLOBAL} for decisions outside any
 * campaign): every decision persisted as a {@link DecisionRecorded} event, in the order it was
 * recorded. The phone number arrives already hashed, so neither the journal nor a remote message
 * ever holds it in clear. Nothing is deleted: the events are the audit record, the
 * {@code compliance_audit} table only their queryable copy.
 */
public final class ComplianceAuditEntity
    extends EventSourcedBehaviorWithEnforcedReplies<ComplianceAuditEntity.Command, ComplianceAuditEntity.Event, ComplianceAuditEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "ComplianceAudit");
  public static final List<String> TAGS = List.of("audit-0", "audit-1", "audit-2", "audit-3");
  /** The entity id of decisions with no campaign. */
  public static final String GLOBAL = "-";

  /** An {@link AuditEntry} as it is stored: the phone replaced by its keyed hash. */
  public record HashedEntry(
      Instant at, AuditKind kind, String campaignId, Long leadId, String phoneHash, String rule, String detail, String actor)
      implements CborSerializable {}

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  /** Fire and forget: what the {@link AuditTrail} sends. */
  public record Record(HashedEntry entry) implements Command {}

  /** The same, answered once persisted (for callers that must know it is stored). */
  public record RecordAndAck(HashedEntry entry, ActorRef<Done> replyTo) implements Command {}

  // ---- events ----

  public sealed interface Event extends CborSerializable {
    Instant at();
  }

  /** {@code id} makes the projection's insert idempotent. */
  public record DecisionRecorded(UUID id, HashedEntry entry) implements Event {
    @Override
    public Instant at() {
      return entry.at();
    }
  }

  // ---- state: only a count; the trail is write-only, its reading is the projection's ----

  public record State(long recorded) implements CborSerializable {}

  // ---- wiring ----

  public static String entityIdFor(String campaignId) {
    return campaignId == null || campaignId.isBlank() ? GLOBAL : campaignId;
  }

  public static void init(ActorSystem<?> system) {
    ClusterSharding.get(system).init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId())));
  }

  public static Behavior<Command> create(String entityId) {
    return new ComplianceAuditEntity(entityId);
  }

  private final String entityId;

  private ComplianceAuditEntity(String entityId) {
    super(PersistenceId.of(ENTITY_KEY.name(), entityId));
    this.entityId = entityId;
  }

  @Override
  public State emptyState() {
    return new State(0);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(TAGS.get(Math.floorMod(entityId.hashCode(), TAGS.size())));
  }

  /** A busy campaign's trail grows without end: recovery starts from a snapshot, never replays it all. */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(500, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Record.class, (state, cmd) -> Effect().persist(recorded(cmd.entry())).thenNoReply())
        .onCommand(RecordAndAck.class, (state, cmd) ->
            Effect().persist(recorded(cmd.entry())).thenReply(cmd.replyTo(), s -> Done.getInstance()))
        .build();
  }

  private static DecisionRecorded recorded(HashedEntry entry) {
    return new DecisionRecorded(UUID.randomUUID(), entry);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(DecisionRecorded.class, (state, e) -> new State(state.recorded() + 1))
        .build();
  }
}
