package io.autodial.node.compliance.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DncIndexTest {
  private static final DncHit HIT = new DncHit(DncListKind.INTERNAL, null, Instant.EPOCH, "API");

  @Test
  void theMapFindsWhatWasPutAndForgetsWhatWasRemovedAcrossResizes() {
    LongHitMap map = new LongHitMap();
    for (long k = 1; k <= 10_000; k++) map.put(12125550000L + k, HIT);
    for (long k = 1; k <= 10_000; k += 2) assertThat(map.remove(12125550000L + k)).isTrue();
    assertThat(map.remove(12125550001L)).isFalse();
    assertThat(map.size()).isEqualTo(5_000);
    for (long k = 1; k <= 10_000; k++) assertThat(map.get(12125550000L + k)).isEqualTo(k % 2 == 0 ? Optional.of(HIT) : null);
    map.put(12125550001L, HIT); // back on after a removal
    assertThat(map.get(12125550001L)).contains(HIT);
    assertThat(map.get(19995550000L)).isNull();
  }

  @Test
  void theRegistryIsSortedDedupedAndSearched() {
    long[] keys = new long[1000];
    Random random = new Random(7);
    for (int i = 0; i < 900; i++) keys[i] = 12000000000L + random.nextInt(1_000_000);
    for (int i = 900; i < 1000; i++) keys[i] = keys[i - 900]; // duplicates
    int n = RegistryIndex.sortUnique(keys, keys.length);
    assertThat(n).isLessThanOrEqualTo(900);
    for (int i = 1; i < n; i++) assertThat(keys[i]).isGreaterThan(keys[i - 1]);
    RegistryIndex index = new RegistryIndex(1L, LocalDate.of(2026, 11, 1), keys, n, Instant.EPOCH);
    assertThat(index.get(keys[0]).orElseThrow().kind()).isEqualTo(DncListKind.NATIONAL_REGISTRY);
    assertThat(index.get(keys[n - 1])).isNotNull();
    assertThat(index.get(11999999999L)).isNull();
    assertThat(RegistryIndex.NONE.get(keys[0])).isNull();
  }

  @Test
  void everyNumberOnTheRegistryIsFoundAndNoOtherWhateverItsSpread() {
    Random random = new Random(11);
    for (int size : new int[] {1, 2, 3, 5, 100, 10_000}) {
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) keys[i] = i % 3 == 0 ? 12000000000L + random.nextInt(1000) : 10000000L + (random.nextLong() & 0xFFFFFFFFFFFL);
      int n = RegistryIndex.sortUnique(keys, size);
      RegistryIndex index = new RegistryIndex(1L, LocalDate.of(2026, 11, 1), keys, n, Instant.EPOCH);
      java.util.Set<Long> on = new java.util.HashSet<>();
      for (int i = 0; i < n; i++) {
        on.add(keys[i]);
        assertThat(index.get(keys[i])).isNotNull();
      }
      for (int i = 0; i < 10_000; i++) {
        long probe = i % 2 == 0 ? 12000000000L + random.nextInt(2000) : 10000000L + (random.nextLong() & 0xFFFFFFFFFFFL);
        assertThat(index.get(probe) != null).isEqualTo(on.contains(probe));
      }
      assertThat(index.get(1L)).isNull();
      assertThat(index.get(Long.MAX_VALUE)).isNull();
    }
  }
}
