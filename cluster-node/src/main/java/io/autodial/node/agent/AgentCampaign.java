package io.autodial.node.agent;

import io.autodial.protocol.agent.CallDetails;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What an Agent asks of its campaign's dialer, which knows the campaign's settings: place the call
 * of a preview the agent chose to dial, and dial a lead the agent picked by id.
 */
public interface AgentCampaign {
  /** The agent dials its preview: the customer call, bound to the agent's parked leg. */
  void placePreviewCall(String campaignId, String agentId, CallDetails preview, String legUuid, String switchId);

  /** Reserves the lead for this agent and places its call, or says why not. */
  CompletionStage<LeadDialResult> dialLead(String campaignId, String agentId, long leadId);

  AgentCampaign NONE =
      new AgentCampaign() {
        @Override
        public void placePreviewCall(String campaignId, String agentId, CallDetails preview, String legUuid, String switchId) {}

        @Override
        public CompletionStage<LeadDialResult> dialLead(String campaignId, String agentId, long leadId) {
          return CompletableFuture.completedFuture(LeadDialResult.refused(LeadDialResult.Problem.FAILED, "no dialer"));
        }
      };
}
