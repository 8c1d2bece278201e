package io.autodial.node.compliance.dnc;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The national registry copy this node scrubs against. The FCC safe harbor needs a copy no older
 * than 31 days, so {@code stale} is set past that, and when no registry was ever imported.
 *
 * @param registryDate the date the registry file was published; null when never imported
 * @param importId the import that produced it; null when never imported
 * @param warning null when fresh; otherwise says what to do
 */
public record RegistryStatus(
    LocalDate registryDate, Long importId, long count, Instant importedAt, boolean stale, String warning) {}
