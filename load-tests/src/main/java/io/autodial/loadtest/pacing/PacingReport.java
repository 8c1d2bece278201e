package io.autodial.loadtest.pacing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.autodial.loadtest.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the virtual-time comparison as JSON (for tools) and Markdown (for people). */
final class PacingReport {
  private PacingReport() {}

  static void write(List<PacingBenchmark.Comparison> all, double seconds, int threads) throws IOException {
    Path dir = Path.of(System.getProperty("results.dir", "load-tests/results"));
    String name = System.getProperty("results.name", "pacing-virtual-time");
    Files.createDirectories(dir);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", command());
    json.put("ranAt", Instant.now().toString());
    json.put("wallSeconds", Math.round(seconds));
    json.put("comparisons", all);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(name + ".json").toFile(), json);

    StringBuilder md = new StringBuilder();
    md.append("# Pacing in virtual time\n\n");
    md.append("Produced by (from the repository root):\n\n```sh\n").append(command()).append("\n```\n\n");
    md.append(String.format("%s; %d scenario runs on %d threads in %.0f s of wall time. CPU: %s, %d cores; load average before: %s.%n%n",
        Instant.now(), all.stream().mapToInt(c -> c.runs().size()).sum(), threads, seconds, RunInfo.readCpuModel(),
        Runtime.getRuntime().availableProcessors(), RunInfo.loadAverage()));
    md.append("Talk = talk-minutes per agent-hour, the mean over the seeds; abandonment = abandoned / live answers,\n");
    md.append("the highest over the seeds for the whole run and for the worst clock hour of any run.\n\n");
    md.append("| scenario | agents | pacing | ratio | talk | abandonment (max over seeds) | worst hour | per seed: talk / abandonment |\n");
    md.append("|---|---:|---|---:|---:|---:|---:|---|\n");
    for (PacingBenchmark.Comparison c : all) {
      StringBuilder seeds = new StringBuilder();
      for (FloorResult r : c.runs())
        seeds.append(seeds.isEmpty() ? "" : "; ").append(String.format("%d: %.2f / %.2f %%", r.seed(), r.talkMinutesPerAgentHour(), r.abandonmentPercent()));
      md.append(String.format("| %s | %d | %s | %s | %.2f | %.2f %% | %.2f %% | %s |%n", c.scenario(), c.agents(), c.strategy(),
          c.ratio() == null ? "" : c.ratio(), c.meanTalkMinutesPerAgentHour(), c.maxAbandonmentPercent(), c.worstHourAbandonmentPercent(), seeds));
    }
    Files.writeString(dir.resolve(name + ".md"), md.toString());
    System.out.println("wrote " + dir.resolve(name + ".md") + " and .json");
  }

  private static String command() {
    StringBuilder props = new StringBuilder();
    for (String key : List.of("scenarios", "agents", "hours", "seeds", "ratios", "results.name")) {
      String v = System.getProperty(key);
      if (v != null) props.append(" -D").append(key).append('=').append(v);
    }
    return "mvn -o -q -pl load-tests -am -Dmaven.test.skip=true -Ppacing verify" + (props.isEmpty() ? "" : " -Dpacing.args=\"" + props.toString().trim() + "\"");
  }

}
