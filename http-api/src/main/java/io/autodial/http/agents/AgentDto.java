package io.autodial.http.agents;

/** An agent account with its live state. */
public record AgentDto(String agentId, long userId, String username, String displayName, String status, String pauseReason, String campaignId, long sinceEpochMillis) {}
