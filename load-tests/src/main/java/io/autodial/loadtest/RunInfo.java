package io.autodial.loadtest;

import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where and how a run happened: the command, the machine, the JVM. */
public record RunInfo(
    String mavenCommand,
    String sourceRevision,
    String javaCommand,
    Instant startedAt,
    Instant finishedAt,
    int cores,
    String cpuModel,
    long memoryMb,
    String os,
    String jvm,
    List<String> jvmArgs,
    long maxHeapMb,
    String loadAverageBefore,
    String loadAverageAfter,
    double machineBusyBeforePercent,
    List<String> otherJavaProcessesBefore,
    List<String> otherJavaProcessesAfter,
    String postgresVersion,
    long simulatorOriginatesTotal) {

  static RunInfo collect(
      BenchmarkOptions options,
      Instant startedAt,
      Instant finishedAt,
      String loadBefore,
      double busyBefore,
      List<String> othersBefore,
      FreeSwitchSimulator sim,
      String postgresVersion) {
    var runtime = ManagementFactory.getRuntimeMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<String> jvmArgs =
        runtime.getInputArguments().stream().filter(a -> !a.startsWith("-Dresults.dir")).toList();
    String moduleDir = Path.of("").toAbsolutePath().toString();
    String javaCommand =
        ("java " + String.join(" ", jvmArgs) + " -classpath <load-tests + its dependencies> " + EslCallBenchmark.class.getName())
            .replace(moduleDir, "load-tests");
    return new RunInfo(
        options.mavenCommand(),
        detectSourceRevision(),
        javaCommand,
        startedAt,
        finishedAt,
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        os.getTotalMemorySize() / 1048576,
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
            + System.getProperty("java.vendor") + ")",
        jvmArgs,
        Runtime.getRuntime().maxMemory() / 1048576,
        loadBefore,
        loadAverage(),
        busyBefore,
        othersBefore,
        otherJavaProcesses(),
        postgresVersion,
        sim.totalOriginates());
  }

  /** Other JVMs on the machine (another build or test run competes for the cores), briefly. */
  public static List<String> otherJavaProcesses() {
    java.util.Set<Long> selfAndAncestors = new java.util.HashSet<>();
    for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent())
      selfAndAncestors.add(p.get().pid());
    return ProcessHandle.allProcesses()
        .filter(p -> !selfAndAncestors.contains(p.pid()))
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .map(p -> p.pid() + ": " + describe(p.info().arguments().orElse(new String[0])))
        .toList();
  }

  private static String describe(String[] args) {
    String joined = String.join(" ", args);
    if (joined.contains("plexus-classworlds")) {
      int i = joined.indexOf("Launcher");
      return "mvn" + (i >= 0 ? joined.substring(i + "Launcher".length()) : "");
    }
    if (joined.contains("surefirebooter")) return "surefire test JVM";
    return joined.length() > 120 ? joined.substring(0, 120) + "..." : joined;
  }

  /** Busy share of all cores over {@code millis}, from /proc/stat; NaN off Linux. */
  static double machineBusyPercent(long millis) throws InterruptedException {
    long[] a = ResourceWindow.machineTicks();
    Thread.sleep(millis);
    long[] b = ResourceWindow.machineTicks();
    if (a == null || b == null || b[0] == a[0]) return Double.NaN;
    return 100.0 * ((b[0] - a[0]) - (b[1] - a[1])) / (b[0] - a[0]);
  }

  /**
   * The commit the code under test was built from, and which top-level directories had uncommitted
   * changes (the benchmark runs with load-tests/ as its working directory).
   */
  static String detectSourceRevision() {
    Path root = Path.of("").toAbsolutePath().getParent();
    String head = git(root, "rev-parse", "HEAD");
    if (head == null || head.isBlank()) return "unknown (not a git checkout)";
    String status = git(root, "status", "--porcelain", "--untracked-files=all");
    if (status == null) return "commit " + head.trim() + " (status unknown)";
    java.util.SortedSet<String> dirty = new java.util.TreeSet<>();
    for (String line : status.split("\n")) {
      if (line.length() < 4) continue;
      String path = line.substring(3).trim();
      if (path.startsWith("load-tests/results/")) continue; // the benchmarks' own output
      int slash = path.indexOf('/');
      dirty.add(slash < 0 ? path : path.substring(0, slash));
    }
    return "commit " + head.trim()
        + (dirty.isEmpty() ? " (clean working tree)" : " + uncommitted changes in " + String.join(", ", dirty));
  }

  private static String git(Path dir, String... args) {
    try {
      List<String> command = new java.util.ArrayList<>();
      command.add("git");
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) return null;
      return out;
    } catch (Exception e) {
      return null;
    }
  }

  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "n/a";
    }
  }

  /** The machine's CPU model, as /proc/cpuinfo names it ("n/a" where it cannot be read). */
  public static String readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("n/a");
    } catch (Exception e) {
      return "n/a";
    }
  }
}
