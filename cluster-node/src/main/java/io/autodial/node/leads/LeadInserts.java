package io.autodial.node.leads;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** The INSERT of a validated lead, shared by single adds and CSV imports. */
final class LeadInserts {
  static final String INSERT =
      "INSERT INTO leads (leadset_id, phone, first_name, last_name, email, company, time_zone, status, priority, custom)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

  /**
   * With an existing phone in the set, only the contact fields are replaced: the lead's dialing
   * state (status, attempts, schedule, reservation) belongs to the dialer and is left alone.
   */
  static final String UPSERT_CONTACT =
      INSERT
          + " ON CONFLICT (leadset_id, phone) DO UPDATE SET first_name = EXCLUDED.first_name,"
          + " last_name = EXCLUDED.last_name, email = EXCLUDED.email, company = EXCLUDED.company,"
          + " time_zone = EXCLUDED.time_zone, priority = EXCLUDED.priority, custom = EXCLUDED.custom, updated_at = now()";

  /** Loads only new phones; the update count is 0 for a phone already in the set. */
  static final String INSERT_IF_NEW = INSERT + " ON CONFLICT (leadset_id, phone) DO NOTHING";

  private LeadInserts() {}

  static void bind(PreparedStatement ps, long leadsetId, NewLead lead) throws SQLException {
    ps.setLong(1, leadsetId);
    ps.setString(2, lead.phone());
    setNullable(ps, 3, lead.firstName());
    setNullable(ps, 4, lead.lastName());
    setNullable(ps, 5, lead.email());
    setNullable(ps, 6, lead.company());
    setNullable(ps, 7, lead.timeZone());
    ps.setString(8, lead.status().name());
    ps.setInt(9, lead.priority());
    ps.setString(10, LeadRows.customToJson(lead.custom()));
  }

  private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) ps.setNull(index, Types.VARCHAR);
    else ps.setString(index, value);
  }
}
