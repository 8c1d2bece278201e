package io.autodial.http.agents;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Agent accounts and their assignment to campaigns. */
public interface AgentsService {
  CompletionStage<AgentDto> create(NewAgent agent);

  CompletionStage<List<AgentDto>> list();

  CompletionStage<Optional<AgentDto>> get(String agentId);

  /** Fails with IllegalArgumentException when the agent is busy or the campaign does not exist. */
  CompletionStage<Optional<AgentDto>> assignCampaign(String agentId, String campaignId);

  CompletionStage<Boolean> delete(String agentId);

  /** The agent calls a lead of its campaign now (manual dial); the lead is reserved atomically. */
  CompletionStage<LeadDialOutcome> dialLead(String agentId, long leadId);
}
