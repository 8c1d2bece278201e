package io.autodial.http.agents;

/** Answer to a successful dial: the call now ringing for the agent. */
public record DialedLead(String callUuid, long leadId, String agentId) {}
