package io.autodial.loadtest.robots;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CPU over a window: of this JVM (process CPU time), of each of its Java threads (ThreadMXBean,
 * grouped by a naming rule), of the PostgreSQL postmaster and its backends, and of the machine
 * (/proc/stat). Start it at the window's start, {@link #finish()} at its end.
 */
final class CpuAccount {
  record Result(
      double wallSeconds,
      double jvmCpuSeconds,
      double postgresCpuSeconds,
      double machineBusyShare,
      double javaThreadsCpuSeconds,
      Map<String, Double> cpuSecondsByGroup,
      Map<String, Integer> threadsByGroup,
      long gcCount,
      long gcMillis) {

    double jvmCores() {
      return jvmCpuSeconds / wallSeconds;
    }

    double postgresCores() {
      return postgresCpuSeconds / wallSeconds;
    }

    double groupCores(String group) {
      return cpuSecondsByGroup.getOrDefault(group, 0.0) / wallSeconds;
    }
  }

  private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Function<String, String> grouping;
  private final Optional<ProcessHandle> postmaster;
  private final long startNanos;
  private final long startJvmCpu;
  private final long startPgCpu;
  private final long[] startTicks;
  private final long startGcCount;
  private final long startGcMillis;
  private final Map<Long, Long> startThreadCpu = new HashMap<>();

  CpuAccount(Function<String, String> grouping, Optional<ProcessHandle> postmaster) {
    this.grouping = grouping;
    this.postmaster = postmaster;
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) threads.setThreadCpuTimeEnabled(true);
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu >= 0) startThreadCpu.put(id, cpu);
    }
    startGcCount = gcCount();
    startGcMillis = gcMillis();
    startPgCpu = postgresCpuNanos();
    startTicks = machineTicks();
    startJvmCpu = os.getProcessCpuTime();
    startNanos = System.nanoTime();
  }

  Result finish() {
    long wall = System.nanoTime() - startNanos;
    long jvm = os.getProcessCpuTime() - startJvmCpu;
    long[] ticks = machineTicks();
    long pg = postgresCpuNanos() - startPgCpu;
    Map<String, Double> byGroup = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    double javaThreads = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) continue;
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) continue;
      double seconds = (cpu - startThreadCpu.getOrDefault(info.getThreadId(), 0L)) / 1e9;
      String group = grouping.apply(info.getThreadName());
      byGroup.merge(group, seconds, Double::sum);
      counts.merge(group, 1, Integer::sum);
      javaThreads += seconds;
    }
    double busy = Double.NaN;
    if (startTicks != null && ticks != null && ticks[0] > startTicks[0])
      busy = 1.0 - (double) (ticks[1] - startTicks[1]) / (ticks[0] - startTicks[0]);
    return new Result(wall / 1e9, jvm / 1e9, pg / 1e9, busy, javaThreads, byGroup, counts,
        gcCount() - startGcCount, gcMillis() - startGcMillis);
  }

  private long postgresCpuNanos() {
    if (postmaster.isEmpty()) return 0;
    long sum = cpuOf(postmaster.get());
    for (ProcessHandle child : postmaster.get().descendants().toList()) sum += cpuOf(child);
    return sum;
  }

  private static long cpuOf(ProcessHandle p) {
    return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(c -> c > 0).sum();
  }

  /** {total, idle+iowait} jiffies of the whole machine, or null off Linux. */
  static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) total += Long.parseLong(f[i]);
      return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
