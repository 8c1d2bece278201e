package io.autodial.loadtest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link EslCallBenchmark} runs, from system properties (the load-tests pom passes them on to
 * the forked JVM; {@code mvn ... -Dchannels=100,1000} overrides them).
 *
 * @param levels concurrent-channel targets, run in this order
 * @param sessionsPerSecond the simulator's sessions-per-second limit and the ESL layer's cap for it
 * @param ringMillis how long every simulated call rings before it answers
 * @param warmupCalls calls dialed, answered and hung up before the first level (not a level); -1
 *     ({@code -Dwarmup=shards}, the default): one call in each shard
 * @param resultsDir where the .md and .json go
 * @param burst {@code -Ddial=burst}: all N Dial commands of a level at once; by default
 *     ({@code paced}) one every 1/sessionsPerSecond seconds
 * @param experiment empty, or a diagnostic variation of the node's configuration (see EslCallBenchmark)
 */
record BenchmarkOptions(
    List<Integer> levels,
    int sessionsPerSecond,
    long ringMillis,
    int warmupCalls,
    Path resultsDir,
    String resultsName,
    String experiment,
    boolean burst) {

  static BenchmarkOptions fromSystemProperties() {
    List<Integer> levels =
        Arrays.stream(System.getProperty("channels", "100,1000,5000").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Integer::parseInt)
            .toList();
    if (levels.isEmpty() || levels.stream().anyMatch(n -> n < 1))
      throw new IllegalArgumentException("channels must be a comma-separated list of positive counts");
    int sps = Integer.getInteger("sps", 1000);
    if (sps < 1) throw new IllegalArgumentException("sps must be >= 1");
    return new BenchmarkOptions(
        levels,
        sps,
        Long.getLong("ringMs", 1000L),
        warmup(System.getProperty("warmup", "shards")),
        Path.of(System.getProperty("results.dir", "results")),
        System.getProperty("results.name", "esl-call-latency"),
        System.getProperty("experiment", "").trim(),
        dialMode(System.getProperty("dial", "paced")));
  }

  private static boolean dialMode(String value) {
    return switch (value.trim()) {
      case "paced", "" -> false;
      case "burst" -> true;
      default -> throw new IllegalArgumentException("dial must be 'paced' or 'burst'");
    };
  }

  private static int warmup(String value) {
    if (value.trim().equalsIgnoreCase("shards")) return -1;
    int n = Integer.parseInt(value.trim());
    if (n < 0) throw new IllegalArgumentException("warmup must be 'shards' or a count >= 0");
    return n;
  }

  int maxLevel() {
    return levels.stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** The Maven command that reproduces a run with these options, from the repository root. */
  String mavenCommand() {
    String channels = String.join(",", levels.stream().map(String::valueOf).toList());
    StringBuilder sb =
        new StringBuilder("mvn -o -q -pl load-tests -am -Dmaven.test.skip=true -Pbenchmark verify");
    if (!channels.equals("100,1000,5000")) sb.append(" -Dchannels=").append(channels);
    if (sessionsPerSecond != 1000) sb.append(" -Dsps=").append(sessionsPerSecond);
    if (ringMillis != 1000) sb.append(" -DringMs=").append(ringMillis);
    if (warmupCalls >= 0) sb.append(" -Dwarmup=").append(warmupCalls);
    if (!resultsName.equals("esl-call-latency")) sb.append(" -Dresults.name=").append(resultsName);
    if (!experiment.isEmpty()) sb.append(" -Dexperiment=").append(experiment);
    if (burst) sb.append(" -Ddial=burst");
    return sb.toString();
  }
}
