package io.autodial.loadtest.robots;

import io.autodial.loadtest.BenchmarkNode;
import io.autodial.loadtest.BenchmarkRun;
import io.autodial.loadtest.Host;
import io.autodial.loadtest.RunInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.AutodialNode;
import io.autodial.node.db.EmbeddedDatabase;
import io.autodial.node.metrics.CallMetrics;
import io.autodial.node.robot.RobotAgent;
import io.autodial.node.robot.RobotBehaviour;
import io.autodial.node.robot.RobotStats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 500 robot agents over real WebSockets work a power-dialing campaign against the FreeSWITCH
 * simulator (time-scaled), and the run reports answer → bridge latency as the simulator sees it
 * ({@link FreeSwitchSimulator#answerToBridgeMillis()}: CHANNEL_ANSWER published → {@code
 * uuid_bridge} naming that channel read off the ESL socket), bridged calls/s, originates/s, the
 * abandoned share, the robots' offer → connect times, and the CPU and heap of the one JVM that holds
 * robots, simulator and node (split by thread group), and PostgreSQL's CPU.
 *
 * <p>Everything is set up as an admin would, over the HTTP API: a leadset uploaded as pasted CSV in
 * chunks, a campaign, one agent account per robot. Options are system properties (see {@link
 * Options}); results go to {@code results.dir}/{@code results.name}.md and .json.
 */
public final class RobotAgentsBenchmark {
  private static final Logger log = LoggerFactory.getLogger(RobotAgentsBenchmark.class);
  static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID();
  private static final String TOKEN_SECRET = "robots-bench-token-secret-0123456789-0123456789";
  private static final Pattern NETTY_THREAD = Pattern.compile("nioEventLoopGroup-(\\d+)-\\d+");
  private static final String[] AREA_CODES = {"212", "646", "718", "917", "347", "929", "332", "516"};

  /** The run's settings, from system properties. */
  record Options(
      int robots,
      int leads,
      double timeScale,
      int sessionsPerSecond,
      double multiplier,
      int maxConcurrentCalls,
      int talkMinMs,
      int talkMaxMs,
      int wrapUpMs,
      int rampPerSecond,
      int rampTimeoutSeconds,
      int warmupSeconds,
      int measureSeconds,
      int maxRunMinutes,
      String resultsDir,
      String resultsName) {

    static Options fromSystemProperties() {
      return new Options(
          Integer.getInteger("robots", 500),
          Integer.getInteger("leads", 40_000),
          Double.parseDouble(System.getProperty("timeScale", "10")),
          Integer.getInteger("sps", 1000),
          Double.parseDouble(System.getProperty("multiplier", "2.0")),
          Integer.getInteger("maxConcurrentCalls", 1000),
          Integer.getInteger("talkMinMs", 1000),
          Integer.getInteger("talkMaxMs", 3000),
          Integer.getInteger("wrapUpMs", 500),
          Integer.getInteger("rampPerSecond", 20),
          Integer.getInteger("rampTimeoutSeconds", 90),
          Integer.getInteger("warmupSeconds", 40),
          Integer.getInteger("measureSeconds", 60),
          Integer.getInteger("maxRunMinutes", 8),
          System.getProperty("results.dir", "load-tests/results"),
          System.getProperty("results.name", "robots-answer-to-bridge"));
    }
  }

  /**
   * The simulated carriers: 35 % live answers, the rest busy, unanswered, rejected or unreachable;
   * rings of 1–8 s, talk (until the customer hangs up, for the half of answered calls where the
   * customer does) 20 s on average; all divided by the time scale. No answering machines: the node
   * has no AMD, so a machine answer would be bridged like a live one.
   */
  static CallModel callModel() {
    return new CallModel(0.35, 0.15, 0.35, 0.10, 0.05, 0.0, Duration.ofSeconds(1), Duration.ofSeconds(8),
        Duration.ofSeconds(20), 0.5, 0.5, Duration.ofMillis(800));
  }

