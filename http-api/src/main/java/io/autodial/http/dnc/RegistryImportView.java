package io.autodial.http.dnc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A registry import's progress: {@code state} RUNNING (with its {@code phase}), DONE or FAILED. */
public record RegistryImportView(
    long id,
    String state,
    String phase,
    LocalDate registryDate,
    long linesRead,
    long numbersLoaded,
    long duplicates,
    long rejected,
    List<Rejected> firstRejected,
    Instant startedAt,
    Instant finishedAt,
    String failure) {

  public record Rejected(long line, String reason) {}
}
