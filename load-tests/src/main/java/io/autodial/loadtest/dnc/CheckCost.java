package io.autodial.loadtest.dnc;

import io.autodial.node.compliance.dnc.DncLists;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The cost of {@link DncLists#check} against the loaded registry: 2^20 prepared E.164 strings,
 * half numbers on the registry and half not, shuffled, looked up in turn for a campaign that has
 * its own list. Warm-up rounds first (JIT), then timed rounds: ns/op = round time / checks. A
 * separate pass times each call alone for the percentiles (those include System.nanoTime's own
 * cost, some 20-30 ns). Allocation is read from the thread's allocated-bytes counter.
 */
final class CheckCost {
  private CheckCost() {}

  static Map<String, Object> measure(DncLists lists, long[] registrySample, long checks, long seed) {
    String[] queries = queries(lists, registrySample, seed);
    int mask = queries.length - 1;
    long hits = 0;
    for (int round = 0; round < 5; round++) hits += loop(lists, queries, mask, 2_000_000);
    List<Double> nsPerOp = new ArrayList<>();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocBefore = threads.getCurrentThreadAllocatedBytes();
    long timedHits = 0;
    for (int round = 0; round < 3; round++) {
      long t = System.nanoTime();
      timedHits = loop(lists, queries, mask, checks);
      nsPerOp.add(Math.round((System.nanoTime() - t) * 10.0 / checks) / 10.0);
    }
    double allocPerOp = (threads.getCurrentThreadAllocatedBytes() - allocBefore) / (3.0 * checks);

    long[] single = new long[1_000_000];
    for (int i = 0; i < single.length; i++) {
      long t = System.nanoTime();
      if (lists.check(queries[i & mask], "bench").isPresent()) hits++;
      single[i] = System.nanoTime() - t;
    }
    Arrays.sort(single);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("checksPerRound", checks);
    m.put("hitShareOfQueries", Math.round(1000.0 * timedHits / checks) / 1000.0);
    m.put("nsPerOpByRound", nsPerOp);
    m.put("nsPerOpBest", nsPerOp.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
    m.put("singleCallNsP50", single[single.length / 2]);
    m.put("singleCallNsP99", single[(int) (single.length * 0.99)]);
    m.put("singleCallNsP999", single[(int) (single.length * 0.999)]);
    m.put("singleCallNsMax", single[single.length - 1]);
    m.put("allocatedBytesPerCheck", Math.round(allocPerOp * 100) / 100.0);
    m.put("ignore", hits % 2); // keeps the warm-up's result alive
    return m;
  }

  private static long loop(DncLists lists, String[] queries, int mask, long n) {
    long hits = 0;
    for (long i = 0; i < n; i++) if (lists.check(queries[(int) i & mask], "bench").isPresent()) hits++;
    return hits;
  }

  /** Half numbers known to be on the registry (sampled while the file was written), half not. */
  private static String[] queries(DncLists lists, long[] sample, long seed) {
    SplittableRandom random = new SplittableRandom(seed + 1);
    String[] q = new String[1 << 20];
    int n = 0;
    for (long key : sample) if (key != 0 && n < q.length / 2) q[n++] = "+" + key;
    while (n < q.length) {
      String miss = "+1" + RegistryFileGenerator.randomNational(random);
      if (lists.check(miss, null).isEmpty()) q[n++] = miss;
    }
    for (int i = q.length - 1; i > 0; i--) { // shuffle: hits and misses interleaved, no cache-friendly order
      int j = random.nextInt(i + 1);
      String s = q[i];
      q[i] = q[j];
      q[j] = s;
    }
    return q;
  }
}
