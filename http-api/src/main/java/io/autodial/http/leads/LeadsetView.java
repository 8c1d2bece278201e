package io.autodial.http.leads;

import java.time.Instant;

/** A lead set as the API shows it in lists. */
public record LeadsetView(long id, String name, String description, Instant createdAt) {}
