package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.db.DatabaseSettings;
import io.autodial.node.robot.RobotAgent;
import io.autodial.node.robot.RobotBehaviour;
import io.autodial.node.robot.RobotStats;
import io.autodial.node.support.ApiClient;
import io.autodial.node.support.ForkedNode;
import io.autodial.node.support.Campaigns;
import io.autodial.node.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node is killed hard (SIGKILL) in the middle of a power-dialing campaign and started again on
 * the same database and switch: the campaign resumes, no persisted event is lost, no lead is
 * dialed twice, calls live at the kill are reconciled and the agents pick up where they were.
 *
 * <p>The node runs in its own JVM ({@link ForkedNode}); the simulator, the embedded PostgreSQL and
 * the robot agents live in the test JVM and outlive the kill, as a switch, a database and the
 * agents' browsers would.
 */
class NodeKillTest {
  private static final String ESL_PASSWORD = "kill-" + UUID.randomUUID();
  private static final String ADMIN_PASSWORD = "kill-admin-" + UUID.randomUUID();
  private static final String TOKEN_SECRET = "kill-token-secret-" + UUID.randomUUID();
  private static final int AGENTS = 6;
  private static final int LEADS = 200;
  /** The nodes' logs and their frozen classpath, apart from any other run's. */
  private static final Path LOGS =
      Path.of("target", "node-kill", "run-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + ProcessHandle.current().pid());

  private static FreeSwitchSimulator sim;
  private static DatabaseSettings db;
  private static ForkedNode.Settings settings;
  private static ForkedNode node;
  private static final List<RobotAgent> robots = new ArrayList<>();

  @BeforeAll
  static void start() {
    // about 30% live answers, half of them hung up by the customer; five times faster than life
    CallModel model =
        new CallModel(0.30, 0.20, 0.30, 0.10, 0.10, 0.0, Duration.ofSeconds(1), Duration.ofSeconds(6),
            Duration.ofSeconds(15), 0.5, 0.5, Duration.ofMillis(800));
    sim = FreeSwitchSimulator.start(
        SimulatorConfig.defaults().withBindHost("127.0.0.1").withPort(0).withPassword(ESL_PASSWORD)
            .withSessionsPerSecond(200).withTimeScale(5).withCallModel(model));
    db = TestDatabases.fresh();
    settings = new ForkedNode.Settings(db, "127.0.0.1", sim.port(), ESL_PASSWORD, ForkedNode.freePort(), ForkedNode.freePort(), ADMIN_PASSWORD, TOKEN_SECRET,
        ForkedNode.frozenClasspath(LOGS.resolve("classpath")));
    node = ForkedNode.start(settings, LOGS.resolve("node-1.log"), Duration.ofSeconds(90));
  }

  @AfterAll
  static void stop() {
    robots.forEach(RobotAgent::stop);
    if (node != null) node.close();
    if (sim != null) sim.close();
    ForkedNode.deleteTree(LOGS.resolve("classpath"));
  }

  @Test
  void aHardKilledNodeResumesTheCampaignWithNothingLostOrDialedTwice() throws Exception {
    long t0 = System.nanoTime();
    ApiClient admin = new ApiClient(node.httpAddress()).login("admin", ADMIN_PASSWORD);

    // 200 good leads, a campaign over them, six agents
    long leadsetId = ok(admin.post("/api/leadsets", Map.of("name", "kill list"))).get("id").asLong();
    StringBuilder csv = new StringBuilder("phone,status,first_name,company\n");
    for (int row = 1; row <= LEADS; row++) csv.append(String.format("+1212555%04d,NEW,Person%d,Company%d%n", row, row, row % 7));
    ObjectNode upload = ApiClient.JSON.createObjectNode().put("csv", csv.toString());
    upload.set("mapping", ApiClient.JSON.valueToTree(Map.of("phone", "phone", "status", "status", "firstName", "first_name", "company", "company")));
    assertThat(ok(admin.post("/api/leadsets/" + leadsetId + "/uploads", upload)).get("loaded").asInt()).isEqualTo(LEADS);
    ObjectNode campaign = ApiClient.JSON.createObjectNode()
        .put("name", "Kill promo").put("callerId", "+12125550000").put("multiplier", 2.0)
        .put("maxConcurrentCalls", 30).put("ringTimeoutSeconds", 15).put("script", "Hi {{first_name}}");
    campaign.set("leadsetIds", ApiClient.JSON.valueToTree(List.of(leadsetId)));
    campaign.set("compliance", ApiClient.JSON.valueToTree(Campaigns.ALL_DAY));
    String campaignId = ok(admin.post("/api/campaigns", campaign)).get("id").asText();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      Campaigns.cleanHistory(c, campaignId);
    }
    for (int i = 1; i <= AGENTS; i++)
      ok(admin.post("/api/agents", Map.of("username", "agent" + i, "password", "password-" + i, "campaignId", campaignId)));
    ok(admin.post("/api/campaigns/" + campaignId + "/start", Map.of()));

    // robots talk long enough that some are on a call when the node dies
    Random random = new Random(7);
    for (int i = 1; i <= AGENTS; i++)
      robots.add(RobotAgent.start(admin.base(), "agent" + i, "password-" + i,
          RobotBehaviour.of(() -> Duration.ofMillis(1000 + random.nextInt(2000)), () -> Duration.ofMillis(200), codes -> codes.get(0))));

    // ---- a good share of the work done, agents on calls right now: kill the node hard ----
    awaitKillPoint(Duration.ofSeconds(60));
    Map<String, byte[]> journalBefore = journal();
    Map<UUID, Boolean> callsBefore = callLogEnded(); // call uuid -> ended at the time of the kill (as projected)
    Set<UUID> liveCustomerCallsAtKill = liveCustomerCalls();
    Map<String, RobotStats> robotsBefore = robotStats();
    long secondsToKill = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
    node.kill();
    Instant killed = Instant.now();
    Thread.sleep(1000); // the switch goes on without the node: some calls end unheard

    long restartStarted = System.nanoTime();
    node = ForkedNode.start(settings, LOGS.resolve("node-2.log"), Duration.ofSeconds(90));
    long secondsToRestart = Duration.ofNanos(System.nanoTime() - restartStarted).toSeconds();

    // ---- the robots reconnect by themselves; the campaign dials on to the end ----
    long resumeStarted = System.nanoTime();
    awaitAllDialed(admin, campaignId, Duration.ofSeconds(120));
    long secondsToFinish = Duration.ofNanos(System.nanoTime() - resumeStarted).toSeconds();
    System.out.printf("node kill: killed after %d s with %d journal rows, %d calls in call_log (%d customer calls live); "
            + "restart took %d s; the campaign finished %d s later%n",
        secondsToKill, journalBefore.size(), callsBefore.size(), liveCustomerCallsAtKill.size(), secondsToRestart, secondsToFinish);

    try (Connection c = connect(); Statement s = c.createStatement()) {
      StringBuilder reconciled = new StringBuilder("customer calls live at the kill (uuid, answered, agent, bridged, abandoned, cause, disposition):\n");
      rows(s, "SELECT call_uuid, answered_at IS NOT NULL, agent_id, bridged_to IS NOT NULL, abandoned, hangup_cause, disposition FROM call_log"
          + " WHERE call_uuid IN (" + liveCustomerCallsAtKill.stream().map(u -> "'" + u + "'").reduce((a, b) -> a + "," + b).orElse("NULL") + ")", reconciled);
      System.out.print(reconciled);

      // the campaign resumed: calls placed by the new node, and every lead final or to retry
      assertThat(count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND started_at > '" + Timestamp.from(killed) + "'"))
          .as("customer calls placed after the restart").isGreaterThan(0);
      assertThat(count(s, "SELECT count(*) FROM leads WHERE status IN ('NEW', 'DIALING')")).as("leads NEW or DIALING").isZero();
      assertThat(count(s, "SELECT count(*) FROM leads")).isEqualTo(LEADS);

      // no persisted event was lost: every row of the journal at the kill is there, byte for byte
      Map<String, byte[]> journalAfter = journal();
      List<String> lost = new ArrayList<>();
      List<String> changed = new ArrayList<>();
      journalBefore.forEach((key, payload) -> {
        byte[] now = journalAfter.get(key);
        if (now == null) lost.add(key);
        else if (!Arrays.equals(now, payload)) changed.add(key);
      });
      assertThat(lost).as("journal rows lost").isEmpty();
      assertThat(changed).as("journal rows changed").isEmpty();
      assertThat(journalAfter.size()).isGreaterThan(journalBefore.size());
      // ... and every call the read model knew at the kill is still there
      Map<UUID, Boolean> callsAfter = callLogEnded();
      assertThat(callsAfter.keySet()).containsAll(callsBefore.keySet());

      // no lead was dialed twice at once, and none more often than its attempts
      assertThat(count(s, """
          SELECT count(*) FROM call_log a JOIN call_log b ON a.lead_id = b.lead_id AND a.call_uuid < b.call_uuid
          WHERE tstzrange(a.started_at, a.ended_at) && tstzrange(b.started_at, b.ended_at)""")).as("leads dialed twice at once").isZero();
      assertThat(count(s, """
          SELECT count(*) FROM leads l JOIN (SELECT lead_id, count(*) AS calls FROM call_log WHERE lead_id IS NOT NULL GROUP BY lead_id) c
            ON c.lead_id = l.id WHERE c.calls > l.attempts""")).as("leads with more calls than attempts").isZero();
      // no agent carried two customers at once
      assertThat(count(s, """
          SELECT count(*) FROM call_log a JOIN call_log b ON a.agent_id = b.agent_id AND a.call_uuid < b.call_uuid
          WHERE a.leg_kind = 'CUSTOMER' AND b.leg_kind = 'CUSTOMER' AND a.bridged_to IS NOT NULL AND b.bridged_to IS NOT NULL
            AND tstzrange(a.bridged_at, a.ended_at) && tstzrange(b.bridged_at, b.ended_at)""")).as("agents with two customers at once").isZero();

      // calls live at the kill were reconciled: every customer call has ended
      List<UUID> unended = new ArrayList<>();
      callsAfter.forEach((uuid, ended) -> {
        if (liveCustomerCallsAtKill.contains(uuid) && !ended) unended.add(uuid);
      });
      assertThat(unended).as("customer calls live at the kill that never ended").isEmpty();
      assertThat(count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND ended_at IS NULL")).isZero();

      // every bridged call has a disposition
      assertThat(count(s, "SELECT count(*) FROM call_log WHERE bridged_to IS NOT NULL AND leg_kind = 'CUSTOMER' AND disposition IS NULL")).isZero();
    }

    // agents reconnected to their state and went on working
    JsonNode stats = ok(admin.get("/api/campaigns/" + campaignId + "/stats"));
    assertThat(stats.at("/agents/loggedIn").asInt()).as("agents logged in: " + stats).isEqualTo(AGENTS);
    assertThat(stats.at("/leads/inProgress").asLong()).isZero();
    List<String> notBack = new ArrayList<>();
    for (RobotAgent robot : robots) {
      RobotStats before = robotsBefore.get(robot.username());
      RobotStats after = robot.stats();
      if (after.reconnects() <= before.reconnects() || after.callsConnected() <= before.callsConnected())
        notBack.add(robot.username() + ": before the kill " + before + ", now " + after);
    }
    assertThat(notBack).as("robots that did not reconnect or took no call after the restart\n" + diagnosis()).isEmpty();
  }

  /** At least 40 calls placed, some bridged, an agent on a call and customers' phones ringing right now. */
  private static void awaitKillPoint(Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      assertNodeAlive();
      try (Connection c = connect(); Statement s = c.createStatement()) {
        long calls = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER'");
        long bridged = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND bridged_to IS NOT NULL");
        long onCallNow = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND bridged_to IS NOT NULL AND ended_at IS NULL");
        long ringingNow = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND answered_at IS NULL AND ended_at IS NULL");
        last = calls + " calls, " + bridged + " bridged, " + onCallNow + " on a call now, " + ringingNow + " ringing now";
        if (calls >= 40 && bridged >= 3 && onCallNow >= 1 && ringingNow >= 2) return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the campaign did not get far enough to kill the node: " + last + "; log:\n" + node.logTail(80));
  }

  /** Until no lead is dialable or in progress and every call has ended and been dispositioned. */
  private static void awaitAllDialed(ApiClient admin, String campaignId, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    JsonNode stats = null;
    while (System.nanoTime() < deadline) {
      assertNodeAlive();
      ApiClient.Response r = admin.get("/api/campaigns/" + campaignId + "/stats");
      if (r.status() == 200) {
        stats = r.body();
        boolean leadsDone = stats.at("/leads/dialable").asLong() == 0 && stats.at("/leads/inProgress").asLong() == 0;
        if (leadsDone) {
          try (Connection c = connect(); Statement s = c.createStatement()) {
            boolean callsDone = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND ended_at IS NULL") == 0;
            boolean dispositioned = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND bridged_to IS NOT NULL AND disposition IS NULL") == 0;
            if (callsDone && dispositioned) return;
          }
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the campaign did not finish after the restart; last stats " + stats + "\n" + diagnosis());
  }

  private static void assertNodeAlive() {
    if (!node.isAlive()) throw new AssertionError("the node JVM died on its own; log " + node.log() + ":\n" + node.logTail(80));
  }

  /** What is stuck, for a failure message: leads in progress, calls not ended, agents, robots, the node's log. */
  private static String diagnosis() {
    StringBuilder d = new StringBuilder();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      d.append("leads DIALING (id, reserved_by_call, reserved_at, in call_log?, events in journal):\n");
      rows(s, """
          SELECT l.id, l.reserved_by_call, l.reserved_at, cl.call_uuid IS NOT NULL,
                 (SELECT count(*) FROM event_journal j WHERE j.persistence_id = 'Call|' || l.reserved_by_call::text)
          FROM leads l LEFT JOIN call_log cl ON cl.call_uuid = l.reserved_by_call WHERE l.status = 'DIALING'""", d);
      d.append("calls not ended (uuid, kind, started, answered, agent, bridged_to, abandoned):\n");
      rows(s, "SELECT call_uuid, leg_kind, started_at, answered_at, agent_id, bridged_to, abandoned FROM call_log WHERE ended_at IS NULL ORDER BY started_at", d);
      d.append("bridged, no disposition:\n");
      rows(s, "SELECT call_uuid, agent_id, ended_at FROM call_log WHERE leg_kind = 'CUSTOMER' AND bridged_to IS NOT NULL AND disposition IS NULL", d);
      d.append("agent states:\n");
      rows(s, "SELECT agent_id, status, since FROM agent_states ORDER BY agent_id", d);
      d.append("customer calls per agent (agent, bridged, last started):\n");
      rows(s, "SELECT agent_id, count(*) FILTER (WHERE bridged_to IS NOT NULL), max(started_at) FROM call_log"
          + " WHERE leg_kind = 'CUSTOMER' AND agent_id IS NOT NULL GROUP BY agent_id ORDER BY agent_id", d);
      d.append("calls assigned to an agent but never bridged (uuid, agent, answered, ended, cause, abandoned):\n");
      rows(s, "SELECT call_uuid, agent_id, answered_at, ended_at, hangup_cause, abandoned FROM call_log"
          + " WHERE leg_kind = 'CUSTOMER' AND agent_id IS NOT NULL AND bridged_to IS NULL", d);
    } catch (Exception e) {
      d.append("(could not read the database: ").append(e).append(")\n");
    }
    robots.forEach(r -> d.append(r.username()).append(": ").append(r.stats()).append('\n'));
    d.append("node log ").append(node.log()).append(" (tail):\n").append(node.logTail(60));
    return d.toString();
  }

  private static void rows(Statement s, String sql, StringBuilder out) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        out.append("  ");
        for (int i = 1; i <= columns; i++) out.append(i > 1 ? " | " : "").append(rs.getString(i));
        out.append('\n');
      }
    }
  }

  /** (persistence_id, sequence_number) -> the event's payload bytes. */
  private static Map<String, byte[]> journal() throws Exception {
    Map<String, byte[]> rows = new HashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT persistence_id, sequence_number, event_payload FROM event_journal")) {
      while (rs.next()) rows.put(rs.getString(1) + "#" + rs.getLong(2), rs.getBytes(3));
    }
    return rows;
  }

  /** call uuid -> whether call_log has it ended. */
  private static Map<UUID, Boolean> callLogEnded() throws Exception {
    Map<UUID, Boolean> rows = new LinkedHashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT call_uuid, ended_at IS NOT NULL FROM call_log")) {
      while (rs.next()) rows.put(rs.getObject(1, UUID.class), rs.getBoolean(2));
    }
    return rows;
  }

  private static Set<UUID> liveCustomerCalls() throws Exception {
    Set<UUID> live = new HashSet<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT call_uuid FROM call_log WHERE leg_kind = 'CUSTOMER' AND ended_at IS NULL")) {
      while (rs.next()) live.add(rs.getObject(1, UUID.class));
    }
    return live;
  }

  private static Map<String, RobotStats> robotStats() {
    Map<String, RobotStats> stats = new HashMap<>();
    robots.forEach(r -> stats.put(r.username(), r.stats()));
    return stats;
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
