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
  private final String jdbcUrl;
  private final Map<Long, String> backendRoles = new java.util.concurrent.ConcurrentHashMap<>();
  private Map<Long, Long> startBackendCpu = Map.of();
  private Thread backendSampler;
  private volatile boolean samplerStop;
  private final Map<String, Integer> activeStatements = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile int activitySamples;
  /** The first full text seen of each kind of statement, over the whole run. */
  static final Map<String, String> STATEMENT_TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

  private long startNanos;
  private long startJvmCpu;
  private long startPgCpu;
  private long[] startMachine;
  private long startGcCount;
  private long startGcMillis;
  private Map<Long, long[]> startThreadCpu;

  ResourceWindow(Function<String, String> threadGroupOf, Optional<ProcessHandle> postmaster, String jdbcUrl) {
    this.threadGroupOf = threadGroupOf;
    this.postmaster = postmaster;
    this.jdbcUrl = jdbcUrl;
    if (threads.isThreadCpuTimeSupported()) threads.setThreadCpuTimeEnabled(true);
  }

  void open() {
    startThreadCpu = threadCpu();
    startGcCount = gcCount();
    startGcMillis = gcMillis();
    startMachine = machineTicks();
    startPgCpu = postgresCpuNanos();
    startBackendCpu = backendCpu();
    activeStatements.clear();
    activitySamples = 0;
    startBackendSampler();
    startJvmCpu = os.getProcessCpuTime();
    startNanos = System.nanoTime();
  }

  Usage close() {
    long wall = System.nanoTime() - startNanos;
    long jvm = os.getProcessCpuTime() - startJvmCpu;
    long pg = postgresCpuNanos() - startPgCpu;
    Map<Long, Long> endBackendCpu = backendCpu();
    stopBackendSampler();
    Map<String, Long> pgByRole = new HashMap<>();
    Map<String, Integer> pgProcesses = new HashMap<>();
    endBackendCpu.forEach((pid, cpu) -> {
      String role = backendRoles.getOrDefault(pid, "other PostgreSQL processes (postmaster, unclassified)");
      pgByRole.merge(role, cpu - startBackendCpu.getOrDefault(pid, 0L), Long::sum);
      pgProcesses.merge(role, 1, Integer::sum);
    });
    List<ThreadGroupCpu> pgRoles = new ArrayList<>();
    pgByRole.forEach((r, nanos) -> pgRoles.add(new ThreadGroupCpu(r, pgProcesses.get(r), nanos / 1e6, nanos / (double) wall)));
    pgRoles.sort((a, b) -> Double.compare(b.cpuMillis(), a.cpuMillis()));
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
    // JIT compiler, GC and VM threads are not Java threads: what the process used beyond all Java threads
    long javaThreads = byGroup.values().stream().mapToLong(Long::longValue).sum();
    long hidden = Math.max(0, jvm - javaThreads);
    List<ThreadGroupCpu> top = new ArrayList<>(groups.subList(0, Math.min(12, groups.size())));
    top.add(new ThreadGroupCpu("(not a Java thread: JIT compiler, GC, VM threads)", 0, hidden / 1e6, hidden / (double) wall));
    return new Usage(
        wall / 1e6,
        jvm / 1e6,
        jvm / (double) wall,
        pg / 1e6,
        pg / (double) wall,
        machineBusy,
        gcCount() - startGcCount,
        gcMillis() - startGcMillis,
        top,
        pgRoles,
        activeStatementProfile());
  }

  private List<ActiveStatement> activeStatementProfile() {
    int n = Math.max(1, activitySamples);
    List<ActiveStatement> list = new ArrayList<>();
    activeStatements.forEach((k, v) -> list.add(new ActiveStatement(k, v, v / (double) n)));
    list.sort((a, b) -> Integer.compare(b.samples(), a.samples()));
    return list.subList(0, Math.min(10, list.size()));
  }

  /** {@code averageActive}: samples / sampling rounds, i.e. how many backends ran it on average. */
  record ActiveStatement(String statement, int samples, double averageActive) {}

  /**
   * What each PostgreSQL backend serves, from what pg_stat_activity shows it running (sampled
   * every 250 ms on a connection of its own): the journal's pool runs only event_journal /
   * event_tag / snapshot statements; the read-model pool runs the projections' handlers and
   * offset store.
   */
  private void startBackendSampler() {
    if (jdbcUrl == null) return;
    backendRoles.clear();
    samplerStop = false;
    backendSampler = new Thread(() -> {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "")) {
        long self;
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          self = rs.getLong(1);
        }
        backendRoles.put(self, "benchmark's own monitoring connections");
        while (!samplerStop) {
          try (var st = c.createStatement();
              var rs = st.executeQuery("SELECT pid, backend_type, coalesce(query, ''), coalesce(state, ''),"
                  + " coalesce(wait_event_type, ''), coalesce(wait_event, '') FROM pg_stat_activity"
                  + " WHERE pid <> pg_backend_pid()")) {
            while (rs.next()) {
              classify(rs.getLong(1), rs.getString(2), rs.getString(3));
              if (rs.getString(4).equals("active") && "client backend".equals(rs.getString(2))) {
                String wait = rs.getString(5).isEmpty() ? "on CPU" : rs.getString(5) + ":" + rs.getString(6);
                String kind = statementKind(rs.getString(3));
                activeStatements.merge(kind + " [" + wait + "]", 1, Integer::sum);
                STATEMENT_TEXTS.putIfAbsent(kind, rs.getString(3));
              }
            }
          }
          activitySamples++;
          Thread.sleep(100);
        }
      } catch (Exception e) {
        // classification is best effort
      }
    }, "bench-pg-sampler");
    backendSampler.setDaemon(true);
    backendSampler.start();
  }

  /** A statement reduced to what it does, for the active-statement profile. */
  static String statementKind(String query) {
    String q = query.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").trim();
    if (q.startsWith("insert into \"event_journal\"") || q.startsWith("insert into event_journal")) return "INSERT event_journal";
    if (q.startsWith("insert into \"event_tag\"") || q.startsWith("insert into event_tag")) return "INSERT event_tag";
    if (q.contains("event_tag") && q.startsWith("select")) return "SELECT events by tag (projections' read journal)";
    if (q.contains("max(") && q.contains("event_journal")) return "SELECT highest sequence nr (recovery)";
    if (q.startsWith("select") && q.contains("\"ordering\"") && q.contains("event_journal") && !q.contains("persistence_id"))
      return "SELECT orderings (read journal sequence)";
    if (q.startsWith("select") && q.contains("event_journal")) return "SELECT event_journal by persistence id (replay)";
    if (q.contains("snapshot")) return "snapshot store";
    if (q.contains("pekko_projection_offset_store")) return "projection offset store";
    if (q.contains("call_log")) return "call_log handler";
    if (q.startsWith("commit") || q.startsWith("begin") || q.startsWith("rollback")) return q.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
    return q.length() > 60 ? q.substring(0, 60) + "..." : q;
  }

  private void classify(long pid, String backendType, String query) {
    String q = query.toLowerCase(java.util.Locale.ROOT);
    String current = backendRoles.get(pid);
    if (backendType != null && !backendType.equals("client backend")) {
      backendRoles.putIfAbsent(pid, "PostgreSQL background: " + backendType);
    } else if (q.contains("pg_stat_activity") || q.contains("pg_backend_pid") || q.contains("count(")) {
      backendRoles.putIfAbsent(pid, "benchmark's own monitoring connections");
    } else if (q.contains("call_log") || q.contains("pekko_projection") || q.contains("campaign") || q.contains("agent")
        || q.contains("lead") || q.contains("users")) {
      if (current == null || !current.startsWith("benchmark"))
        backendRoles.put(pid, "read-model pool: projection handlers + offsets");
    } else if (q.contains("event_journal") || q.contains("event_tag") || q.contains("snapshot")) {
      if (current == null) backendRoles.put(pid, "journal pool (slick): journal writes, replays, events-by-tag queries");
    }
  }

  private void stopBackendSampler() {
    samplerStop = true;
    if (backendSampler != null) {
      try {
        backendSampler.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Map<Long, Long> backendCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    if (postmaster.isEmpty()) return cpu;
    cpu.put(postmaster.get().pid(), cpuOf(postmaster.get()));
    for (ProcessHandle child : postmaster.get().descendants().toList()) cpu.put(child.pid(), cpuOf(child));
    return cpu;
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
      List<ThreadGroupCpu> topThreadGroups,
      List<ThreadGroupCpu> postgresByRole,
      List<ActiveStatement> postgresActiveStatements) {}

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
  static long[] machineTicks() {
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
