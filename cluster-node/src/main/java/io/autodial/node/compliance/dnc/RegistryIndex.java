package io.autodial.node.compliance.dnc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * One national registry copy in memory: its numbers as a sorted, duplicate-free {@code long[]}
 * (8 bytes a number: 10 million take 80 MB, where boxed Longs in a set would take over 500 MB),
 * looked up by binary search. Immutable: an import builds a new one and {@link DncLists} swaps it in.
 */
final class RegistryIndex {
  static final RegistryIndex NONE = new RegistryIndex(null, null, new long[0], 0, null);

  final Long importId;
  final LocalDate registryDate;
  final Instant importedAt;
  private final long[] sorted;
  private final int size; // sorted[0, size) holds the numbers; the array may be longer (no copy to trim)
  private final Optional<DncHit> hit; // the same answer for every number on it, made once

  /** {@code sorted[0, size)} must be ascending without duplicates ({@link #sortUnique}); it is not copied. */
  RegistryIndex(Long importId, LocalDate registryDate, long[] sorted, int size, Instant importedAt) {
    this.importId = importId;
    this.size = size;
    this.registryDate = registryDate;
    this.importedAt = importedAt;
    this.sorted = sorted;
    this.hit =
        registryDate == null
            ? Optional.empty()
            : Optional.of(new DncHit(DncListKind.NATIONAL_REGISTRY, null, registryDate.atStartOfDay(ZoneOffset.UTC).toInstant(), DncSource.REGISTRY_IMPORT.name()));
  }

  /** The registry's hit when it holds {@code key}, else null. */
  Optional<DncHit> get(long key) {
    return Arrays.binarySearch(sorted, 0, size, key) >= 0 ? hit : null;
  }

  int size() {
    return size;
  }

  /** The first {@code n} values of {@code keys} sorted and with duplicates dropped, in place; returns how many remain. */
  static int sortUnique(long[] keys, int n) {
    Arrays.parallelSort(keys, 0, n);
    if (n == 0) return 0;
    int w = 1;
    for (int r = 1; r < n; r++) if (keys[r] != keys[w - 1]) keys[w++] = keys[r];
    return w;
  }
}
