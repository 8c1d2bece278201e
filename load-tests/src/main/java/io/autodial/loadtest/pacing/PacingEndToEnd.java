package io.autodial.loadtest.pacing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.loadtest.BenchmarkNode;
import io.autodial.loadtest.BenchmarkRun;
import io.autodial.loadtest.RunInfo;
import io.autodial.loadtest.robots.AdminApi;
import io.autodial.node.AutodialNode;
import io.autodial.node.campaign.pacing.PacingConfig;
import io.autodial.node.db.EmbeddedDatabase;
import io.autodial.node.robot.RobotAgent;
import io.autodial.node.robot.RobotBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scenario end to end: the real Campaign, Agent and Call actors of one node, the ESL layer, the
 * FreeSWITCH simulator with the scenario's call model at a time scale (the node's pacing clock and
 * 2-second rule scaled with it), and one robot agent per scenario agent over WebSockets. The
 * campaign dials in PREDICTIVE mode for {@code hours} of simulated time; talk time and abandonment
 * come from call_log and are set against the virtual floor's figures for the same scenario.
 *
 * <p>Options (-D): {@code scenario} (default load-tests/scenarios/base.json), {@code agents},
 * {@code hours} (simulated, default 1), {@code timeScale} (default 10), {@code maxRunMinutes}
 * (default 60: past it the JVM halts), {@code results.dir}, {@code results.name} (default
 * pacing-end-to-end).
 */
public final class PacingEndToEnd {
  private static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID();

  public static void main(String[] args) {
    BenchmarkRun.main(Duration.ofMinutes(Long.getLong("maxRunMinutes", 60)), PacingEndToEnd::run);
  }

