package io.autodial.loadtest.robots;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exact percentiles of a set of millisecond samples (nearest rank). */
record Samples(int count, double p50, double p90, double p99, double p999, double max, double mean) {

  static Samples of(double[] millis) {
    double[] s = millis.clone();
    Arrays.sort(s);
    if (s.length == 0) return new Samples(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    return new Samples(s.length, rank(s, 0.50), rank(s, 0.90), rank(s, 0.99), rank(s, 0.999), s[s.length - 1], Arrays.stream(s).average().orElse(Double.NaN));
  }

  private static double rank(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Share of samples above {@code millis}. */
  static double shareAbove(double[] samples, double millis) {
    if (samples.length == 0) return Double.NaN;
    return (double) Arrays.stream(samples).filter(v -> v > millis).count() / samples.length;
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", count);
    m.put("p50Ms", round(p50));
    m.put("p90Ms", round(p90));
    m.put("p99Ms", round(p99));
    m.put("p999Ms", round(p999));
    m.put("maxMs", round(max));
    m.put("meanMs", round(mean));
    return m;
  }

  static Object round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 100) / 100.0;
  }
}
