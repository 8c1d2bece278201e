package io.autodial.node.compliance;

import io.autodial.http.compliance.AuditEntryView;
import io.autodial.http.compliance.AuditQuery;
import io.autodial.node.compliance.audit.ComplianceAuditEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code compliance_audit}, oldest first by id, paged by keyset ({@code id > after}). One
 * campaign's or lead's rows come from one entity through one projection, so their id order is the
 * order they were recorded in.
 */
final class AuditQueries {
  private static final String COLUMNS = "SELECT id, at, kind, campaign_id, lead_id, phone_hash, rule, detail, actor FROM compliance_audit ";

  private AuditQueries() {}

  static List<AuditEntryView> byLead(Connection c, long leadId, long after, int limit) throws SQLException {
    return query(c, COLUMNS + "WHERE lead_id = ? AND id > ? ORDER BY id LIMIT ?", leadId, after, limit);
  }

  static List<AuditEntryView> byPhoneHash(Connection c, String phoneHash, long after, int limit) throws SQLException {
    return query(c, COLUMNS + "WHERE phone_hash = ? AND id > ? ORDER BY id LIMIT ?", phoneHash, after, limit);
  }

  /** Campaign {@code -} ({@link ComplianceAuditEntity#GLOBAL}) is the trail of decisions outside any campaign. */
  static List<AuditEntryView> byCampaign(Connection c, AuditQuery q) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(COLUMNS);
    if (ComplianceAuditEntity.GLOBAL.equals(q.campaignId())) sql.append("WHERE campaign_id IS NULL");
    else {
      sql.append("WHERE campaign_id = ?");
      params.add(q.campaignId());
    }
    sql.append(" AND id > ?");
    params.add(q.afterId());
    if (q.from() != null) {
      sql.append(" AND at >= ?");
      params.add(Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      sql.append(" AND at < ?");
      params.add(Timestamp.from(q.to()));
    }
    if (q.kind() != null) {
      sql.append(" AND kind = ?");
      params.add(q.kind());
    }
    sql.append(" ORDER BY id LIMIT ?");
    params.add(q.limit());
    return query(c, sql.toString(), params.toArray());
  }

  private static List<AuditEntryView> query(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      try (ResultSet rs = ps.executeQuery()) {
        List<AuditEntryView> rows = new ArrayList<>();
        while (rs.next()) {
          Long leadId = rs.getObject("lead_id", Long.class);
          rows.add(new AuditEntryView(
              rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getString("campaign_id"),
              leadId, rs.getString("phone_hash"), rs.getString("rule"), rs.getString("detail"), rs.getString("actor")));
        }
        return rows;
      }
    }
  }
}
