package io.autodial.loadtest.dnc;

import io.autodial.loadtest.RunInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the DNC benchmark's figures as JSON (for tools) and Markdown (for people), with the command. */
final class DncReport {
  static final String COMMAND = "mvn -o -q -pl load-tests -am -Dmaven.test.skip=true -Pdnc verify";

  private DncReport() {}

  @SuppressWarnings("unchecked")
  static void write(Map<String, Object> r) throws IOException {
    Path dir = Path.of(System.getProperty("results.dir", "load-tests/results"));
    String name = System.getProperty("results.name", "dnc");
    Files.createDirectories(dir);
    String args = System.getProperty("dnc.args.echo", "");
    r.put("command", COMMAND + (args.isBlank() ? "" : " -Ddnc.args=\"" + args.trim() + "\""));
    String root = Path.of("").toAbsolutePath() + "/"; // the repository root: paths in the command become relative
    r.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-Dresults.dir")).map(a -> a.replace(root, "")).toList());
    r.put("cores", Runtime.getRuntime().availableProcessors());
    r.put("cpu", RunInfo.readCpuModel());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(name + ".json").toFile(), r);

    Map<String, Object> file = (Map<String, Object>) r.get("file");
    Map<String, Object> imp = (Map<String, Object>) r.get("import");
    Map<String, Object> check = (Map<String, Object>) r.get("check");
    StringBuilder md = new StringBuilder();
    md.append("# DNC: national registry import and check cost\n\n");
    md.append("Produced by `io.autodial.loadtest.dnc.DncBenchmark`; a re-run overwrites this file and `").append(name).append(".json`. From the repository root:\n\n");
    md.append("```sh\n").append(r.get("command")).append("\n```\n\n");
    md.append("The forked JVM ran with `").append(String.join(" ", (List<String>) r.get("jvmArgs"))).append("`.\n\n");
    md.append("## Run\n\n");
    md.append("- ").append(r.get("startedAt")).append(" to ").append(r.get("finishedAt")).append("; ").append(r.get("cores"))
        .append(" cores (").append(r.get("cpu")).append("), ").append(r.get("postgres")).append(" on the same machine.\n");
    md.append("- **Shared machine**: other processes (other builds and test runs) used the same 2 cores. Load average before / after: `")
        .append(r.get("loadAverageBefore")).append("` / `").append(r.get("loadAverageAfter")).append("`; other JVMs at the start: ")
        .append(describe((List<String>) r.get("otherJavaProcessesBefore"))).append("; at the end: ")
        .append(describe((List<String>) r.get("otherJavaProcessesAfter"))).append(".\n\n");
    md.append("## Registry import (target: under 60 s with -Xmx1g, persisting included)\n\n");
    md.append(String.format("The file: %,d lines, %,d MB, one 10-digit US number a line (a random area code and exchange, each starting 2-9, and four more digits), %,d lines repeating an earlier number, %,d bad lines; generated in %s s (not counted).%n%n",
        (Long) file.get("lines"), ((Long) file.get("bytes")) / 1048576, (Long) file.get("repeatedLines"), (Long) file.get("badLines"), file.get("generateSeconds")));
    md.append("Imported through `DncLists.startRegistryImport` (the path the API's upload takes once the body is on disk): read and parse, sort and dedupe the `long[]`, COPY into a fresh table, make it current and install it in memory.\n\n");
    md.append("| figure | value |\n|---|---:|\n");
    for (Map.Entry<String, Object> e : imp.entrySet()) md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
    md.append("| secondNodeLoadSeconds (another node loading the registry from PostgreSQL) | ").append(r.get("secondNodeLoadSeconds")).append(" |\n");
    md.append("| heapAfterImportMb (after System.gc, registry in memory) | ").append(r.get("heapAfterImportMb")).append(" |\n\n");
    md.append("`heapPeakSampledMb`: highest heap in use sampled every 5 ms during the import; `heapPoolPeaksSumMb`: the sum of the heap pools' own peaks (an upper bound: the pools peak at different moments). Phases: when the import's progress first showed each phase, in seconds after the start.\n\n");
    md.append("## Check (target: under 5 µs)\n\n");
    md.append("`DncLists.check(e164, \"bench\")` against the 10-million registry, 200 internal and 200 campaign entries; 2^20 prepared numbers, half on the registry, shuffled; 5 warm-up rounds of 2 M checks, then timed rounds on one thread.\n\n");
    md.append("| figure | value |\n|---|---:|\n");
    for (Map.Entry<String, Object> e : check.entrySet()) if (!e.getKey().equals("ignore")) md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
    md.append("\nSingle-call percentiles time each call alone with System.nanoTime (its own cost, some 20-30 ns, included).\n");
    Files.writeString(dir.resolve(name + ".md"), md.toString());
    System.out.println("wrote " + dir.resolve(name + ".md") + " and .json");
  }

  private static String describe(List<String> others) {
    return others.isEmpty() ? "none" : others.size() + " (" + String.join("; ", others) + ")";
  }

}
