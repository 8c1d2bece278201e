package io.autodial.node.compliance.eligibility;

import java.time.Instant;

/** One rule that keeps a lead from being dialed; {@code nextAllowedAt} is null when time does not lift it. */
public record Block(Rule rule, String reason, Instant nextAllowedAt) {}