  private static int run() throws Exception {
    Scenario scenario = Scenario.read(Path.of(System.getProperty("scenario", "load-tests/scenarios/base.json")));
    if (System.getProperty("agents") != null) scenario = scenario.withAgents(Integer.getInteger("agents"));
    scenario = scenario.withHours(Double.parseDouble(System.getProperty("hours", "1")));
    double scale = Double.parseDouble(System.getProperty("timeScale", "10"));
    String loadBefore = RunInfo.loadAverage();
    Map<String, Object> report = new LinkedHashMap<>();
    try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
      String eslPassword = "bench-" + UUID.randomUUID();
      try (FreeSwitchSimulator sim = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword(eslPassword)
              .withTimeScale(scale).withSessionsPerSecond(1000).withMaxSessions(5000).withCallModel(callModel(scenario)));
          AutodialNode node = AutodialNode.start(nodeConfig(db, sim, eslPassword, scale));
          AdminApi admin = new AdminApi(node.httpAddress()).login(AutodialNode.ADMIN, ADMIN_PASSWORD)) {
        report.putAll(runCampaign(scenario, scale, admin, db, node));
      }
    }
    List<FloorResult> virtual = new ArrayList<>();
    for (long seed : scenario.seeds()) virtual.add(VirtualFloor.run(scenario, seed, PacingConfig.predictive(), "predictive"));
    double virtualTalk = virtual.stream().mapToDouble(FloorResult::talkMinutesPerAgentHour).average().orElse(0);
    report.put("virtualTimeTalkMinutesPerAgentHour", round(virtualTalk));
    report.put("virtualTimeAbandonmentPercent", virtual.stream().mapToDouble(FloorResult::abandonmentPercent).max().orElse(0));
    double e2e = (double) report.get("talkMinutesPerAgentHour");
    report.put("endToEndOverVirtual", round(e2e / virtualTalk));
    report.put("loadAverageBefore", loadBefore);
    report.put("loadAverageAfter", RunInfo.loadAverage());
    write(scenario, scale, report);
    return 0;
  }

  private static Map<String, Object> runCampaign(Scenario s, double scale, AdminApi admin, EmbeddedDatabase db, AutodialNode node) throws Exception {
    int leads = (int) Math.ceil(s.agents() * s.hours() * 3600 / (s.talkMeanSeconds() + s.wrapUpSeconds()) / s.liveAnswerRate() * 1.6) + 1000;
    long leadset = admin.postOk("/api/leadsets", Map.of("name", "pacing end to end")).get("id").asLong();
    for (int from = 0; from < leads; from += 5000) {
      StringBuilder csv = new StringBuilder("phone,status\n");
      for (int i = from; i < Math.min(leads, from + 5000); i++)
        csv.append("+1").append(new String[] {"212", "646", "718", "917", "347"}[i / 10_000 % 5]).append("555").append(String.format("%04d", i % 10_000)).append(",NEW\n");
      ObjectNode upload = AdminApi.JSON.createObjectNode().put("csv", csv.toString());
      upload.set("mapping", AdminApi.JSON.valueToTree(Map.of("phone", "phone", "status", "status")));
      admin.postOk("/api/leadsets/" + leadset + "/uploads", upload);
    }
    ObjectNode campaign = AdminApi.JSON.createObjectNode()
        .put("name", "Pacing end to end").put("callerId", "+12125550000").put("mode", "PREDICTIVE").put("amd", true)
        .put("maxConcurrentCalls", 5000).put("callsPerSecond", 200).put("ringTimeoutSeconds", (int) Math.round(s.noAnswerRingSeconds()));
    campaign.set("leadsetIds", AdminApi.JSON.valueToTree(List.of(leadset)));
    BenchmarkNode.dialAnyTime(campaign);
    String campaignId = admin.postOk("/api/campaigns", campaign).get("id").asText();
    BenchmarkNode.cleanHistory(node, campaignId);
    List<RobotAgent> robots = new ArrayList<>();
    for (int i = 1; i <= s.agents(); i++) admin.postOk("/api/agents", Map.of("username", "r" + i, "password", "robot-password-" + i, "campaignId", campaignId));
    // the customer ends every conversation (the simulator's talk time); the robot's wrap-up is the scenario's
    Duration wrap = Duration.ofMillis(Math.round(s.wrapUpSeconds() * 1000 / scale));
    for (int i = 1; i <= s.agents(); i++) robots.add(RobotAgent.start(admin.base(), "r" + i, "robot-password-" + i, RobotBehaviour.fixed(Duration.ofHours(1), wrap)));
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (admin.getOk("/api/campaigns/" + campaignId + "/stats").at("/dialer/readyAgents").asInt() < s.agents() && System.nanoTime() < deadline) Thread.sleep(500);

    Instant start = Instant.now();
    admin.postOk("/api/campaigns/" + campaignId + "/start", Map.of());
    long realMillis = Math.round(s.hours() * 3600_000 / scale);
    List<JsonNode> samples = new ArrayList<>();
    for (long t = 0; t < realMillis; t += 10_000) {
      Thread.sleep(Math.min(10_000, realMillis - t));
      samples.add(admin.getOk("/api/campaigns/" + campaignId + "/stats").at("/dialer"));
      System.out.println("dialer " + samples.get(samples.size() - 1));
    }
    Instant end = Instant.now();
    admin.postOk("/api/campaigns/" + campaignId + "/pause", Map.of());
    Thread.sleep(Math.round((s.talkMeanSeconds() * 3 + 60) * 1000 / scale)); // calls under way end and reach call_log
    robots.forEach(RobotAgent::stop);

    Map<String, Object> r = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
      // talk inside the window: from the live answer (bridged within milliseconds) to the hangup
      double talkRealSeconds = scalar(c, """
          SELECT coalesce(sum(extract(epoch FROM least(ended_at, ?) - greatest(coalesce(bridged_at, live_at), ?))), 0) FROM call_log
          WHERE leg_kind = 'CUSTOMER' AND bridged_to IS NOT NULL AND NOT abandoned AND coalesce(bridged_at, live_at) < ? AND ended_at > ?""", end, start, end, start);
      double live = scalar(c, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND live_at >= ? AND live_at < ?", start, end);
      double abandoned = scalar(c, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND abandoned AND live_at >= ? AND live_at < ?", start, end);
      double dialed = scalar(c, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND started_at >= ? AND started_at < ?", start, end);
      double hours = Duration.between(start, end).toMillis() * scale / 3600_000.0;
      r.put("simulatedHours", round(hours));
      r.put("talkMinutesPerAgentHour", round(talkRealSeconds * scale / 60 / (s.agents() * hours)));
      r.put("abandonmentPercent", round(live == 0 ? 0 : 100 * abandoned / live));
      r.put("liveAnswers", (long) live);
      r.put("abandoned", (long) abandoned);
      r.put("callsDialed", (long) dialed);
      // where the time of a connected call goes, in simulated seconds (calls ended in the window)
      String connected = " FROM call_log WHERE leg_kind = 'CUSTOMER' AND bridged_at IS NOT NULL AND ended_at >= ? AND ended_at < ?";
      r.put("meanSecondsAnswerToLive", round(scale * scalar(c, "SELECT avg(extract(epoch FROM live_at - answered_at))" + connected, start, end)));
      r.put("meanSecondsLiveToBridge", round(scale * scalar(c, "SELECT avg(extract(epoch FROM bridged_at - live_at))" + connected, start, end)));
      r.put("meanSecondsBridgeToHangup", round(scale * scalar(c, "SELECT avg(extract(epoch FROM ended_at - bridged_at))" + connected, start, end)));
    }
    r.put("lastDialerStats", samples.isEmpty() ? null : samples.get(samples.size() - 1));
    return r;
  }

  /**
   * The scenario as the simulator's model: shares of all calls. With AMD the person is known
   * amdDelay after the answer, so the ring is that much shorter; the simulated customer's talk
   * runs from the answer, so it is that much longer, to leave the agent the scenario's talk time.
   */
  static CallModel callModel(Scenario s) {
    double rest = 1 - s.liveAnswerRate();
    double amd = s.machineDetectSeconds();
    return new CallModel(s.liveAnswerRate(), rest * s.busyShare(), rest * s.noAnswerShare(), 0, 0, rest * s.machineShare(),
        Duration.ofMillis(Math.round(Math.max(0, s.liveRingMinSeconds() - amd) * 1000)),
        Duration.ofMillis(Math.round(Math.max(0, s.liveRingMaxSeconds() - amd) * 1000)),
        Duration.ofMillis(Math.round((s.talkMeanSeconds() + amd) * 1000)), s.talkCv(), 1.0, Duration.ofMillis(Math.round(amd * 1000)));
  }

  private static double scalar(Connection c, String sql, Instant... params) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setTimestamp(i + 1, Timestamp.from(params[i]));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  private static Config nodeConfig(EmbeddedDatabase db, FreeSwitchSimulator sim, String password, double scale) {
    return BenchmarkNode.config(db, sim, password, 1000, ADMIN_PASSWORD, "bench-token-secret-" + UUID.randomUUID())
        .withValue("autodial.time-scale", ConfigValueFactory.fromAnyRef(scale));
  }

  private static void write(Scenario s, double scale, Map<String, Object> report) throws Exception {
    Path dir = Path.of(System.getProperty("results.dir", "load-tests/results"));
    String name = System.getProperty("results.name", "pacing-end-to-end");
    Files.createDirectories(dir);
    String command = "java -Xmx2g -cp <load-tests classpath> -Dscenario=" + System.getProperty("scenario", "load-tests/scenarios/base.json")
        + " -Dagents=" + s.agents() + " -Dhours=" + s.hours() + " -DtimeScale=" + scale + " io.autodial.loadtest.pacing.PacingEndToEnd";
    report.put("command", command);
    report.put("scenario", s);
    new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(name + ".json").toFile(), report);
    System.out.println(new ObjectMapper().findAndRegisterModules().writerWithDefaultPrettyPrinter().writeValueAsString(report));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
