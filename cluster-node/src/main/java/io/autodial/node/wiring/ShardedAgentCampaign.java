package io.autodial.node.wiring;

import io.autodial.node.agent.AgentCampaign;
import io.autodial.node.agent.LeadDialResult;
import io.autodial.node.campaign.CampaignEntity;
import io.autodial.protocol.agent.CallDetails;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** An Agent's requests to its campaign's dialer, over sharding. */
public final class ShardedAgentCampaign implements AgentCampaign {
  /** Under the softphone's own 5 s: the reply to its message must come first. */
  private static final Duration ASK = Duration.ofSeconds(4);
  private final ClusterSharding sharding;

  public ShardedAgentCampaign(ActorSystem<?> system) {
    this.sharding = ClusterSharding.get(system);
  }

  @Override
  public void placePreviewCall(String campaignId, String agentId, CallDetails preview, String legUuid, String switchId) {
    sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId).tell(new CampaignEntity.PlacePreviewCall(agentId, preview, legUuid, switchId));
  }

  @Override
  public CompletionStage<LeadDialResult> dialLead(String campaignId, String agentId, long leadId) {
    return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId)
        .<LeadDialResult>ask(r -> new CampaignEntity.DialLead(agentId, leadId, r), ASK)
        .exceptionally(failure -> LeadDialResult.refused(LeadDialResult.Problem.FAILED, "campaign " + campaignId + " did not answer in time; try again"));
  }
}
