package io.autodial.node.projection;

import io.autodial.node.compliance.audit.ComplianceAuditEntity;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Copies the compliance audit trail into {@code compliance_audit}, where it is queried by lead,
 * campaign and time, and phone hash. Exactly-once with its offset; the event's id also makes a
 * repeated insert a no-op.
 */
public final class ComplianceAuditHandler implements ReadModelWriter<ComplianceAuditEntity.Event> {
  public static final String NAME = "compliance-audit";

  @Override
  public void write(Connection connection, String entityId, ComplianceAuditEntity.Event event) throws SQLException {
    apply(connection, event);
  }

  static void apply(Connection c, ComplianceAuditEntity.Event event) throws SQLException {
    if (event instanceof ComplianceAuditEntity.DecisionRecorded d) {
      ComplianceAuditEntity.HashedEntry e = d.entry();
      Sql.update(c, """
          INSERT INTO compliance_audit (event_id, at, kind, campaign_id, lead_id, phone_hash, rule, detail, actor)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
          d.id(), e.at(), e.kind().name(), e.campaignId(), e.leadId(), e.phoneHash(), e.rule(), e.detail(), e.actor());
    }
  }
}
