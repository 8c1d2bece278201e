package io.autodial.http.leads;

import java.time.Instant;

/** Body of {@code GET /api/leadsets/{id}}: the set and its counts. */
public record LeadsetDetails(long id, String name, String description, Instant createdAt, LeadCountsView counts) {}
