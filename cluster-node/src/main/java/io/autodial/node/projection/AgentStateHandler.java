package io.autodial.node.projection;

import io.autodial.node.agent.AgentEntity;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import java.sql.Connection;
import java.sql.SQLException;
import io.autodial.node.leads.LeadRepository;
import java.time.Instant;
import java.util.UUID;

/**
 * Agent events to {@code agent_states} (what each agent does now, for campaign stats) and {@code
 * agent_state_log} (how long it spent in each state).
 */
public final class AgentStateHandler implements ReadModelWriter<AgentEntity.Event> {
  public static final String NAME = "agent-states";
  private final LeadRepository leads;

  public AgentStateHandler(LeadRepository leads) {
    this.leads = leads;
  }

  @Override
  public void write(Connection c, String agentId, AgentEntity.Event event) throws SQLException {
    if (event instanceof AgentEntity.PreviewSkipped e) {
      // the skip is kept with its reason, and the lead it held goes back to the pool; both are
      // safe to repeat (the release is keyed by the reservation)
      Sql.update(c, """
          INSERT INTO lead_skips (agent_id, lead_id, campaign_id, call_uuid, reason, skipped_at) VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (call_uuid) DO NOTHING""", agentId, e.leadId(), e.campaignId(), UUID.fromString(e.callUuid()), e.reason(), e.at());
      leads.release(UUID.fromString(e.callUuid()), e.at());
    }
    if (event instanceof AgentEntity.CampaignAssigned e) {
      Sql.update(c, """
          INSERT INTO agent_states (agent_id, campaign_id, status, since) VALUES (?, ?, 'LOGGED_OUT', ?)
          ON CONFLICT (agent_id) DO UPDATE SET campaign_id = EXCLUDED.campaign_id""", agentId, e.campaignId(), e.at());
      return;
    }
    AgentStatus status = statusAfter(event);
    if (status == null) return;
    String reason =
        event instanceof AgentEntity.WentPaused p ? p.reason()
            : event instanceof AgentEntity.DispositionSubmitted d && d.pauseAfter() ? d.pauseReason()
        : event instanceof AgentEntity.CustomerNotReached n ? n.pausedReason()
            : null;
    Instant at = event.at();
    Sql.update(c, """
        INSERT INTO agent_states (agent_id, status, pause_reason, since) VALUES (?, ?, ?, ?)
        ON CONFLICT (agent_id) DO UPDATE SET status = EXCLUDED.status, pause_reason = EXCLUDED.pause_reason, since = EXCLUDED.since""",
        agentId, status.name(), reason, at);
    Sql.update(c, "UPDATE agent_state_log SET ended_at = ? WHERE agent_id = ? AND ended_at IS NULL AND started_at <= ?", at, agentId, at);
    Sql.update(c, "INSERT INTO agent_state_log (agent_id, status, started_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", agentId, status.name(), at);
  }

  private static AgentStatus statusAfter(AgentEntity.Event event) {
    if (event instanceof AgentEntity.WentReady || event instanceof AgentEntity.ReservationReleased) return AgentStatus.READY;
    if (event instanceof AgentEntity.WentPaused) return AgentStatus.PAUSED;
    if (event instanceof AgentEntity.LoggedOut) return AgentStatus.LOGGED_OUT;
    if (event instanceof AgentEntity.CallReserved) return AgentStatus.RESERVED;
    if (event instanceof AgentEntity.CallConnected) return AgentStatus.ON_CALL;
    if (event instanceof AgentEntity.CallEnded) return AgentStatus.WRAP_UP;
    if (event instanceof AgentEntity.DispositionSubmitted d) return d.pauseAfter() ? AgentStatus.PAUSED : AgentStatus.READY;
    if (event instanceof AgentEntity.PreviewOffered) return AgentStatus.PREVIEW;
    if (event instanceof AgentEntity.PreviewSkipped) return AgentStatus.READY;
    if (event instanceof AgentEntity.CustomerDialStarted) return AgentStatus.DIALING;
    if (event instanceof AgentEntity.CustomerNotReached n) return n.pausedReason() != null ? AgentStatus.PAUSED : AgentStatus.READY;
    return null; // leg events do not change what the agent does
  }
}
