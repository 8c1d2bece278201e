package io.autodial.node.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autodial.node.campaign.CampaignEntity;
import java.sql.Connection;
import java.sql.SQLException;

/** Campaign events to the {@code campaigns} table the campaign list is read from. */
public final class CampaignHandler implements ReadModelWriter<CampaignEntity.Event> {
  public static final String NAME = "campaigns";
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  @Override
  public void write(Connection c, String id, CampaignEntity.Event event) throws SQLException {
    try {
      if (event instanceof CampaignEntity.Created e) {
        Sql.update(c, """
            INSERT INTO campaigns (campaign_id, name, status, settings, updated_at) VALUES (?, ?, 'PAUSED', ?::jsonb, ?)
            ON CONFLICT (campaign_id) DO NOTHING""", id, e.settings().name(), JSON.writeValueAsString(e.settings()), e.at());
      } else if (event instanceof CampaignEntity.SettingsChanged e) {
        Sql.update(c, "UPDATE campaigns SET name = ?, settings = ?::jsonb, updated_at = ? WHERE campaign_id = ?",
            e.settings().name(), JSON.writeValueAsString(e.settings()), e.at(), id);
      } else if (event instanceof CampaignEntity.StatusChanged e) {
        Sql.update(c, "UPDATE campaigns SET status = ?, updated_at = ? WHERE campaign_id = ?", e.status().name(), e.at(), id);
      } else if (event instanceof CampaignEntity.Deleted) {
        Sql.update(c, "DELETE FROM campaigns WHERE campaign_id = ?", id);
      } else if (event instanceof CampaignEntity.AgentsAssigned e) {
        Sql.update(c, "UPDATE campaigns SET agent_ids = ?::jsonb, updated_at = ? WHERE campaign_id = ?",
            JSON.writeValueAsString(e.agentIds()), e.at(), id);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("campaign settings are not serializable", e);
    }
  }
}
