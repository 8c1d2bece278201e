package io.autodial.node.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autodial.node.call.CallContext;
import io.autodial.node.campaign.CampaignSettings;
import io.autodial.node.leads.CallOutcome;
import io.autodial.node.leads.LeadRepository;
import io.autodial.node.leads.RetryRules;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import io.autodial.node.call.CallEntity;
import io.autodial.node.compliance.abandonment.AbandonmentLedger;
import io.autodial.node.compliance.Consents;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.AuditTrail;
import io.autodial.node.compliance.dnc.DncLists;
import io.autodial.node.compliance.dnc.DncSource;
import java.sql.Connection;
import java.sql.Timestamp;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes the {@code call_log} read model. Runs inside the projection's transaction together with
 * its offset, so each event is applied exactly once; every statement is also safe to repeat.
 */
public final class CallLogHandler implements ReadModelWriter<CallEntity.Event> {
  public static final String NAME = "call-log";
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private final LeadRepository leads;

  public CallLogHandler(LeadRepository leads, DncLists dnc, Consents consents, AuditTrail audit) {
    this.leads = leads;
    this.dnc = dnc;
    this.consents = consents;
    this.audit = audit;
  }

  private final DncLists dnc;
  private final Consents consents;
  private final AuditTrail audit;

  @Override
  public void write(Connection connection, String entityId, CallEntity.Event event) throws Exception {
    UUID uuid = UUID.fromString(entityId);
    apply(connection, uuid, event);
    countForAbandonment(connection, uuid, event);
    updateLead(connection, uuid, event);
  }

  /**
   * The campaign's hourly counts behind its rolling abandonment rate: a live answer (the answer
   * itself without AMD, AMD's verdict with it), an abandoned call, an AMD machine verdict.
   */
  static void countForAbandonment(Connection c, UUID uuid, CallEntity.Event event) throws SQLException {
    if (event instanceof CallEntity.Answered e) {
      if (!amd(c, uuid)) AbandonmentLedger.count(c, uuid, AbandonmentLedger.Count.LIVE, e.at());
    } else if (event instanceof CallEntity.LiveAnswerConfirmed e) {
      AbandonmentLedger.count(c, uuid, AbandonmentLedger.Count.LIVE, e.at());
    } else if (event instanceof CallEntity.Abandoned e) {
      AbandonmentLedger.count(c, uuid, AbandonmentLedger.Count.ABANDONED, e.at());
    } else if (event instanceof CallEntity.AmdDetected e && e.result() == io.autodial.protocol.call.SwitchEvent.AmdResult.MACHINE && !"avmd".equals(e.source())) {
      AbandonmentLedger.count(c, uuid, AbandonmentLedger.Count.MACHINE, e.at());
    }
  }

