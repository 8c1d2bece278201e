package io.autodial.node.compliance.dnc;

import io.autodial.node.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code dnc_entries} table: the internal list ({@code campaign_id = ''}) and the campaign
 * lists. Blocking JDBC; callers run it off the dispatcher threads.
 */
final class DncEntryRepository {
  /**
   * Every writer takes this transaction-scoped advisory lock before drawing a seq, so seqs commit in
   * the order they were drawn: a poller that has read seq n never later finds a smaller seq appear.
   * DNC writes are rare (an admin, an opt-out), so serializing them costs nothing that matters.
   */
  private static final long WRITE_LOCK = 0x444E4301L; // "DNC" 1

  private final DataSource dataSource;

  DncEntryRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** True when the number went onto the list; false when it was already there (nothing changes). */
  boolean add(long number, String campaignId, DncSource source, String note, Instant at) {
    return Transactions.inTransaction(dataSource, c -> {
      lock(c);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO dnc_entries (number, campaign_id, source, note, added_at) VALUES (?, ?, ?, ?, ?) "
              + "ON CONFLICT (number, campaign_id) DO UPDATE SET seq = nextval('dnc_entries_seq_seq'), "
              + "source = EXCLUDED.source, note = EXCLUDED.note, added_at = EXCLUDED.added_at, removed_at = NULL "
              + "WHERE dnc_entries.removed_at IS NOT NULL")) {
        ps.setLong(1, number);
        ps.setString(2, campaignId == null ? "" : campaignId);
        ps.setString(3, source.name());
        ps.setString(4, note);
        ps.setTimestamp(5, Timestamp.from(at));
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** True when the number was on the list and now is not; its leads held back by that list are freed. */
  boolean remove(long number, String campaignId, Instant at) {
    return Transactions.inTransaction(dataSource, c -> {
      lock(c);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE dnc_entries SET removed_at = ?, seq = nextval('dnc_entries_seq_seq') "
              + "WHERE number = ? AND campaign_id = ? AND removed_at IS NULL")) {
        ps.setTimestamp(1, Timestamp.from(at));
        ps.setLong(2, number);
        ps.setString(3, campaignId == null ? "" : campaignId);
        if (ps.executeUpdate() != 1) return false;
      }
      // leads the dialer held back for this list become dialable again (the registry's and an
      // agent's own DNC marks stay: the number may still be on another list, checked at the dial)
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE leads SET status = CASE WHEN attempts = 0 THEN 'NEW' ELSE 'RETRY' END, blocked_by = NULL, updated_at = now()"
              + " WHERE phone = ? AND reserved_by_call IS NULL AND blocked_by = ?"
              + " AND status IN ('DNC', 'BLOCKED')")) {
        ps.setString(1, PhoneKeys.toE164(number));
        ps.setString(2, campaignId == null || campaignId.isEmpty() ? "DNC_INTERNAL" : "DNC_CAMPAIGN");
        ps.executeUpdate();
      }
      return true;
    });
  }

  /** Up to {@code limit} changes after {@code seq}, oldest first. */
  List<DncEntry> changesAfter(long seq, int limit) {
    return Transactions.inTransaction(dataSource, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT seq, number, campaign_id, source, added_at, removed_at FROM dnc_entries WHERE seq > ? ORDER BY seq LIMIT ?")) {
        ps.setLong(1, seq);
        ps.setInt(2, limit);
        List<DncEntry> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String campaign = rs.getString(3);
            Timestamp removed = rs.getTimestamp(6);
            rows.add(new DncEntry(rs.getLong(1), rs.getLong(2), campaign.isEmpty() ? null : campaign,
                DncSource.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), removed == null ? null : removed.toInstant()));
          }
        }
        return rows;
      }
    });
  }

  private static void lock(java.sql.Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      ps.setLong(1, WRITE_LOCK);
      ps.execute();
    }
  }
}
