package io.autodial.http.dnc;

import java.time.Instant;
import java.time.LocalDate;

/** The national registry copy in use; {@code warning} is set when it is stale (over 31 days) or missing. */
public record RegistryStatusView(
    LocalDate registryDate, Long importId, long count, Instant importedAt, boolean stale, String warning) {}
