package io.autodial.node.compliance.abandonment;

import java.time.Instant;

/** A campaign's live answers, abandoned calls and AMD machine verdicts in one clock hour. */
public record HourTotals(Instant hour, long live, long abandoned, long machines) {}
