package io.autodial.node.compliance.eligibility;

import io.autodial.node.leads.Lead;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the rules need of many leads in three queries (consents, recent attempts, the last
 * abandoned call per number). Blocking JDBC: runs on the node's blocking executor.
 */
public final class LeadFactsReader {
  /** Attempts older than this matter to no rule (a day's limit, spacing; the lock-out reads its own). */
  static final Duration RECENT = Duration.ofDays(8);

  private LeadFactsReader() {}

  /**
   * @param previousAttempts each lead's attempts before the one being decided (a reserved lead's
   *     count already includes its reservation)
   */
  public static Map<Long, LeadFacts> read(Connection c, List<Lead> leads, Map<Long, Integer> previousAttempts, Instant now) throws SQLException {
    Map<Long, LeadFacts> facts = new HashMap<>();
    if (leads.isEmpty()) return facts;
    Long[] ids = leads.stream().map(Lead::id).toArray(Long[]::new);
    String[] phones = leads.stream().map(Lead::phone).distinct().toArray(String[]::new);
    Map<Long, List<Consent>> consents = consents(c, ids);
    Map<Long, List<Instant>> attempts = attempts(c, ids, now.minus(RECENT));
    Map<String, Instant> abandoned = lastAbandoned(c, phones);
    for (Lead lead : leads) {
      facts.put(lead.id(), new LeadFacts(
          lead.id(), lead.phone(), LeadLocations.of(lead), previousAttempts.getOrDefault(lead.id(), lead.attempts()),
          attempts.getOrDefault(lead.id(), List.of()), abandoned.get(lead.phone()), consents.getOrDefault(lead.id(), List.of())));
    }
    return facts;
  }

  public static List<Consent> consentsOf(Connection c, long leadId) throws SQLException {
    return consents(c, new Long[] {leadId}).getOrDefault(leadId, List.of());
  }

  private static Map<Long, List<Consent>> consents(Connection c, Long[] ids) throws SQLException {
    Map<Long, List<Consent>> byLead = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, lead_id, written, source, method, obtained_at, revoked_at, revoked_via FROM lead_consents WHERE lead_id = ANY (?) ORDER BY id")) {
      ps.setArray(1, array(c, "bigint", ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          byLead.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
              .add(new Consent(rs.getLong(1), rs.getBoolean(3), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8)));
      }
    }
    return byLead;
  }

  private static Map<Long, List<Instant>> attempts(Connection c, Long[] ids, Instant since) throws SQLException {
    Map<Long, List<Instant>> byLead = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT lead_id, at FROM lead_attempts WHERE lead_id = ANY (?) AND at > ?")) {
      ps.setArray(1, array(c, "bigint", ids));
      ps.setTimestamp(2, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) byLead.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
      }
    }
    return byLead;
  }

  private static Map<String, Instant> lastAbandoned(Connection c, String[] phones) throws SQLException {
    Map<String, Instant> byPhone = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT phone, max(at) FROM lead_attempts WHERE phone = ANY (?) AND abandoned GROUP BY phone")) {
      ps.setArray(1, array(c, "varchar", phones));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) byPhone.put(rs.getString(1), rs.getTimestamp(2).toInstant());
      }
    }
    return byPhone;
  }

  private static Array array(Connection c, String type, Object[] values) throws SQLException {
    return c.createArrayOf(type, values);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
