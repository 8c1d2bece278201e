package io.autodial.node.compliance.eligibility;

import io.autodial.node.compliance.ComplianceRules;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.AuditTrail;
import io.autodial.node.compliance.hours.HoursCheck;
import io.autodial.node.compliance.hours.LeadZoneResolver;
import io.autodial.node.leads.Lead;
import io.autodial.node.leads.ReservedLead;
import io.autodial.node.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The compliance check every dial passes: leads reserved for a dial are admitted (their attempt
 * recorded) or released with the rule that blocked them (and until when), and each decision goes
 * to the audit trail. Blocking JDBC: call it on the node's blocking executor.
 */
public final class DialGate {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final DataSource dataSource;
  private final DncCheck dnc;
  private final AuditTrail audit;
  private final Supplier<List<String>> warnings;

  /** {@code warnings}: what does not block but an auditor must see (a stale registry). */
  public DialGate(DataSource dataSource, DncCheck dnc, AuditTrail audit, Supplier<List<String>> warnings) {
    this.dataSource = dataSource;
    this.dnc = dnc;
    this.audit = audit;
    this.warnings = warnings;
  }

  /** What came of a batch of reserved leads: those to dial now, and each blocked one's verdict. */
  public record Admission(List<ReservedLead> admitted, Map<UUID, Verdict> blocked) {
    /** Every rule that blocked, for a person to read. */
    public String why() {
      return blocked.values().stream().flatMap(v -> v.blocks().stream()).map(b -> b.rule() + ": " + b.reason()).collect(Collectors.joining("; "));
    }
  }

  /** The reserved leads that may be dialed now; the others are released, each with its block. */
  public Admission admit(String campaignId, ComplianceRules rules, List<ReservedLead> reserved, String actor, Instant now) {
    if (reserved.isEmpty()) return new Admission(List.of(), Map.of());
    Map<UUID, Verdict> blocked = new HashMap<>();
    List<String> warned = warnings.get();
    List<AuditEntry> decisions = new ArrayList<>();
    List<ReservedLead> admitted = Transactions.inTransaction(dataSource, c -> {
      Map<Long, Integer> previous = new HashMap<>();
      reserved.forEach(r -> previous.put(r.lead().id(), Math.max(0, r.lead().attempts() - 1)));
      Map<Long, LeadFacts> facts = LeadFactsReader.read(c, reserved.stream().map(ReservedLead::lead).toList(), previous, now);
      List<ReservedLead> ok = new ArrayList<>();
      for (ReservedLead r : reserved) {
        Verdict verdict = Eligibility.evaluate(facts.get(r.lead().id()), campaignId, rules, dnc, now, warned);
        if (verdict.allowed()) {
          recordAttempt(c, r, campaignId, now);
          ok.add(r);
          decisions.add(entry(now, AuditKind.DIALED, campaignId, r.lead(), null, dialedDetail(verdict, r), actor));
        } else {
          release(c, r.callUuid(), verdict, now);
          blocked.put(r.callUuid(), verdict);
          decisions.add(entry(now, AuditKind.BLOCKED, campaignId, r.lead(), verdict.firstBlock().rule().name(), blockedDetail(verdict), actor));
        }
      }
      return ok;
    });
    decisions.forEach(audit::record);
    return new Admission(admitted, blocked);
  }

  /** The verdict for a lead that is not reserved (the eligibility endpoint). */
  public Verdict evaluate(Lead lead, String campaignId, ComplianceRules rules, Instant at) {
    return Transactions.inTransaction(dataSource, c -> {
      LeadFacts facts = LeadFactsReader.read(c, List.of(lead), Map.of(lead.id(), lead.attempts()), at).get(lead.id());
      return Eligibility.evaluate(facts, campaignId, rules, dnc, at, warnings.get());
    });
  }

  /**
   * In memory, at the moment of the dial command: the DNC lists and the calling hours once more,
   * for a dial that waited after its admission (a preview the agent looked at, a paced broadcast).
   */
  public Optional<Block> lastMoment(String phone, String timeZone, Map<String, String> custom, String campaignId, ComplianceRules rules, Instant now) {
    Optional<Block> listed = dnc.check(phone, campaignId).map(Eligibility::dncBlock);
    if (listed.isPresent()) return listed;
    HoursCheck hours = rules.callingHours().check(LeadZoneResolver.resolve(LeadLocations.of(phone, timeZone, custom)), now);
    return hours.allowed() ? Optional.empty() : Optional.of(new Block(Rule.CALLING_HOURS, hours.reason(), hours.nextAllowedAt()));
  }

