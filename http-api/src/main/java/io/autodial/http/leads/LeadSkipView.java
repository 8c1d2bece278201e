package io.autodial.http.leads;

import java.time.Instant;

/** An agent skipped this lead in preview mode, and why. */
public record LeadSkipView(String agentId, String campaignId, String reason, Instant skippedAt) {}
