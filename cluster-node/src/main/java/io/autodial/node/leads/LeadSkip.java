package io.autodial.node.leads;

import java.time.Instant;

/** A row of {@code lead_skips}: an agent looked at the lead in preview and did not dial it. */
public record LeadSkip(String agentId, String campaignId, String reason, Instant skippedAt) {}
