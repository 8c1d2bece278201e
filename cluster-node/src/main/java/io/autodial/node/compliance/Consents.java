package io.autodial.node.compliance;

import io.autodial.node.compliance.eligibility.Consent;
import io.autodial.node.compliance.eligibility.LeadFactsReader;
import io.autodial.node.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Consent records of leads. A revocation, by any channel, ends every active consent of the
 * number in every leadset (the person revoked, not one row of theirs). Blocking JDBC.
 */
public final class Consents {
  /** The keywords carriers and the CTIA treat as an opt-out; FCC 24-24 asks to honour any reasonable one. */
  static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT");

  private final DataSource dataSource;

  public Consents(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<Consent> of(long leadId) {
    return Transactions.inTransaction(dataSource, c -> LeadFactsReader.consentsOf(c, leadId));
  }

  /** Records a consent; a lead held back for want of one becomes dialable again. */
  public Consent add(long leadId, boolean written, String source, String method, Instant obtainedAt) {
    if (source == null || source.isBlank()) throw new IllegalArgumentException("source is required (where the consent was given, e.g. web form)");
    if (method == null || method.isBlank()) throw new IllegalArgumentException("method is required (how it was given, e.g. checkbox, signature)");
    if (obtainedAt.isAfter(Instant.now().plusSeconds(60))) throw new IllegalArgumentException("obtainedAt must not be in the future");
    return Transactions.inTransaction(dataSource, c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO lead_consents (lead_id, written, source, method, obtained_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
        ps.setLong(1, leadId);
        ps.setBoolean(2, written);
        ps.setString(3, source.trim());
        ps.setString(4, method.trim());
        ps.setTimestamp(5, Timestamp.from(obtainedAt));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE leads SET status = CASE WHEN attempts = 0 THEN 'NEW' ELSE 'RETRY' END, blocked_by = NULL, updated_at = now()"
              + " WHERE id = ? AND status = 'BLOCKED' AND blocked_by = 'CONSENT'")) {
        ps.setLong(1, leadId);
        ps.executeUpdate();
      }
      return new Consent(id, written, source.trim(), method.trim(), obtainedAt, null, null);
    });
  }

  /** Ends every active consent of {@code phone}; how many there were. */
  public int revokeNumber(String phone, String via, Instant at) {
    return Transactions.inTransaction(dataSource, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE lead_consents SET revoked_at = ?, revoked_via = ? WHERE revoked_at IS NULL"
              + " AND lead_id IN (SELECT id FROM leads WHERE phone = ?)")) {
        ps.setTimestamp(1, Timestamp.from(at));
        ps.setString(2, via);
        ps.setString(3, phone);
        return ps.executeUpdate();
      }
    });
  }

  /** Whether an inbound message asks to stop: its first word (or all of it) is an opt-out keyword. */
  public static boolean isStop(String body) {
    if (body == null) return false;
    String text = body.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", "");
    if (STOP_WORDS.contains(text)) return true;
    String first = text.split("\\s+", 2)[0];
    return STOP_WORDS.contains(first);
  }
}