  private static boolean amd(Connection c, UUID uuid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT amd FROM call_log WHERE call_uuid = ?")) {
      ps.setObject(1, uuid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * A campaign call's end moves its lead on (retry, failed, answered...), its disposition can
   * schedule a call back or put the lead on the do-not-call list. The lead store's own
   * transaction is keyed by the call's reservation, so applying an event twice changes nothing.
   */
  private void updateLead(Connection c, UUID uuid, CallEntity.Event event) throws Exception {
    if (!(event instanceof CallEntity.HungUp || event instanceof CallEntity.DialFailed || event instanceof CallEntity.Dispositioned)) return;
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT l.lead_id, l.answered_at IS NOT NULL, l.abandoned, l.amd_result = 'MACHINE', l.agent_id IS NOT NULL, l.hangup_cause,
               c.settings::text, l.broadcast, l.receiver
        FROM call_log l LEFT JOIN campaigns c ON c.campaign_id = l.campaign_id
        WHERE l.call_uuid = ? AND l.lead_id IS NOT NULL""")) {
      ps.setObject(1, uuid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return;
        long leadId = rs.getLong(1);
        if (event instanceof CallEntity.Dispositioned d) {
          if (d.dnc() || "DO NOT CALL".equals(d.code())) {
            leads.markDnc(leadId);
            // the company's list, so no campaign calls the number again (idempotent on replay)
            dnc.add(rs.getString(9), null, DncSource.DISPOSITION, "agent " + d.agentId() + " recorded " + d.code(), "agent:" + d.agentId());
          } else if (CampaignSettings.CONSENT_REVOKED.equals(d.code())) {
            int revoked = consents.revokeNumber(rs.getString(9), "AGENT", d.at());
            audit.record(new AuditEntry(d.at(), AuditKind.CONSENT_REVOKED, null, leadId, rs.getString(9), "CONSENT",
                "revoked on call " + uuid + " (agent's disposition): " + revoked + " active consent record(s) ended", "agent:" + d.agentId()));
          } else if (d.callbackAt() != null) {
            leads.scheduleCallback(leadId, d.callbackAt());
          }
          return;
        }
        CallOutcome outcome = CallOutcomes.of(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5) || rs.getBoolean(8), rs.getString(6));
        String settings = rs.getString(7);
        RetryRules rules = settings == null ? RetryRules.defaults() : JSON.readValue(settings, CampaignSettings.class).retryRules();
        leads.recordOutcome(uuid, outcome, rules, event.at());
      }
    }
  }

  static void apply(Connection c, UUID uuid, CallEntity.Event event) throws SQLException {
    if (event instanceof CallEntity.DialRequested e) {
      CallContext ctx = e.spec().context();
      Sql.update(c, """
          INSERT INTO call_log (call_uuid, leg_kind, caller, receiver, started_at, campaign_id, lead_id, agent_id, broadcast, amd)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_uuid) DO NOTHING""",
          uuid, e.spec().kind().name(), e.spec().callerIdNumber(), e.spec().destination(), e.at(),
          ctx.campaignId(), ctx.leadId(), ctx.agentId(), ctx.answerPlan().humanMessage() != null,
          ctx.forCampaign() && ctx.answerPlan().amd());
    } else if (event instanceof CallEntity.Dialed e) {
      Sql.update(c, "UPDATE call_log SET switch_id = ? WHERE call_uuid = ?", e.switchId(), uuid);
    } else if (event instanceof CallEntity.Ringing e) {
      Sql.update(c, "UPDATE call_log SET ringing_at = ? WHERE call_uuid = ?", e.at(), uuid);
    } else if (event instanceof CallEntity.Answered e) {
      // without AMD the answer is live at once; with AMD, LiveAnswerConfirmed sets live_at
      Sql.update(c, "UPDATE call_log SET answered_at = ?, live_at = CASE WHEN amd THEN live_at ELSE ? END WHERE call_uuid = ?",
          e.at(), e.at(), uuid);
    } else if (event instanceof CallEntity.LiveAnswerConfirmed e) {
      Sql.update(c, "UPDATE call_log SET live_at = ? WHERE call_uuid = ?", e.at(), uuid);
    } else if (event instanceof CallEntity.MessageStarted e) {
      Sql.update(c, "UPDATE call_log SET message = ? WHERE call_uuid = ?", e.path(), uuid);
    } else if (event instanceof CallEntity.MessagePlayed e) {
      Sql.update(c, "UPDATE call_log SET message_played_at = ? WHERE call_uuid = ?", e.at(), uuid);
    } else if (event instanceof CallEntity.AmdDetected e) {
      // a machine's beep comes after AMD's verdict: it does not overwrite it
      Sql.update(c, "UPDATE call_log SET amd_result = CASE WHEN ? AND amd_result IS NOT NULL THEN amd_result ELSE ? END WHERE call_uuid = ?",
          "avmd".equals(e.source()), e.result().name(), uuid);
    } else if (event instanceof CallEntity.AgentAssigned e) {
      Sql.update(c, "UPDATE call_log SET agent_id = ? WHERE call_uuid = ?", e.agentId(), uuid);
    } else if (event instanceof CallEntity.Abandoned) {
      Sql.update(c, "UPDATE call_log SET abandoned = TRUE WHERE call_uuid = ?", uuid);
    } else if (event instanceof CallEntity.Bridged e) {
      Sql.update(c, "UPDATE call_log SET bridged_to = ?, bridged_at = coalesce(bridged_at, ?) WHERE call_uuid = ?",
          UUID.fromString(e.otherUuid()), Timestamp.from(e.at()), uuid);
    } else if (event instanceof CallEntity.RecordingStarted e) {
      Sql.update(c, "UPDATE call_log SET recording_url = ? WHERE call_uuid = ?", e.path(), uuid);
    } else if (event instanceof CallEntity.HungUp e) {
      Sql.update(c, """
          UPDATE call_log SET ended_at = ?, hangup_cause = ?, sip_status = ?, duration_sec = ?, billsec = ?
          WHERE call_uuid = ?""",
          e.at(), e.cause(), e.sipStatus(), e.durationSec(), e.billSec(), uuid);
    } else if (event instanceof CallEntity.DialFailed e) {
      Sql.update(c, """
          UPDATE call_log SET ended_at = ?, hangup_cause = ?, sip_status = 0, duration_sec = 0, billsec = 0
          WHERE call_uuid = ?""",
          e.at(), e.cause(), uuid);
    } else if (event instanceof CallEntity.Dispositioned e) {
      Sql.update(c, "UPDATE call_log SET disposition = ?, notes = ?, callback_at = ?, dnc = ? WHERE call_uuid = ?",
          e.code(), e.notes(), e.callbackAt(), e.dnc(), uuid);
    }
  }

}
