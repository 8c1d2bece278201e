package io.autodial.loadtest;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * CPU spent between {@link #open} and {@link #close}: by this JVM (and, per thread group, where in
 * it), by the PostgreSQL server processes, and by the whole machine (from /proc/stat, so it also
 * shows load that is neither). Thread CPU of threads that ended inside the window is lost; the
 * process figure still has it.
 */
final class ResourceWindow {
  private static final Pattern TRAILING_NUMBER = Pattern.compile("[-#]?\\d+$");

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Function<String, String> threadGroupOf;
  private final Optional<ProcessHandle> postmaster;

  private long startNanos;
  private long startJvmCpu;
  private long startPgCpu;
  private long[] startMachine;
  private long startGcCount;
  private long startGcMillis;
  private Map<Long, long[]> startThreadCpu;

  ResourceWindow(Function<String, String> threadGroupOf, Optional<ProcessHandle> postmaster) {
    this.threadGroupOf = threadGroupOf;
    this.postmaster = postmaster;
    if (threads.isThreadCpuTimeSupported()) threads.setThreadCpuTimeEnabled(true);
  }

  void open() {
    startThreadCpu = threadCpu();
    startGcCount = gcCount();
    startGcMillis = gcMillis();
    startMachine = machineTicks();
    startPgCpu = postgresCpuNanos();
    startJvmCpu = os.getProcessCpuTime();
    startNanos = System.nanoTime();
  }

  Usage close() {
    long wall = System.nanoTime() - startNanos;
    long jvm = os.getProcessCpuTime() - startJvmCpu;
    long pg = postgresCpuNanos() - startPgCpu;
    long[] machine = machineTicks();
    double machineBusy = Double.NaN;
    if (startMachine != null && machine != null) {
      long total = machine[0] - startMachine[0];
      long idle = machine[1] - startMachine[1];
      machineBusy = total <= 0 ? Double.NaN : 100.0 * (total - idle) / total;
    }
    Map<Long, long[]> end = threadCpu();
    Map<String, Long> byGroup = new HashMap<>();
    Map<String, Integer> threadsInGroup = new HashMap<>();
    Map<Long, String> names = threadNames();
    end.forEach(
        (id, cpu) -> {
          long before = startThreadCpu.containsKey(id) ? startThreadCpu.get(id)[0] : 0;
          String group = threadGroupOf.apply(names.getOrDefault(id, "?"));
          byGroup.merge(group, cpu[0] - before, Long::sum);
          threadsInGroup.merge(group, 1, Integer::sum);
        });
    List<ThreadGroupCpu> groups = new ArrayList<>();
    byGroup.forEach(
        (g, nanos) -> groups.add(new ThreadGroupCpu(g, threadsInGroup.get(g), nanos / 1e6, nanos / (double) wall)));
    groups.sort((a, b) -> Double.compare(b.cpuMillis(), a.cpuMillis()));
    return new Usage(
        wall / 1e6,
        jvm / 1e6,
        jvm / (double) wall,
        pg / 1e6,
        pg / (double) wall,
        machineBusy,
        gcCount() - startGcCount,
        gcMillis() - startGcMillis,
        groups.subList(0, Math.min(12, groups.size())));
  }

  record ThreadGroupCpu(String group, int threads, double cpuMillis, double cores) {}

  /** {@code cores}: CPU seconds per wall second (1.0 = one core busy all the time). */
  record Usage(
      double wallMillis,
      double jvmCpuMillis,
      double jvmCores,
      double postgresCpuMillis,
      double postgresCores,
      double machineBusyPercent,
      long gcCount,
      long gcMillis,
      List<ThreadGroupCpu> topThreadGroups) {}

  /** Thread name without its running number: {@code esl-command-17} becomes {@code esl-command}. */
  static String stripNumbers(String name) {
    String s = name;
    for (int i = 0; i < 3; i++) {
      String t = TRAILING_NUMBER.matcher(s).replaceFirst("");
      if (t.equals(s) || t.isEmpty()) break;
      s = t;
    }
    return s;
  }

  private Map<Long, long[]> threadCpu() {
    Map<Long, long[]> cpu = new LinkedHashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t >= 0) cpu.put(id, new long[] {t});
    }
    return cpu;
  }

  private Map<Long, String> threadNames() {
    Map<Long, String> names = new HashMap<>();
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) names.put(info.getThreadId(), info.getThreadName());
    }
    return names;
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .filter(c -> c > 0)
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .filter(c -> c > 0)
        .sum();
  }

  /** The PostgreSQL postmaster and its backends (one per pooled connection), summed. */
  private long postgresCpuNanos() {
    if (postmaster.isEmpty()) return 0;
    ProcessHandle pm = postmaster.get();
    long sum = cpuOf(pm);
    for (ProcessHandle child : pm.descendants().toList()) sum += cpuOf(child);
    return sum;
  }

  private static long cpuOf(ProcessHandle p) {
    return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** {total, idle+iowait} jiffies of the whole machine, or null off Linux. */
  private static long[] machineTicks() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) total += Long.parseLong(f[i]);
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new long[] {total, idle};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
