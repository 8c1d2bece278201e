package io.autodial.http.campaigns;

import java.util.List;

/** Body of {@code PUT /api/campaigns/{id}/agents}: the agents who work the campaign. */
public record AgentAssignment(List<String> agentIds) {
  public AgentAssignment {
    if (agentIds == null) throw new IllegalArgumentException("agentIds is required (a list of agent ids)");
    agentIds = List.copyOf(agentIds);
  }
}
