package io.autodial.node.wiring;

import io.autodial.node.agent.AgentListener;
import io.autodial.node.campaign.CampaignEntity;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** Tells an agent's campaign whether the agent can take a call. */
public final class ShardedAgentListener implements AgentListener {
  private final ClusterSharding sharding;

  public ShardedAgentListener(ActorSystem<?> system) {
    this.sharding = ClusterSharding.get(system);
  }

  @Override
  public void available(String agentId, String campaignId, long readySinceMillis, String legUuid, String switchId) {
    sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId).tell(new CampaignEntity.AgentAvailable(agentId, readySinceMillis, legUuid, switchId));
  }

  @Override
  public void unavailable(String agentId, String campaignId) {
    sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId).tell(new CampaignEntity.AgentUnavailable(agentId));
  }
}