  public static void main(String[] args) {
    Options options = Options.fromSystemProperties();
    BenchmarkRun.main(Duration.ofMinutes(options.maxRunMinutes()), () -> new RobotAgentsBenchmark(options).run());
  }

  private final Options options;
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Double> setupSeconds = new LinkedHashMap<>();
  private final List<Map<String, Object>> timeline = new ArrayList<>();
  private final List<RobotAgent> robots = new ArrayList<>();

  private RobotAgentsBenchmark(Options options) {
    this.options = options;
  }

  private int run() throws Exception {
    Instant startedAt = Instant.now();
    long runStart = System.nanoTime();
    String loadBefore = RunInfo.loadAverage();
    List<String> othersBefore = RunInfo.otherJavaProcesses();
    log.info("robot agents benchmark: {}", options);

    int beforeSim = Host.nextNettyPoolId();
    long t = System.nanoTime();
    EmbeddedDatabase database = EmbeddedDatabase.startTemporary();
    setupSeconds.put("embedded PostgreSQL start", secondsSince(t));
    String eslPassword = "bench-" + UUID.randomUUID();
    FreeSwitchSimulator sim =
        FreeSwitchSimulator.start(
            SimulatorConfig.defaults()
                .withPort(0)
                .withPassword(eslPassword)
                .withTimeScale(options.timeScale())
                .withSessionsPerSecond(options.sessionsPerSecond())
                .withMaxSessions(Math.max(4000, options.maxConcurrentCalls() + options.robots() + 1000))
                .withCallModel(callModel()));
    int afterSim = Host.nextNettyPoolId();
    t = System.nanoTime();
    AutodialNode node = AutodialNode.start(nodeConfig(database, sim, eslPassword));
    setupSeconds.put("node start", secondsSince(t));
    int afterNode = Host.nextNettyPoolId();
    Function<String, String> groups = name -> threadGroup(name, beforeSim, afterSim, afterNode);

    Connection monitor = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
    monitor.setAutoCommit(true);
    Optional<ProcessHandle> postmaster = Host.postmaster(monitor);
    String postgresVersion = Host.postgresVersion(monitor);
    AdminApi admin = new AdminApi(node.httpAddress()).login(AutodialNode.ADMIN, ADMIN_PASSWORD);
    int exit = 0;
    try {
      String campaignId = setUp(admin, node);
      rampRobots(admin, campaignId);
      warmUp(admin, campaignId, sim);
      measure(admin, campaignId, sim, monitor, groups, postmaster);
    } catch (Throwable e) {
      log.error("benchmark aborted", e);
      notes.add("the run aborted: " + e);
      exit = 1;
    } finally {
      long stopT = System.nanoTime();
      stopRobots();
      setupSeconds.put("stopping the robots", secondsSince(stopT));
      Instant finishedAt = Instant.now();
      report.put("run", runInfo(startedAt, finishedAt, secondsSince(runStart), loadBefore, RunInfo.loadAverage(), othersBefore,
          RunInfo.otherJavaProcesses(), postgresVersion));
      report.put("setupSeconds", roundAll(setupSeconds));
      report.put("timeline", timeline);
      report.put("notes", notes);
      try {
        RobotsReport.write(options, report, Path.of(options.resultsDir()), options.resultsName());
      } catch (Throwable e) {
        log.error("could not write results", e);
        exit = 1;
      }
      BenchmarkRun.closeQuietly(admin);
      BenchmarkRun.closeQuietly(monitor);
      BenchmarkRun.closeQuietly(node);
      BenchmarkRun.closeQuietly(sim);
      BenchmarkRun.closeQuietly(database);
    }
    return exit;
  }

  // ---- set-up over the HTTP API ---------------------------------------------------------------

