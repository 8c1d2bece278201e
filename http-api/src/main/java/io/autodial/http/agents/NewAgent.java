package io.autodial.http.agents;

/** Body of {@code POST /api/agents}: an agent's login; the agent id defaults to the username. */
public record NewAgent(String username, String password, String displayName, String agentId, String campaignId) {}
