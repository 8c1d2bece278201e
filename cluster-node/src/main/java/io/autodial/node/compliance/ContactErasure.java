package io.autodial.node.compliance;

import io.autodial.node.compliance.audit.PhoneHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes one contact's personal data from the read models, in one transaction: its leads in every
 * leadset (with the agents' skip reasons about them, free text that may name the person), and its
 * number from {@code call_log} (replaced by an {@code erased:} marker, the agents' notes dropped).
 * What stays: the call rows' figures (the abandonment record needs them), the hashed audit trail,
 * and the do-not-call entry, which is kept on purpose so the number is never dialed again.
 */
final class ContactErasure {
  private ContactErasure() {}

  record Counts(int leadsRemoved, int skipsRemoved, int callLogRowsScrubbed, List<String> recordings) {}

  /** {@code e164} is the normalized number; rows dialed without the '+' are matched too. */
  static Counts erase(Connection c, String e164, PhoneHasher hasher) throws SQLException {
    String digits = e164.startsWith("+") ? e164.substring(1) : e164;
    List<Long> leadIds = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM leads WHERE phone = ? FOR UPDATE")) {
      ps.setString(1, e164);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) leadIds.add(rs.getLong(1));
      }
    }
    int skips = 0;
    int leads = 0;
    if (!leadIds.isEmpty()) {
      Long[] ids = leadIds.toArray(Long[]::new);
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM lead_skips WHERE lead_id = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("bigint", ids));
        skips = ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM leads WHERE id = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("bigint", ids));
        leads = ps.executeUpdate();
      }
    }
    // recordings live on the switch: the admin deletes the files, we can only name them
    List<String> recordings = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT recording_url FROM call_log WHERE (caller IN (?, ?) OR receiver IN (?, ?)) AND recording_url IS NOT NULL")) {
      ps.setString(1, e164);
      ps.setString(2, digits);
      ps.setString(3, e164);
      ps.setString(4, digits);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) recordings.add(rs.getString(1));
      }
    }
    int scrubbed;
    try (PreparedStatement ps = c.prepareStatement("""
        UPDATE call_log SET
          caller = CASE WHEN caller IN (?, ?) THEN ? ELSE caller END,
          receiver = CASE WHEN receiver IN (?, ?) THEN ? ELSE receiver END,
          notes = NULL
        WHERE caller IN (?, ?) OR receiver IN (?, ?)""")) {
      String marker = hasher.erasedMarker(e164);
      Object[] params = {e164, digits, marker, e164, digits, marker, e164, digits, e164, digits};
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      scrubbed = ps.executeUpdate();
    }
    return new Counts(leads, skips, scrubbed, recordings);
  }
}