  private String setUp(AdminApi admin, AutodialNode node) {
    long t = System.nanoTime();
    long leadsetId = admin.postOk("/api/leadsets", Map.of("name", "robots benchmark")).get("id").asLong();
    int chunk = 5_000;
    long loaded = 0;
    long rejected = 0;
    for (int from = 0; from < options.leads(); from += chunk) {
      ObjectNode upload = AdminApi.JSON.createObjectNode().put("csv", csv(from, Math.min(options.leads(), from + chunk)));
      upload.set("mapping", AdminApi.JSON.valueToTree(Map.of("phone", "phone", "status", "status", "firstName", "first_name", "company", "company")));
      JsonNode r = admin.postOk("/api/leadsets/" + leadsetId + "/uploads", upload);
      loaded += r.path("loaded").asLong();
      rejected += r.path("rejected").size();
    }
    setupSeconds.put("leads upload (" + options.leads() + " rows, pasted CSV in chunks of " + chunk + ")", secondsSince(t));
    log.info("leadset {}: {} loaded, {} rejected", leadsetId, loaded, rejected);
    report.put("leadsLoaded", loaded);
    if (rejected > 0) notes.add(rejected + " lead rows were rejected by the upload");

    ObjectNode campaign = AdminApi.JSON.createObjectNode()
        .put("name", "Robots benchmark").put("callerId", "+12125550000").put("multiplier", options.multiplier())
        .put("maxConcurrentCalls", options.maxConcurrentCalls()).put("ringTimeoutSeconds", 15)
        .put("script", "Hi {{first_name}} from {{company}}");
    campaign.set("leadsetIds", AdminApi.JSON.valueToTree(List.of(leadsetId)));
    BenchmarkNode.dialAnyTime(campaign);
    String campaignId = admin.postOk("/api/campaigns", campaign).get("id").asText();
    BenchmarkNode.cleanHistory(node, campaignId);

    t = System.nanoTime();
    Semaphore inFlight = new Semaphore(4);
    List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
    for (int i = 1; i <= options.robots(); i++) {
      inFlight.acquireUninterruptibly();
      CompletableFuture<HttpResponse<String>> f =
          admin.post("/api/agents", Map.of("username", "robot" + i, "password", password(i), "campaignId", campaignId));
      f.whenComplete((r, e) -> inFlight.release());
      creates.add(f);
    }
    for (int i = 0; i < creates.size(); i++) AdminApi.ok(creates.get(i).join(), "creating agent robot" + (i + 1));
    double agentsSeconds = secondsSince(t);
    setupSeconds.put("agent accounts (" + options.robots() + ", 4 requests in flight)", agentsSeconds);
    log.info("{} agent accounts in {} s", options.robots(), String.format("%.1f", agentsSeconds));
    admin.postOk("/api/campaigns/" + campaignId + "/start", Map.of());
    return campaignId;
  }

  /** Rows {@code from..to-1}: distinct numbers on 555 exchanges of New York area codes. */
  private static String csv(int from, int to) {
    StringBuilder csv = new StringBuilder("phone,status,first_name,company\n");
    for (int i = from; i < to; i++)
      csv.append("+1").append(AREA_CODES[i / 10_000 % AREA_CODES.length]).append("555").append(String.format("%04d", i % 10_000))
          .append(",NEW,Person").append(i).append(",Company").append(i % 37).append('\n');
    return csv.toString();
  }

  private static String password(int i) {
    return "robot-password-" + i;
  }

  // ---- robots -----------------------------------------------------------------------------------

