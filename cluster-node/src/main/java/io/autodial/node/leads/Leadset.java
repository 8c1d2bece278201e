package io.autodial.node.leads;

import java.time.Instant;

/** A named list of leads that campaigns dial from. */
public record Leadset(long id, String name, String description, Instant createdAt) {}
