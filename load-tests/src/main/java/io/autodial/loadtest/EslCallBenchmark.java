package io.autodial.loadtest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.CallOutcome;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.AutodialNode;
import io.autodial.node.call.CallEntity;
import io.autodial.node.db.EmbeddedDatabase;
import io.autodial.node.metrics.CallMetrics;
import io.autodial.node.metrics.LatencyRecorder;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the FreeSWITCH simulator through the product's ESL layer and Call entities, and measures
 * originates per second and the answer-event latency (the switch's CHANNEL_ANSWER
 * Event-Date-Timestamp to the typed event handled by the Call entity, {@link
 * CallMetrics#ANSWER_TO_ENTITY}) at each level of concurrent channels.
 *
 * <p>One JVM holds the simulator (its own ESL server on 127.0.0.1, port 0) and a whole Autodial
 * node (ESL client, Pekko cluster of one with sharded, event-sourced Call entities, the call_log
 * projection, HTTP); PostgreSQL is a temporary embedded server (separate processes). Per level N:
 * all N Dial commands are sent at once, the ESL layer paces the originates at its
 * sessions-per-second cap, every call rings {@code ringMs} and answers and stays up; once all N are
 * answered (or the level gives up), the far end hangs every call up and the run waits until the
 * simulator, the journal and the projection have drained before the next level.
 *
 * <p>Bounded: every wait has a deadline; a level that does not reach N is reported as such.
 */
public final class EslCallBenchmark {
  private static final Logger log = LoggerFactory.getLogger(EslCallBenchmark.class);
  private static final String SWITCH_ID = "fs1";
  private static final String ADMIN_PASSWORD = "load-test-admin-password-0123456789";
  private static final String TOKEN_SECRET = "load-test-token-secret-0123456789-0123456789";
  private static final Pattern NETTY_THREAD = Pattern.compile("nioEventLoopGroup-(\\d+)-\\d+");
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);
  /** A level gives up when neither originates nor answers progressed for this long. */
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

  private final BenchmarkOptions options;
  private final EmbeddedDatabase database;
  private final FreeSwitchSimulator sim;
  private final AutodialNode node;
  private final Connection monitor;
  private final Function<String, String> threadGroups;
  private final Optional<ProcessHandle> postmaster;
  private final LatencyRecorder recorder = CallMetrics.ANSWER_TO_ENTITY;
  private final java.util.concurrent.ExecutorService replies =
      java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-replies");
        t.setDaemon(true);
        return t;
      });
  private long callsSoFar;

  private EslCallBenchmark(
      BenchmarkOptions options,
      EmbeddedDatabase database,
      FreeSwitchSimulator sim,
      AutodialNode node,
      Connection monitor,
      Function<String, String> threadGroups,
      Optional<ProcessHandle> postmaster) {
    this.options = options;
    this.database = database;
    this.sim = sim;
    this.node = node;
    this.monitor = monitor;
    this.threadGroups = threadGroups;
    this.postmaster = postmaster;
  }

  /** The whole run is bounded: past this the JVM halts, whatever it is doing. */
  private static final Duration MAX_RUN = Duration.ofMinutes(15);

  public static void main(String[] args) {
    BenchmarkRun.main(MAX_RUN, EslCallBenchmark::run);
  }

  private static int run() throws Exception {
    BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
    Instant startedAt = Instant.now();
    String loadBefore = RunInfo.loadAverage();
    List<String> othersBefore = RunInfo.otherJavaProcesses();
    double busyBefore = RunInfo.machineBusyPercent(3_000);
    if (!othersBefore.isEmpty() || busyBefore > 20)
      log.warn("the machine is not idle ({} % busy over 3 s; other JVMs: {}): figures will show it", String.format("%.0f", busyBefore), othersBefore);
    log.info("ESL call benchmark: levels {}, {} sessions/s, ring {} ms, warm-up {} calls", options.levels(),
        options.sessionsPerSecond(), options.ringMillis(), options.warmupCalls());

    // Netty numbers its event-loop pools in creation order: the probes tell the simulator's
    // pools from the ESL client's, so their CPU can be reported apart.
    int beforeSim = Host.nextNettyPoolId();
    EmbeddedDatabase database = EmbeddedDatabase.startTemporary();
    String password = "bench-" + UUID.randomUUID();
    FreeSwitchSimulator sim =
        FreeSwitchSimulator.start(
            SimulatorConfig.defaults()
                .withPort(0)
                .withPassword(password)
                .withSessionsPerSecond(options.sessionsPerSecond())
                .withMaxSessions(options.maxLevel() + 1_000)
                .withCallModel(
                    CallModel.always(CallOutcome.ANSWER)
                        .withRing(Duration.ofMillis(options.ringMillis()), Duration.ofMillis(options.ringMillis()))));
    int afterSim = Host.nextNettyPoolId();
    AutodialNode node = AutodialNode.start(experiment(options.experiment(), database,
        nodeConfig(database, sim, password, options.sessionsPerSecond())));
    int afterNode = Host.nextNettyPoolId();
    Function<String, String> threadGroups = name -> threadGroup(name, beforeSim, afterSim, afterNode);

    Connection monitor = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
    monitor.setAutoCommit(true);
    Optional<ProcessHandle> postmaster = Host.postmaster(monitor);
    String postgresVersion = Host.postgresVersion(monitor);

    EslCallBenchmark bench = new EslCallBenchmark(options, database, sim, node, monitor, threadGroups, postmaster);
    List<LevelResult> levels = new ArrayList<>();
    LevelResult warmup = null;
    int exit = 0;
    try {
      bench.awaitConnected();
      List<String> warmupCalls = bench.warmupCalls();
      if (!warmupCalls.isEmpty()) {
        warmup = bench.runLevel("warm-up", warmupCalls, false);
        log.info("warm-up: {}", summary(warmup));
      }
      for (int i = 0; i < options.levels().size(); i++) {
        int n = options.levels().get(i);
        LevelResult r = bench.runLevel(n + " channels", randomUuids(n), i == options.levels().size() - 1);
        levels.add(r);
        log.info("level {}: {}", n, summary(r));
      }
    } catch (Throwable e) {
      log.error("benchmark aborted", e);
      exit = 1;
    } finally {
      List<String> diagnostics = bench.diagnostics();
      Instant finishedAt = Instant.now();
      RunInfo info = RunInfo.collect(options, startedAt, finishedAt, loadBefore, busyBefore, othersBefore, sim, postgresVersion);
      try {
        ResultsWriter.write(options, info, warmup, levels, diagnostics);
      } catch (Throwable e) {
        log.error("could not write results", e);
        exit = 1;
      }
      BenchmarkRun.closeQuietly(monitor);
      BenchmarkRun.closeQuietly(node);
      BenchmarkRun.closeQuietly(sim);
      BenchmarkRun.closeQuietly(database);
    }
    return exit;
  }

  // ---- one level ----

  private LevelResult runLevel(String label, List<String> uuids, boolean last) throws Exception {
    int n = uuids.size();
    List<String> notes = new ArrayList<>();
    ClusterSharding sharding = ClusterSharding.get(node.system());
    long journalBefore = count("SELECT count(*) FROM event_journal");
    long epochMillisAtStart = System.currentTimeMillis();
    Map<String, String> vars =
        Map.of(
            "sim_outcome", "answer",
            "sim_ring_ms", Long.toString(options.ringMillis()),
            // the call stays up until the far end is told to hang up (below), so all N are up at once
            "sim_hangup_by", "none");

    recorder.reset();
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    long expectedNanos = TimeUnit.MILLISECONDS.toNanos(n * 1000L / options.sessionsPerSecond() + options.ringMillis());
    long deadlineNanos = 3 * expectedNanos + TimeUnit.SECONDS.toNanos(60);
    LevelSampler sampler = new LevelSampler(sim, sim.totalOriginates(), n, deadlineNanos + TimeUnit.SECONDS.toNanos(5));
    ResourceWindow window = new ResourceWindow(threadGroups, postmaster, database.jdbcUrl());
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger notAccepted = new AtomicInteger();
    AtomicLong lastAcceptedNanos = new AtomicLong();
    List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());

    log.info("{}: dialing {} calls", label, n);
    window.open();
    sampler.start();
    Probes.Loop journalProbe = Probes.journal(node.system()).start();
    Probes.Loop eslProbe = Probes.esl(node.callControl(), SWITCH_ID).start();
    long t0 = System.nanoTime();
    long t0EpochMillis = System.currentTimeMillis();
    long intervalNanos = options.burst() ? 0 : 1_000_000_000L / options.sessionsPerSecond();
    for (int i = 0; i < n; i++) {
      // paced (the default): Dial i is offered at t0 + i / sps, the rate the ESL layer's cap allows
      long due = t0 + i * intervalNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) LockSupport.parkNanos(wait);
      String uuid = uuids.get(i);
      CallEntity.DialSpec callSpec =
          CallEntity.DialSpec.customer(String.format("+1555%07d", i), "+15550000000", Duration.ofSeconds(30))
              .withVariables(vars);
      sharding
          .entityRefFor(CallEntity.ENTITY_KEY, uuid)
          .<CallEntity.DialReply>ask(replyTo -> new CallEntity.Dial(callSpec, replyTo), ASK_TIMEOUT)
          // the ask's CompletionStage runs even non-async callbacks on the default async executor, which
          // on a machine with <= 2 cores is a new thread per callback: use our own
          .whenCompleteAsync(
              (reply, failure) -> {
                if (failure == null && reply instanceof CallEntity.DialAccepted) {
                  accepted.incrementAndGet();
                  lastAcceptedNanos.accumulateAndGet(System.nanoTime(), Math::max);
                } else {
                  notAccepted.incrementAndGet();
                  if (firstFailures.size() < 3) firstFailures.add(failure != null ? failure.toString() : String.valueOf(reply));
                }
              },
              replies);
    }

    // wait for every answer, bounded by a deadline and by progress
    long lastProgress = System.nanoTime();
    long lastCount = -1;
    long lastOriginates = -1;
    while (true) {
      long now = System.nanoTime();
      long answered = recorder.count();
      long originates = sampler.originatesSeen();
      if (answered >= n) break;
      if (answered != lastCount || originates != lastOriginates) {
        lastCount = answered;
        lastOriginates = originates;
        lastProgress = now;
      }
      if (now - t0 > deadlineNanos) {
        notes.add(String.format("gave up after %.1f s: %d of %d answered", (now - t0) / 1e9, answered, n));
        break;
      }
      if (now - lastProgress > STALL_NANOS) {
        notes.add(String.format("stalled: no originate or answer for %d s; %d of %d answered, %d originated",
            TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS), answered, n, originates));
        break;
      }
      Thread.sleep(10);
    }
    long tAnswered = System.nanoTime();
    ResourceWindow.Usage usage = window.close();
    sampler.stop();
    List<Probes.Stats> probes = List.of(journalProbe.stop(), eslProbe.stop());
    long answered = recorder.count();
    int peakThreads = ManagementFactory.getThreadMXBean().getPeakThreadCount();
    double p50 = recorder.quantileMicros(0.50) / 1000.0;
    double p99 = recorder.quantileMicros(0.99) / 1000.0;
    double max = recorder.quantileMicros(1.0) / 1000.0;

    long originated = sampler.originatesSeen();
    long originatedAt = sampler.allOriginatedNanos() > 0 ? sampler.allOriginatedNanos() : sampler.lastOriginateSeenNanos();
    double originateWindowMs = originatedAt > 0 ? (originatedAt - t0) / 1e6 : Double.NaN;
    if (originated < n) notes.add("the switch accepted " + originated + " of " + n + " originates");
    if (notAccepted.get() > 0) notes.add(notAccepted.get() + " Dial commands not accepted, e.g. " + firstFailures);
    if (sampler.peakLive() < n) notes.add("peak concurrent channels " + sampler.peakLive() + " < " + n);

    // the product's own OriginateAccepted: the Dialed events this level persisted
    long dialedPersisted = 0;
    double dialedWindowMs = Double.NaN;
    try (PreparedStatement ps =
        monitor.prepareStatement(
            "SELECT count(*), max(write_timestamp) FROM event_journal WHERE event_ser_manifest LIKE ? AND write_timestamp >= ?")) {
      ps.setString(1, "%$Dialed");
      ps.setLong(2, epochMillisAtStart);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        dialedPersisted = rs.getLong(1);
        long lastWrite = rs.getLong(2);
        if (lastWrite > 0) dialedWindowMs = lastWrite - t0EpochMillis;
      }
    }

    List<LevelResult.Stage> stages = stages(epochMillisAtStart, t0EpochMillis);

    // end the level: the far end hangs up every call (a BYE, as with sim_hangup_by=customer)
    callsSoFar += n;
    long hangupStart = System.nanoTime();
    for (String uuid : uuids) sim.hangup(uuid, "NORMAL_CLEARING");
    double hangupDrainMs = awaitMillis(() -> sim.liveChannels() == 0 ? 1 : 0, 1, hangupStart, notes, "simulator channels");
    double entityDrainMs =
        awaitMillis(() -> countQuietly("SELECT count(DISTINCT persistence_id) FROM event_journal"
                + " WHERE event_ser_manifest LIKE '%$HungUp' OR event_ser_manifest LIKE '%$DialFailed'"),
            callsSoFar, hangupStart, notes, "calls ended in the journal");
    double projectionDrainMs = options.experiment().equals("no-projections") ? Double.NaN :
        awaitMillis(() -> countQuietly("SELECT count(*) FROM call_log WHERE ended_at IS NOT NULL"), callsSoFar,
            hangupStart, notes, "call_log rows ended", last ? Duration.ofSeconds(60) : DRAIN_TIMEOUT);
    long journalRows = count("SELECT count(*) FROM event_journal") - journalBefore;
    System.gc();
    double heapAfterGcMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;

    return new LevelResult(
        label, n, accepted.get(), notAccepted.get(), originated, originateWindowMs,
        originated / (originateWindowMs / 1000.0), dialedPersisted, dialedWindowMs, answered,
        (tAnswered - t0) / 1e6, sampler.peakLive(), p50, p99, max, usage,
        sampler.heapPeakBytes() / 1048576.0, heapAfterGcMb, peakThreads, journalRows, hangupDrainMs,
        entityDrainMs, projectionDrainMs, (lastAcceptedNanos.get() - t0) / 1e6, stages, probes, List.copyOf(notes));
  }

  /**
   * When each of the calls' events reached the journal (write_timestamp, ms), relative to t0: shows
   * which stage of the dial pipeline sets the pace.
   */
  private List<LevelResult.Stage> stages(long sinceEpochMillis, long t0EpochMillis) throws SQLException {
    List<LevelResult.Stage> stages = new ArrayList<>();
    String sql =
        "SELECT count(*), min(write_timestamp), percentile_disc(0.5) WITHIN GROUP (ORDER BY write_timestamp),"
            + " max(write_timestamp) FROM event_journal WHERE event_ser_manifest LIKE ? AND write_timestamp >= ?";
    for (String event : List.of("DialRequested", "Dialed", "Ringing", "Answered")) {
      try (PreparedStatement ps = monitor.prepareStatement(sql)) {
        ps.setString(1, "%$" + event);
        ps.setLong(2, sinceEpochMillis);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long n = rs.getLong(1);
          stages.add(n == 0
              ? new LevelResult.Stage(event, 0, Double.NaN, Double.NaN, Double.NaN)
              : new LevelResult.Stage(event, n, rs.getLong(2) - t0EpochMillis, rs.getLong(3) - t0EpochMillis,
                  rs.getLong(4) - t0EpochMillis));
        }
      }
    }
    return stages;
  }

  /**
   * After the levels: the journal's size, and PostgreSQL's plan for the statement the database was
   * busiest with, so a reader can see why it costs what it costs.
   */
  private List<String> diagnostics() {
    List<String> out = new ArrayList<>();
    try {
      out.add("event_journal rows: " + count("SELECT count(*) FROM event_journal")
          + ", event_tag rows: " + count("SELECT count(*) FROM event_tag")
          + ", distinct tags: " + count("SELECT count(DISTINCT tag) FROM event_tag"));
      try (Statement s = monitor.createStatement();
          ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename IN ('event_journal', 'event_tag') ORDER BY 1")) {
        List<String> idx = new ArrayList<>();
        while (rs.next()) idx.add(rs.getString(1));
        out.add("indexes: " + String.join("; ", idx));
      }
      String byTag = ResourceWindow.STATEMENT_TEXTS.get("SELECT events by tag (projections' read journal)");
      if (byTag != null) {
        out.add("events-by-tag statement as pg_stat_activity showed it:\n\n```sql\n" + byTag.trim() + "\n```");
        // pgJDBC prepares a statement on the server after 5 uses, and PostgreSQL may then run a generic
        // plan: show that one (simple protocol, so the $n reach the server as they are)
        try (Connection simple = DriverManager.getConnection(database.jdbcUrl()
                + (database.jdbcUrl().contains("?") ? "&" : "?") + "preferQueryMode=simple", "postgres", "");
            Statement s = simple.createStatement();
            ResultSet rs = s.executeQuery("EXPLAIN (GENERIC_PLAN) " + byTag)) {
          out.add("its generic plan, EXPLAIN (GENERIC_PLAN):\n\n```\n" + lines(rs) + "```");
        }
        // a caught-up projection's poll (the newest 100 orderings) and a lagging one (the newest 5,000)
        long maxOrdering = count("SELECT coalesce(max(ordering), 0) FROM event_journal");
        String tag = CallEntity.TAGS.get(0);
        for (long range : new long[] {100, 5_000}) {
          long from = Math.max(0, maxOrdering - range);
          String sql = byTag.trim()
              .replace("$1", "'" + tag + "'")
              .replace("$2", Long.toString(from))
              .replace("$3", Long.toString(maxOrdering))
              .replace("$4", "500");
          try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            out.add("with values (tag '" + tag + "', orderings " + from + ".." + maxOrdering
                + ", limit 500), EXPLAIN (ANALYZE, BUFFERS):\n\n```\n" + lines(rs) + "```");
          }
        }
      }
    } catch (Exception e) {
      out.add("diagnostics failed: " + e);
    }
    return out;
  }

  private static String lines(ResultSet rs) throws SQLException {
    StringBuilder sb = new StringBuilder();
    while (rs.next()) sb.append(rs.getString(1)).append('\n');
    return sb.toString();
  }

  private static List<String> randomUuids(int n) {
    List<String> uuids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) uuids.add(UUID.randomUUID().toString());
    return uuids;
  }

  /**
   * The warm-up's call ids: by default one per shard (sharding's default extractor puts an entity in
   * shard |hashCode % number-of-shards|), so every shard and its remember-entities store has started
   * and recovered before the first level; else the given number of random ids.
   */
  private List<String> warmupCalls() {
    if (options.warmupCalls() >= 0) return randomUuids(options.warmupCalls());
    int shards = node.system().settings().config().getInt("pekko.cluster.sharding.number-of-shards");
    Map<Integer, String> byShard = new java.util.TreeMap<>();
    for (int attempts = 0; byShard.size() < shards && attempts < 1_000_000; attempts++) {
      String uuid = UUID.randomUUID().toString();
      byShard.putIfAbsent(Math.abs(uuid.hashCode() % shards), uuid);
    }
    return new ArrayList<>(byShard.values());
  }

  private double awaitMillis(LongSupplier value, long target, long since, List<String> notes, String what)
      throws InterruptedException {
    return awaitMillis(value, target, since, notes, what, DRAIN_TIMEOUT);
  }

  private double awaitMillis(LongSupplier value, long target, long since, List<String> notes, String what,
      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long v = value.getAsLong();
    while (v < target && System.nanoTime() < deadline) {
      Thread.sleep(50);
      v = value.getAsLong();
    }
    if (v < target) notes.add("drain: " + what + " " + v + " of " + target + " after " + timeout.toSeconds() + " s (not a measurement failure)");
    return (System.nanoTime() - since) / 1e6;
  }

  private void awaitConnected() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!node.callControl().connected(SWITCH_ID)) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("the ESL layer did not connect to the simulator");
      Thread.sleep(20);
    }
    Thread.sleep(500); // the event subscription follows authentication
  }

  private long count(String sql) throws SQLException {
    try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long countQuietly(String sql) {
    try {
      return count(sql);
    } catch (SQLException e) {
      return -1;
    }
  }

  // ---- set-up ----

  private static Config nodeConfig(EmbeddedDatabase db, FreeSwitchSimulator sim, String password, int sps) {
    // the node names its one switch "fs1", as SWITCH_ID says
    return BenchmarkNode.config(db, sim, password, sps, ADMIN_PASSWORD, TOKEN_SECRET);
  }

  /**
   * A diagnostic variation of the node's configuration (never the default run):
   * {@code read-journal-own-pool} gives the read journal (the projections' events-by-tag queries)
   * its own connection pool instead of sharing the journal's; {@code no-projections} keeps the
   * projections (sharded daemon processes) from starting on this node.
   */
  private static Config experiment(String name, EmbeddedDatabase db, Config config) {
    if (name.isEmpty()) return config;
    if (name.equals("no-projections")) {
      // sharded daemon processes only run on nodes with this role, which this node does not have
      return config.withValue("pekko.cluster.sharded-daemon-process.sharding.role",
          ConfigValueFactory.fromAnyRef("benchmark-no-projections"));
    }
    if (!name.equals("read-journal-own-pool")) throw new IllegalArgumentException("unknown experiment " + name);
    String p = "jdbc-read-journal.slick.";
    return config
        .withValue("jdbc-read-journal.use-shared-db", ConfigValueFactory.fromAnyRef(null))
        .withValue(p + "profile", ConfigValueFactory.fromAnyRef("slick.jdbc.PostgresProfile$"))
        .withValue(p + "db.url", ConfigValueFactory.fromAnyRef(db.jdbcUrl()))
        .withValue(p + "db.user", ConfigValueFactory.fromAnyRef("postgres"))
        .withValue(p + "db.password", ConfigValueFactory.fromAnyRef(""))
        .withValue(p + "db.driver", ConfigValueFactory.fromAnyRef("org.postgresql.Driver"))
        .withValue(p + "db.numThreads", ConfigValueFactory.fromAnyRef(8))
        .withValue(p + "db.maxConnections", ConfigValueFactory.fromAnyRef(8))
        .withValue(p + "db.minConnections", ConfigValueFactory.fromAnyRef(1));
  }

  private static String threadGroup(String name, int beforeSim, int afterSim, int afterNode) {
    Matcher m = NETTY_THREAD.matcher(name);
    if (m.matches()) {
      int pool = Integer.parseInt(m.group(1));
      if (pool > beforeSim && pool < afterSim) return "simulator: Netty I/O (ESL server)";
      if (pool > afterSim && pool < afterNode) return "ESL client: Netty I/O (decode + route events)";
    }
    if (name.equals("fs-sim-engine")) return "simulator: engine thread (fs-sim-engine)";
    if (name.startsWith("esl-command")) return "ESL layer: command threads (esl-command-*)";
    if (name.startsWith("esl-timer")) return "ESL layer: pacing timer (esl-timer-*)";
    if (name.matches("db-\\d+")) return "journal: Slick DB threads (db-*)";
    return ResourceWindow.stripNumbers(name);
  }

  static String summary(LevelResult r) {
    return String.format(
        "%d calls: peak %d channels, %.0f originates/s, %d answered, latency p50 %.1f ms p99 %.1f ms max %.1f ms,"
            + " JVM %.2f cores, PostgreSQL %.2f cores%s",
        r.calls(), r.peakChannels(), r.originatesPerSecond(), r.answered(), r.p50Ms(), r.p99Ms(), r.maxMs(),
        r.usage().jvmCores(), r.usage().postgresCores(), r.notes().isEmpty() ? "" : " NOTES " + r.notes());
  }

}