  /** A lead the dialer reserved but will not dial after all (the last-moment check blocked it). */
  public void releaseBlocked(UUID callUuid, long leadId, String phone, String campaignId, Block block, String actor, Instant now) {
    Verdict verdict = new Verdict(now, false, List.of(block), null, List.of(), block.nextAllowedAt(), List.of());
    Transactions.inTransaction(dataSource, c -> {
      // its attempt was recorded at admission, but it was never dialed
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM lead_attempts WHERE call_uuid = ?")) {
        ps.setObject(1, callUuid);
        ps.executeUpdate();
      }
      release(c, callUuid, verdict, now);
      return null;
    });
    audit.record(new AuditEntry(now, AuditKind.BLOCKED, campaignId, leadId, phone, block.rule().name(), block.rule() + ": " + block.reason(), actor));
  }

  private static void recordAttempt(Connection c, ReservedLead r, String campaignId, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO lead_attempts (call_uuid, lead_id, phone, campaign_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      ps.setObject(1, r.callUuid());
      ps.setLong(2, r.lead().id());
      ps.setString(3, r.lead().phone());
      ps.setString(4, campaignId);
      ps.setTimestamp(5, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  /**
   * Gives the reservation back, the attempt uncounted. A block that time lifts sets when the lead
   * is dialable again; a lasting one sets its status: DNC (company list, registry), FAILED (no
   * attempts left) or BLOCKED (no consent, the campaign's own list).
   */
  private static void release(Connection c, UUID callUuid, Verdict verdict, Instant now) throws SQLException {
    Block first = verdict.firstBlock();
    String status;
    Instant next = null;
    if (!verdict.blockedForGood() && verdict.nextAllowedAt() != null) {
      status = null;
      next = verdict.nextAllowedAt();
    } else {
      Rule lasting = verdict.blocks().stream().map(Block::rule).filter(rule -> !rule.passesWithTime).findFirst().orElse(first.rule());
      status = switch (lasting) {
        case DNC_INTERNAL, DNC_REGISTRY -> "DNC";
        case MAX_ATTEMPTS_TOTAL -> "FAILED";
        default -> "BLOCKED";
      };
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE leads SET status = COALESCE(?, CASE WHEN attempts <= 1 THEN 'NEW' ELSE 'RETRY' END),"
            + " next_dial_at = COALESCE(?, next_dial_at), blocked_by = ?, attempts = GREATEST(attempts - 1, 0),"
            + " reserved_by_call = NULL, reserved_at = NULL, held_by_agent = NULL, updated_at = ?"
            + " WHERE reserved_by_call = ?")) {
      ps.setString(1, status);
      ps.setTimestamp(2, next == null ? null : Timestamp.from(next));
      ps.setString(3, first.rule().name());
      ps.setTimestamp(4, Timestamp.from(now));
      ps.setObject(5, callUuid);
      ps.executeUpdate();
    }
  }

  private static String dialedDetail(Verdict v, ReservedLead r) {
    String local = v.localTimes().stream().map(t -> t.getZone().getId() + " " + LOCAL.format(t)).collect(Collectors.joining(", "));
    return "call " + r.callUuid() + "; local time " + local + " (zone from " + v.zones().source() + ")"
        + (v.warnings().isEmpty() ? "" : "; warnings: " + String.join("; ", v.warnings()));
  }

  private static String blockedDetail(Verdict v) {
    String blocks = v.blocks().stream().map(b -> b.rule() + ": " + b.reason()).collect(Collectors.joining("; "));
    return blocks + (v.nextAllowedAt() == null ? "" : "; next allowed " + v.nextAllowedAt());
  }

  static AuditEntry entry(Instant at, AuditKind kind, String campaignId, Lead lead, String rule, String detail, String actor) {
    return new AuditEntry(at, kind, campaignId, lead.id(), lead.phone(), rule, detail, actor);
  }
}
