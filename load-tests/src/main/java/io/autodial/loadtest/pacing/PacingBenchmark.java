package io.autodial.loadtest.pacing;

import io.autodial.node.campaign.pacing.PacingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs scenarios through the virtual floor and compares three pacings on each, over every seed:
 * progressive (one call per idle agent), the best fixed ratio (the ratio searched in steps of 0.1
 * whose every run stays at or under 3 % abandonment) and Autodial predictive. Writes
 * {@code results/<name>.json} and {@code results/<name>.md}.
 *
 * <p>Options (-D): {@code scenarios} (comma-separated JSON files, default the four in
 * load-tests/scenarios), {@code agents} (comma-separated team sizes that replace each scenario's
 * own), {@code hours}, {@code seeds}, {@code ratios} (min:max:step of the fixed-ratio search),
 * {@code threads}, {@code results.dir}, {@code results.name}.
 */
public final class PacingBenchmark {
  static final double CAP = 3.0;

  /** One pacing on one scenario and team size, over all seeds. */
  public record Comparison(
      String scenario, int agents, String strategy, Double ratio, double meanTalkMinutesPerAgentHour,
      double maxAbandonmentPercent, double worstHourAbandonmentPercent, List<FloorResult> runs) {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("scenarios.dir", "load-tests/scenarios"));
    List<Path> files = new ArrayList<>();
    for (String f : System.getProperty("scenarios", "base.json,answer-rate-drop.json,answer-rate-rise.json,talk-time-jump.json").split(","))
      files.add(root.resolve(f.trim()));
    int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    List<Comparison> all = new ArrayList<>();
    for (Path file : files) {
      Scenario base = Scenario.read(file);
      if (System.getProperty("hours") != null) base = base.withHours(Double.parseDouble(System.getProperty("hours")));
      if (System.getProperty("seeds") != null)
        base = base.withSeeds(Arrays.stream(System.getProperty("seeds").split(",")).map(Long::parseLong).toList());
      List<Integer> sizes = System.getProperty("agents") == null ? List.of(base.agents())
          : Arrays.stream(System.getProperty("agents").split(",")).map(Integer::parseInt).toList();
      for (int agents : sizes) {
        Scenario s = base.withAgents(agents);
        all.add(compare(s, "progressive", 1.0, pool));
        all.add(bestFixedRatio(s, pool));
        all.add(compare(s, "predictive", null, pool));
        for (int i = all.size() - 3; i < all.size(); i++) System.out.println(line(all.get(i)));
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    PacingReport.write(all, seconds, threads);
  }

  private static Comparison bestFixedRatio(Scenario s, ExecutorService pool) throws Exception {
    String[] range = System.getProperty("ratios", "1.1:10.0:0.1").split(":");
    double from = Double.parseDouble(range[0]), to = Double.parseDouble(range[1]), step = Double.parseDouble(range[2]);
    Comparison best = null;
    for (double r = from; r <= to + 1e-9; r += step) {
      double ratio = Math.round(r * 100) / 100.0;
      Comparison c = compare(s, "best fixed ratio", ratio, pool);
      if (c.maxAbandonmentPercent() > CAP) break; // higher ratios only abandon more
      if (best == null || c.meanTalkMinutesPerAgentHour() > best.meanTalkMinutesPerAgentHour()) best = c;
    }
    return best != null ? best : compare(s, "best fixed ratio", 1.0, pool);
  }

  private static Comparison compare(Scenario s, String strategy, Double ratio, ExecutorService pool) throws Exception {
    PacingConfig config = ratio == null ? PacingConfig.predictive() : PacingConfig.fixed(ratio);
    List<Future<FloorResult>> futures = new ArrayList<>();
    for (long seed : s.seeds()) futures.add(pool.submit(() -> VirtualFloor.run(s, seed, config, strategy)));
    List<FloorResult> runs = new ArrayList<>();
    for (Future<FloorResult> f : futures) runs.add(f.get());
    return new Comparison(s.name(), s.agents(), strategy, ratio,
        Math.round(runs.stream().mapToDouble(FloorResult::talkMinutesPerAgentHour).average().orElse(0) * 100) / 100.0,
        runs.stream().mapToDouble(FloorResult::abandonmentPercent).max().orElse(0),
        runs.stream().mapToDouble(FloorResult::worstHourAbandonmentPercent).max().orElse(0), runs);
  }

  static String line(Comparison c) {
    return String.format("%-18s %4d agents  %-17s %-5s talk %.2f min/agent-hour  abandonment max %.2f %%  worst hour %.2f %%",
        c.scenario(), c.agents(), c.strategy(), c.ratio() == null ? "" : c.ratio(), c.meanTalkMinutesPerAgentHour(),
        c.maxAbandonmentPercent(), c.worstHourAbandonmentPercent());
  }
}
