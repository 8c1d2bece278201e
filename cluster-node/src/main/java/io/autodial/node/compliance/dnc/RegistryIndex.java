package io.autodial.node.compliance.dnc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * One national registry copy in memory: its numbers as a sorted, duplicate-free {@code long[]}
 * (8 bytes a number: 10 million take 80 MB, where boxed Longs in a set would take over 500 MB),
 * looked up by binary search. A plain binary search over 80 MB takes some 20 dependent cache
 * misses; a bucket table over the keys' high bits (about one bucket per 4 numbers, 4 bytes each)
 * narrows it to a few neighbouring entries first, so a lookup costs two or three misses. Immutable:
 * an import builds a new one and {@link DncLists} swaps it in.
 */
final class RegistryIndex {
  static final RegistryIndex NONE = new RegistryIndex(null, null, new long[0], 0, null);

  final Long importId;
  final LocalDate registryDate;
  final Instant importedAt;
  private final long[] sorted;
  private final int size; // sorted[0, size) holds the numbers; the array may be longer (no copy to trim)
  private final Optional<DncHit> hit; // the same answer for every number on it, made once
  private final long min;
  private final long max;
  private final int shift;
  private final int[] starts; // starts[b]: the first index whose key is in bucket b or later; one more than the buckets

  /** {@code sorted[0, size)} must be ascending without duplicates ({@link #sortUnique}); it is not copied. */
  RegistryIndex(Long importId, LocalDate registryDate, long[] sorted, int size, Instant importedAt) {
    this.importId = importId;
    this.size = size;
    this.registryDate = registryDate;
    this.importedAt = importedAt;
    this.sorted = sorted;
    this.min = size == 0 ? 1 : sorted[0];
    this.max = size == 0 ? 0 : sorted[size - 1];
    int bits = 31 - Integer.numberOfLeadingZeros(Math.max(1, size / 4));
    this.shift = size == 0 ? 0 : Math.max(0, 64 - Long.numberOfLeadingZeros(max - min) - bits);
    this.starts = buckets(sorted, size);
    this.hit =
        registryDate == null
            ? Optional.empty()
            : Optional.of(new DncHit(DncListKind.NATIONAL_REGISTRY, null, registryDate.atStartOfDay(ZoneOffset.UTC).toInstant(), DncSource.REGISTRY_IMPORT.name()));
  }

  /** The registry's hit when it holds {@code key}, else null. */
  Optional<DncHit> get(long key) {
    if (key < min || key > max) return null;
    int b = (int) ((key - min) >>> shift);
    return Arrays.binarySearch(sorted, starts[b], starts[b + 1], key) >= 0 ? hit : null;
  }

  private int[] buckets(long[] sorted, int size) {
    if (size == 0) return new int[] {0, 0};
    int n = (int) ((max - min) >>> shift) + 1;
    int[] s = new int[n + 1];
    int next = 0;
    for (int i = 0; i < size; i++) {
      int b = (int) ((sorted[i] - min) >>> shift);
      while (next <= b) s[next++] = i;
    }
    while (next <= n) s[next++] = size;
    return s;
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
