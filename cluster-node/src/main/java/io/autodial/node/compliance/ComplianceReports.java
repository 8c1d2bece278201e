package io.autodial.node.compliance;

import io.autodial.http.compliance.ComplianceReportView;
import io.autodial.http.compliance.ComplianceReportView.Day;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's compliance report per UTC day. Live answers and abandoned calls come from
 * {@code call_log} with the stats' own definition: a customer leg answered by a person
 * ({@code live_at}, not a broadcast), abandoned when the Call gave up waiting for an agent (the
 * {@code abandoned} flag its {@code Abandoned} event sets: no agent bridged within the 2 s). Blocks
 * by rule, safe-harbor messages and opt-outs come from the audit trail.
 */
final class ComplianceReports {
  private ComplianceReports() {}

  static ComplianceReportView report(Connection c, String campaignId, LocalDate from, LocalDate to) throws SQLException {
    Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Map<LocalDate, Counts> days = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.put(d, new Counts());

    try (PreparedStatement ps = c.prepareStatement("""
        SELECT (live_at AT TIME ZONE 'UTC')::date, count(*), count(*) FILTER (WHERE abandoned)
        FROM call_log
        WHERE campaign_id = ? AND leg_kind = 'CUSTOMER' AND live_at IS NOT NULL AND NOT broadcast AND live_at >= ? AND live_at < ?
        GROUP BY 1""")) {
      ps.setString(1, campaignId);
      ps.setTimestamp(2, start);
      ps.setTimestamp(3, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Counts day = days.get(rs.getObject(1, LocalDate.class));
          day.live = rs.getLong(2);
          day.abandoned = rs.getLong(3);
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT (at AT TIME ZONE 'UTC')::date, kind, coalesce(rule, 'UNSPECIFIED'), count(*)
        FROM compliance_audit
        WHERE campaign_id = ? AND kind IN ('BLOCKED', 'MESSAGE_PLAYED', 'OPTED_OUT') AND at >= ? AND at < ?
        GROUP BY 1, 2, 3""")) {
      ps.setString(1, campaignId);
      ps.setTimestamp(2, start);
      ps.setTimestamp(3, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Counts day = days.get(rs.getObject(1, LocalDate.class));
          long n = rs.getLong(4);
          switch (rs.getString(2)) {
            case "BLOCKED" -> day.blocks.merge(rs.getString(3), n, Long::sum);
            case "MESSAGE_PLAYED" -> day.messages += n;
            default -> day.optOuts += n;
          }
        }
      }
    }
    Counts total = new Counts();
    days.values().forEach(total::add);
    return new ComplianceReportView(
        campaignId, from, to, total.view(null), days.entrySet().stream().map(e -> e.getValue().view(e.getKey())).toList());
  }

  private static final class Counts {
    long live;
    long abandoned;
    long messages;
    long optOuts;
    final Map<String, Long> blocks = new TreeMap<>();

    void add(Counts other) {
      live += other.live;
      abandoned += other.abandoned;
      messages += other.messages;
      optOuts += other.optOuts;
      other.blocks.forEach((rule, n) -> blocks.merge(rule, n, Long::sum));
    }

    Day view(LocalDate date) {
      double percent = live == 0 ? 0 : Math.round(10_000.0 * abandoned / live) / 100.0;
      return new Day(date, live, abandoned, percent, messages, optOuts, new TreeMap<>(blocks));
    }
  }
}
