package io.autodial.node.compliance.abandonment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The hourly counts behind a campaign's rolling abandonment rate, kept in PostgreSQL so the rate
 * survives restarts and moves with the campaign between nodes. The call-log projection writes
 * them (exactly once, with the call log); a dialer reads them when its campaign starts.
 */
public final class AbandonmentLedger {
  private final DataSource dataSource;

  public AbandonmentLedger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Blocking: the hours of {@code campaignId} from {@code since} on. */
  public List<HourTotals> load(String campaignId, Instant since) {
    List<HourTotals> hours = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT hour, live, abandoned, machines FROM campaign_abandonment_hours WHERE campaign_id = ? AND hour >= date_trunc('hour', ?::timestamptz) ORDER BY hour")) {
      ps.setString(1, campaignId);
      ps.setTimestamp(2, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) hours.add(new HourTotals(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the abandonment counts of campaign " + campaignId + ": " + e.getMessage(), e);
    }
    return hours;
  }

  /** What a call's event adds to its campaign's hour. */
  public enum Count { LIVE, ABANDONED, MACHINE }

  /**
   * In the projection's transaction: counts the event for the call's campaign (agent-less
   * broadcasts are not counted: nobody waits for an agent there). An abandoned call also locks
   * its number out for the campaigns that say so.
   */
  public static void count(Connection c, UUID callUuid, Count count, Instant at) throws SQLException {
    String column = switch (count) {
      case LIVE -> "live";
      case ABANDONED -> "abandoned";
      case MACHINE -> "machines";
    };
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO campaign_abandonment_hours (campaign_id, hour, " + column + ")"
            + " SELECT campaign_id, date_trunc('hour', ?::timestamptz), 1 FROM call_log"
            + " WHERE call_uuid = ? AND campaign_id IS NOT NULL AND NOT broadcast"
            + " ON CONFLICT (campaign_id, hour) DO UPDATE SET " + column + " = campaign_abandonment_hours." + column + " + 1")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setObject(2, callUuid);
      ps.executeUpdate();
    }
    if (count == Count.ABANDONED) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE lead_attempts SET abandoned = TRUE WHERE call_uuid = ?")) {
        ps.setObject(1, callUuid);
        ps.executeUpdate();
      }
    }
  }
}