  private void rampRobots(AdminApi admin, String campaignId) throws InterruptedException {
    long t = System.nanoTime();
    long gapNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, options.rampPerSecond());
    for (int i = 1; i <= options.robots(); i++) {
      long due = t + (i - 1) * gapNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
      robots.add(RobotAgent.start(admin.base(), "robot" + i, password(i), behaviour(i)));
    }
    setupSeconds.put("robots started (" + options.rampPerSecond() + "/s)", secondsSince(t));
    long deadline = t + TimeUnit.SECONDS.toNanos(options.rampTimeoutSeconds());
    int loggedIn = 0;
    while (System.nanoTime() < deadline) {
      JsonNode stats = admin.getOk("/api/campaigns/" + campaignId + "/stats");
      loggedIn = stats.at("/agents/loggedIn").asInt();
      if (loggedIn >= options.robots()) break;
      Thread.sleep(1000);
    }
    double seconds = secondsSince(t);
    setupSeconds.put("robots logged in (campaign stats agents.loggedIn = robots)", seconds);
    report.put("robotsLoggedIn", loggedIn);
    log.info("{} of {} robots logged in after {} s", loggedIn, options.robots(), String.format("%.1f", seconds));
    if (loggedIn < options.robots())
      notes.add("only " + loggedIn + " of " + options.robots() + " robots were logged in after " + options.rampTimeoutSeconds()
          + " s of ramp; the run went on with them");
  }

  private RobotBehaviour behaviour(int i) {
    Random random = new Random(i);
    int span = Math.max(0, options.talkMaxMs() - options.talkMinMs());
    return RobotBehaviour.of(
        () -> Duration.ofMillis(options.talkMinMs() + (span == 0 ? 0 : random.nextInt(span + 1))),
        () -> Duration.ofMillis(options.wrapUpMs()),
        codes -> codes.get(ThreadLocalRandom.current().nextInt(codes.size())));
  }

  private void stopRobots() {
    ExecutorService stopper = Executors.newFixedThreadPool(16, r -> {
      Thread th = new Thread(r, "bench-stopper");
      th.setDaemon(true);
      return th;
    });
    robots.forEach(r -> stopper.execute(r::stop));
    stopper.shutdown();
    try {
      stopper.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- warm-up and measurement ------------------------------------------------------------------

  private void warmUp(AdminApi admin, String campaignId, FreeSwitchSimulator sim) throws InterruptedException {
    long t = System.nanoTime();
    long originates = sim.totalOriginates();
    long bridges = sim.answerToBridgeCount();
    Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds()));
    double s = secondsSince(t);
    setupSeconds.put("warm-up", s);
    log.info("warm-up {} s: {} originates/s, {} bridges/s", String.format("%.0f", s),
        String.format("%.1f", (sim.totalOriginates() - originates) / s), String.format("%.1f", (sim.answerToBridgeCount() - bridges) / s));
  }

  private void measure(AdminApi admin, String campaignId, FreeSwitchSimulator sim, Connection monitor,
      Function<String, String> groups, Optional<ProcessHandle> postmaster) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    JsonNode statsBefore = admin.getOk("/api/campaigns/" + campaignId + "/stats");
    List<RobotStats> robotsBefore = robots.stream().map(RobotAgent::stats).toList();
    sim.resetAnswerToBridge();
    CallMetrics.ANSWER_TO_ENTITY.reset();
    long originatesBefore = sim.totalOriginates();
    Instant windowStart = Instant.now();
    CpuAccount cpu = new CpuAccount(groups, postmaster);
    long t0 = System.nanoTime();
    long end = t0 + TimeUnit.SECONDS.toNanos(options.measureSeconds());
    long heapMax = 0;
    int liveMax = 0;
    long liveSum = 0;
    long liveSamples = 0;
    long nextTick = t0 + TimeUnit.SECONDS.toNanos(10);
    long lastOriginates = originatesBefore;
    long lastBridges = 0;
    long lastTick = t0;
    List<String> dumps = new ArrayList<>();
    while (System.nanoTime() < end) {
      Thread.sleep(100);
      heapMax = Math.max(heapMax, memory.getHeapMemoryUsage().getUsed());
      int live = sim.liveChannels();
      liveMax = Math.max(liveMax, live);
      liveSum += live;
      liveSamples++;
      long now = System.nanoTime();
      if (now >= nextTick) {
        double dt = (now - lastTick) / 1e9;
        long o = sim.totalOriginates();
        long b = sim.answerToBridgeCount();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("atSeconds", Math.round((now - t0) / 1e9));
        row.put("originatesPerSecond", Samples.round((o - lastOriginates) / dt));
        row.put("bridgesPerSecond", Samples.round((b - lastBridges) / dt));
        row.put("liveChannels", live);
        row.put("heapUsedMb", memory.getHeapMemoryUsage().getUsed() >> 20);
        timeline.add(row);
        log.info("window {}", row);
        if (dumps.size() < 3) dumps.add(busyThreads());
        lastOriginates = o;
        lastBridges = b;
        lastTick = now;
        nextTick += TimeUnit.SECONDS.toNanos(10);
      }
    }
    CpuAccount.Result usage = cpu.finish();
    double wall = usage.wallSeconds();
    double[] answerToBridge = sim.answerToBridgeMillis();
    long bridgesCounted = sim.answerToBridgeCount();
    long originates = sim.totalOriginates() - originatesBefore;
    Instant windowEnd = Instant.now();
    long nodeAnswerToEntityP50 = CallMetrics.ANSWER_TO_ENTITY.quantileMicros(0.50);
    long nodeAnswerToEntityP99 = CallMetrics.ANSWER_TO_ENTITY.quantileMicros(0.99);
    long nodeAnswerToEntityCount = CallMetrics.ANSWER_TO_ENTITY.count();
    List<RobotStats> robotsAfter = robots.stream().map(RobotAgent::stats).toList();
    JsonNode statsAfter = admin.getOk("/api/campaigns/" + campaignId + "/stats");

    Map<String, Object> window = new LinkedHashMap<>();
    window.put("start", windowStart.toString());
    window.put("end", windowEnd.toString());
    window.put("seconds", Samples.round(wall));
    report.put("window", window);

    Map<String, Object> a2b = new LinkedHashMap<>(Samples.of(answerToBridge).asMap());
    a2b.put("samplesCounted", bridgesCounted);
    a2b.put("shareOver100Ms", Samples.round(100 * Samples.shareAbove(answerToBridge, 100)));
    a2b.put("shareOver500Ms", Samples.round(100 * Samples.shareAbove(answerToBridge, 500)));
    a2b.put("shareOver2000Ms", Samples.round(100 * Samples.shareAbove(answerToBridge, 2000)));
    report.put("answerToBridge", a2b);
    Map<String, Object> firstLeg = new LinkedHashMap<>();
    firstLeg.put("samples", nodeAnswerToEntityCount);
    firstLeg.put("p50Ms", nodeAnswerToEntityP50 / 1000.0);
    firstLeg.put("p99Ms", nodeAnswerToEntityP99 / 1000.0);
    report.put("nodeAnswerToCallEntity", firstLeg);

    Map<String, Object> rates = new LinkedHashMap<>();
    rates.put("bridgedCallsPerSecond", Samples.round(bridgesCounted / wall));
    rates.put("originatesPerSecond", Samples.round(originates / wall));
    rates.put("originates", originates);
    rates.put("peakLiveChannels", liveMax);
    rates.put("meanLiveChannels", Samples.round(liveSamples == 0 ? 0 : (double) liveSum / liveSamples));
    report.put("rates", rates);

    report.put("robots", robotFigures(robotsBefore, robotsAfter, wall));
    report.put("campaignStats", Map.of("atWindowStart", statsBefore, "atWindowEnd", statsAfter));
    report.put("callLog", callLogFigures(monitor, windowStart, windowEnd));
    report.put("resources", resources(usage, heapMax));
    report.put("busyThreadSamples", dumps);
    log.info("answer→bridge {} ; {} bridged/s, {} originates/s ; JVM {} cores", a2b, rates.get("bridgedCallsPerSecond"),
        rates.get("originatesPerSecond"), String.format("%.2f", usage.jvmCores()));
  }

  private Map<String, Object> robotFigures(List<RobotStats> before, List<RobotStats> after, double wall) {
    long offered = 0, connected = 0, hangups = 0, dispositions = 0, errors = 0, reconnects = 0;
    List<Double> offerToConnect = new ArrayList<>();
    int idle = 0;
    for (int i = 0; i < after.size(); i++) {
      RobotStats b = before.get(i);
      RobotStats a = after.get(i);
      offered += a.callsOffered() - b.callsOffered();
      connected += a.callsConnected() - b.callsConnected();
      hangups += a.hangupsSent() - b.hangupsSent();
      dispositions += a.dispositionsSent() - b.dispositionsSent();
      errors += a.errorsReceived() - b.errorsReceived();
      reconnects += a.reconnects() - b.reconnects();
      if (a.callsConnected() == b.callsConnected()) idle++;
      a.offerToConnect().subList(Math.min(b.offerToConnect().size(), a.offerToConnect().size()), a.offerToConnect().size())
          .forEach(d -> offerToConnect.add(d.toNanos() / 1e6));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("robots", after.size());
    m.put("robotsWithoutACallInTheWindow", idle);
    m.put("callsOffered", offered);
    m.put("callsConnected", connected);
    m.put("connectedPerSecond", Samples.round(connected / wall));
    m.put("callsPerRobotPerMinute", Samples.round(after.isEmpty() ? 0 : connected * 60.0 / wall / after.size()));
    m.put("hangupsSent", hangups);
    m.put("dispositionsSent", dispositions);
    m.put("errorsReceived", errors);
    m.put("reconnects", reconnects);
    m.put("offerToConnect", Samples.of(offerToConnect.stream().mapToDouble(Double::doubleValue).toArray()).asMap());
    return m;
  }

  /** Customer legs answered in the window, once the call_log projection has caught up with them. */
  private Map<String, Object> callLogFigures(Connection c, Instant from, Instant to) throws Exception {
    String sql = """
        SELECT count(*) FILTER (WHERE answered_at >= ? AND answered_at < ?),
               count(*) FILTER (WHERE answered_at >= ? AND answered_at < ? AND abandoned),
               count(*) FILTER (WHERE answered_at >= ? AND answered_at < ? AND bridged_to IS NOT NULL),
               count(*) FILTER (WHERE started_at >= ? AND started_at < ?),
               count(*) FILTER (WHERE answered_at >= ? AND answered_at < ? AND bridged_to IS NULL AND NOT abandoned AND ended_at IS NULL),
               count(*) FILTER (WHERE answered_at >= ? AND answered_at < ? AND bridged_to IS NULL AND NOT abandoned AND ended_at IS NOT NULL)
        FROM call_log WHERE leg_kind = 'CUSTOMER'""";
    long[] last = null;
    int stable = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long readStart = System.nanoTime();
    Thread.sleep(3000); // a call answered at the very end is abandoned 2 s later at the latest
    while (true) {
      long[] now = new long[6];
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < 6; i++) {
          s.setTimestamp(2 * i + 1, Timestamp.from(from));
          s.setTimestamp(2 * i + 2, Timestamp.from(to));
        }
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          for (int i = 0; i < 6; i++) now[i] = rs.getLong(i + 1);
        }
      }
      stable = Arrays.equals(now, last) ? stable + 1 : 0;
      last = now;
      if (stable >= 3 || System.nanoTime() > deadline) break;
      Thread.sleep(1000);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("customerLegsStarted", last[3]);
    m.put("customerLegsAnswered", last[0]);
    m.put("answeredAndBridged", last[2]);
    m.put("answeredAndAbandoned", last[1]);
    m.put("answeredNotBridgedNotAbandonedStillUp", last[4]);
    m.put("answeredNotBridgedNotAbandonedEnded", last[5]);
    m.put("readAfterSecondsPastWindow", Samples.round((System.nanoTime() - readStart) / 1e9 + 3));
    m.put("abandonedSharePercent", Samples.round(last[0] == 0 ? Double.NaN : 100.0 * last[1] / last[0]));
    m.put("answerSharePercent", Samples.round(last[3] == 0 ? Double.NaN : 100.0 * last[0] / last[3]));
    return m;
  }

  private Map<String, Object> resources(CpuAccount.Result u, long heapMax) {
    int cores = Runtime.getRuntime().availableProcessors();
    double wall = u.wallSeconds();
    Map<String, Double> robotsSide = new LinkedHashMap<>();
    Map<String, Double> simSide = new LinkedHashMap<>();
    Map<String, Double> benchSide = new LinkedHashMap<>();
    Map<String, Double> nodeSide = new LinkedHashMap<>();
    u.cpuSecondsByGroup().entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).forEach(e -> {
      String g = e.getKey();
      double cores2 = e.getValue() / wall;
      if (g.startsWith("robots:")) robotsSide.put(g, cores2);
      else if (g.startsWith("simulator:")) simSide.put(g, cores2);
      else if (g.startsWith("benchmark:")) benchSide.put(g, cores2);
      else nodeSide.put(g, cores2);
    });
    double robotsCores = robotsSide.values().stream().mapToDouble(Double::doubleValue).sum();
    double simCores = simSide.values().stream().mapToDouble(Double::doubleValue).sum();
    double benchCores = benchSide.values().stream().mapToDouble(Double::doubleValue).sum();
    double nodeCores = nodeSide.values().stream().mapToDouble(Double::doubleValue).sum();
    double unattributed = u.jvmCores() - u.javaThreadsCpuSeconds() / wall;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("machineCores", cores);
    m.put("jvmCores", Samples.round(u.jvmCores()));
    m.put("jvmPercentOfMachine", Samples.round(100 * u.jvmCores() / cores));
    m.put("robotsCores", Samples.round(robotsCores));
    m.put("simulatorCores", Samples.round(simCores));
    m.put("nodeCores", Samples.round(nodeCores));
    m.put("benchmarkCores", Samples.round(benchCores));
    m.put("jvmInternalCores", Samples.round(unattributed));
    m.put("postgresCores", Samples.round(u.postgresCores()));
    m.put("postgresPercentOfMachine", Samples.round(100 * u.postgresCores() / cores));
    m.put("machineBusyPercent", Samples.round(100 * u.machineBusyShare()));
    m.put("otherProcessesCores", Samples.round(u.machineBusyShare() * cores - u.jvmCores() - u.postgresCores()));
    m.put("heapMaxUsedMb", heapMax >> 20);
    m.put("heapMaxMb", Runtime.getRuntime().maxMemory() >> 20);
    m.put("gcCount", u.gcCount());
    m.put("gcMillis", u.gcMillis());
    m.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
    Map<String, Object> groupsOut = new LinkedHashMap<>();
    for (Map<String, Double> side : List.of(nodeSide, robotsSide, simSide, benchSide))
      side.forEach((g, c) -> groupsOut.put(g, Map.of("cores", Samples.round(c), "threads", u.threadsByGroup().getOrDefault(g, 0))));
    m.put("cpuByThreadGroup", groupsOut);
    return m;
  }

  /** The threads using CPU right now: two samples 200 ms apart, top 12 by CPU, with their top frames. */
  private static String busyThreads() {
    var mx = ManagementFactory.getThreadMXBean();
    Map<Long, Long> first = new LinkedHashMap<>();
    for (long id : mx.getAllThreadIds()) first.put(id, mx.getThreadCpuTime(id));
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<long[]> deltas = new ArrayList<>();
    for (long id : mx.getAllThreadIds()) {
      long now = mx.getThreadCpuTime(id);
      Long was = first.get(id);
      if (now > 0 && was != null && was >= 0) deltas.add(new long[] {id, now - was});
    }
    deltas.sort((x, y) -> Long.compare(y[1], x[1]));
    StringBuilder out = new StringBuilder();
    for (long[] d : deltas.subList(0, Math.min(12, deltas.size()))) {
      ThreadInfo info = mx.getThreadInfo(d[0], 4);
      if (info == null) continue;
      out.append(String.format("%5.0f%% %s [%s]", d[1] / 2e6, info.getThreadName(), info.getThreadState()));
      for (StackTraceElement f : info.getStackTrace()) out.append(" <- ").append(f.getClassName().replaceAll(".*\\.", "")).append('.').append(f.getMethodName());
      out.append('\n');
    }
    return out.toString();
  }

  // ---- thread groups ----------------------------------------------------------------------------

  static String threadGroup(String name, int beforeSim, int afterSim, int afterNode) {
    Matcher m = NETTY_THREAD.matcher(name);
    if (m.matches()) {
      int pool = Integer.parseInt(m.group(1));
      if (pool > beforeSim && pool < afterSim) return "simulator: Netty I/O (ESL server)";
      if (pool > afterSim && pool < afterNode) return "node: ESL client Netty I/O";
    }
    if (name.equals("fs-sim-engine")) return "simulator: engine thread (fs-sim-engine)";
    if (name.equals("robot-agents")) return "robots: decision/timer threads (robot-agents)";
    if (name.startsWith("bench-admin-http")) return "benchmark: admin HTTP client";
    if (name.startsWith("HttpClient-")) return "robots: JDK HttpClient/WebSocket (" + name.replaceAll("^HttpClient-\\d+-", "").replaceAll("-?\\d+$", "") + ")";
    if (name.startsWith("bench-") || name.equals("main")) return "benchmark: " + name.replaceAll("-?\\d+$", "");
    if (name.startsWith("ForkJoinPool.commonPool")) return "shared: ForkJoinPool.commonPool";
    if (name.startsWith("esl-command")) return "node: ESL command threads (esl-command-*)";
    if (name.startsWith("esl-timer")) return "node: ESL pacing timer (esl-timer-*)";
    return "node: " + name.replaceAll("\\d+", "N");
  }

  // ---- configuration and run info ---------------------------------------------------------------

  private Config nodeConfig(EmbeddedDatabase db, FreeSwitchSimulator sim, String password) {
    return BenchmarkNode.config(db, sim, password, options.sessionsPerSecond(), ADMIN_PASSWORD, TOKEN_SECRET);
  }

  private Map<String, Object> runInfo(Instant started, Instant finished, double seconds, String loadBefore, String loadAfter,
      List<String> othersBefore, List<String> othersAfter, String postgresVersion) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("started", started.toString());
    m.put("finished", finished.toString());
    m.put("seconds", Samples.round(seconds));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpuModel", RunInfo.readCpuModel());
    m.put("memoryMb", memoryMb());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
    m.put("postgres", postgresVersion);
    m.put("loadAverageBefore", loadBefore);
    m.put("loadAverageAfter", loadAfter);
    m.put("otherJvmsAtStart", othersBefore);
    m.put("otherJvmsAtEnd", othersAfter);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("robots", options.robots());
    o.put("leads", options.leads());
    o.put("timeScale", options.timeScale());
    o.put("sessionsPerSecond", options.sessionsPerSecond());
    o.put("multiplier", options.multiplier());
    o.put("maxConcurrentCalls", options.maxConcurrentCalls());
    o.put("talkMs", options.talkMinMs() + ".." + options.talkMaxMs());
    o.put("wrapUpMs", options.wrapUpMs());
    o.put("rampPerSecond", options.rampPerSecond());
    o.put("warmupSeconds", options.warmupSeconds());
    o.put("measureSeconds", options.measureSeconds());
    CallModel cm = callModel();
    o.put("callModel", String.format("answer %.0f%%, busy %.0f%%, no answer %.0f%%, reject %.0f%%, unreachable %.0f%%, machine %.0f%%;"
            + " ring %d..%d s, customer talk mean %d s (cv %.1f, customer hangs up in %.0f%% of answered calls); simulated times / %s",
        100 * cm.answerShare(), 100 * cm.busyShare(), 100 * cm.noAnswerShare(), 100 * cm.rejectShare(), 100 * cm.unreachableShare(),
        100 * cm.machineShare(), cm.ringMin().toSeconds(), cm.ringMax().toSeconds(), cm.talkMean().toSeconds(), cm.talkCv(),
        100 * cm.customerHangsUpShare(), options.timeScale()));
    m.put("options", o);
    return m;
  }


  private static long memoryMb() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getTotalMemorySize() >> 20;
  }

  private static Map<String, Object> roundAll(Map<String, Double> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, Samples.round(v)));
    return out;
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

}
