package io.autodial.node.compliance.dnc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a registry import stands. {@code phase} says what a RUNNING import is doing (reading,
 * sorting, saving). {@code numbersLoaded} counts distinct numbers; {@code duplicates} the good
 * lines that repeated one; {@code rejected} the bad lines, of which {@code firstRejected} lists the
 * first few.
 */
public record RegistryImportState(
    long id,
    State state,
    String phase,
    LocalDate registryDate,
    long linesRead,
    long numbersLoaded,
    long duplicates,
    long rejected,
    List<RejectedLine> firstRejected,
    Instant startedAt,
    Instant finishedAt,
    String failure) {

  public enum State { RUNNING, DONE, FAILED }

  public record RejectedLine(long line, String reason) {}
}
