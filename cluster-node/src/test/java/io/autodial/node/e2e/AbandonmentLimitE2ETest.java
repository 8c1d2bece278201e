package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
import static io.autodial.node.support.Campaigns.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.ChannelTimeline;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.node.AutodialNode;
import io.autodial.node.robot.RobotAgent;
import io.autodial.node.robot.RobotBehaviour;
import io.autodial.node.support.ApiClient;
import io.autodial.node.support.Campaigns;
import io.autodial.node.support.SimulatedFloor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A campaign with too few agents, end to end against the simulator: one agent, ten calls at a
 * time. Answered calls no agent can take hear the safe-harbor message within 2 s of the answer
 * and are hung up after it; a callee who presses 9 lands on the DNC list; the abandonment rate
 * rises, the warning fires, pacing is held to progressive, and the campaign pauses at the limit.
 * The audit trail shows each step. The campaign has a history (260 live answers yesterday, none
 * abandoned), so each step comes at a known abandoned call.
 */
class AbandonmentLimitE2ETest {
  private static final int CALLS = 10;
  private static SimulatedFloor floor;
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static ApiClient admin;
  private static List<RobotAgent> robots;

  @BeforeAll
  static void start() {
    // every call answers after 0.5-2 s and the callee stays on the line; time scaled 5 times, so
    // the simulator's 1-second message plays for 0.2 s
    CallModel answers = new CallModel(1.0, 0, 0, 0, 0, 0, Duration.ofMillis(500), Duration.ofSeconds(2),
        Duration.ofSeconds(120), 0.1, 0.0, Duration.ofMillis(800));
    floor = SimulatedFloor.start(answers, 5);
    sim = floor.sim();
    node = floor.node();
    admin = floor.admin();
    robots = floor.robots();
  }

  @AfterAll
  static void stop() {
    if (floor != null) floor.close();
  }

  @Test
  void tooFewAgentsHearTheMessageThenTheRateWarnsHoldsPacingAndPausesTheCampaign() throws Exception {
    long leadset = Campaigns.leadset(admin, "too few agents", "646", CALLS);
    for (int i = 1; i <= CALLS; i++) sim.pressDuringPlayback(String.format("+1646555%04d", i), "9");
    String campaign = Campaigns.campaign(admin, "Too few agents", leadset,
        Map.of("mode", "POWER", "multiplier", 10.0, "amd", false, "compliance", Map.of("callingStart", "00:00", "callingEnd", "24:00")));
    try (Connection c = node.readModel().getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.executeUpdate("INSERT INTO campaign_abandonment_hours (campaign_id, hour, live) VALUES ('" + campaign + "', date_trunc('hour', now() - interval '1 day'), 260)");
    }
    Campaigns.agent(admin, "lone", campaign);
    // the one agent takes the first call and keeps it: the other nine have nobody
    robots.add(RobotAgent.start(admin.base(), "lone", Campaigns.password("lone"), RobotBehaviour.fixed(Duration.ofMinutes(5), Duration.ofSeconds(1))));
    Campaigns.awaitStats(admin, campaign, s -> s.at("/dialer/readyAgents").asInt() == 1, Duration.ofSeconds(30));
    ok(admin.post("/api/campaigns/" + campaign + "/start", Map.of()));

    JsonNode paused = awaitCampaign(campaign, c -> c.get("status").asText().equals("PAUSED"), Duration.ofSeconds(60));
    assertThat(paused.get("status").asText()).isEqualTo("PAUSED");

    // the switch's own log: each abandoned call heard the message within 2 s of its answer, and
    // was hung up once the message had played
    Campaigns.awaitCount(node.readModel(), "SELECT count(*) FROM call_log WHERE campaign_id = '" + campaign + "' AND ended_at IS NOT NULL AND abandoned", CALLS - 1, Duration.ofSeconds(20));
    List<String> abandoned = uuids("SELECT call_uuid FROM call_log WHERE campaign_id = '" + campaign + "' AND abandoned");
    assertThat(abandoned).hasSize(CALLS - 1);
    for (String uuid : abandoned) {
      ChannelTimeline.Entry answer = sim.timeline().first(uuid, "CHANNEL_ANSWER").orElseThrow();
      ChannelTimeline.Entry broadcast = sim.timeline().first(uuid, "api uuid_broadcast").orElseThrow();
      ChannelTimeline.Entry stopped = sim.timeline().first(uuid, "PLAYBACK_STOP").orElseThrow();
      ChannelTimeline.Entry hangup = sim.timeline().first(uuid, "CHANNEL_HANGUP").orElseThrow();
      assertThat(broadcast.what()).contains("autodial/safe-harbor.wav");
      assertThat(Duration.between(answer.at(), broadcast.at())).as("message of %s after the answer", uuid).isLessThan(Duration.ofSeconds(2));
      assertThat(hangup.at()).isAfterOrEqualTo(stopped.at());
      assertThat(Duration.between(stopped.at(), hangup.at())).isLessThan(Duration.ofSeconds(1));
      System.out.printf("call %s: message %d ms, hang-up %d ms after CHANNEL_ANSWER%n", uuid,
          Duration.between(answer.at(), broadcast.at()).toMillis(), Duration.between(answer.at(), hangup.at()).toMillis());
    }

    // each step is in the audit trail, in order (270 live answers with yesterday's): 7 abandoned
    // warn (2.59%), after the 8th a 9th would cross (3.33%), and the 9th takes the rate to the limit
    Campaigns.awaitCount(node.readModel(), "SELECT count(*) FROM compliance_audit WHERE campaign_id = '" + campaign + "' AND kind = 'CAMPAIGN_PAUSED'", 1, Duration.ofSeconds(20));
    Campaigns.awaitCount(node.readModel(), "SELECT count(*) FROM compliance_audit WHERE campaign_id = '" + campaign + "' AND kind = 'OPTED_OUT'", CALLS - 1, Duration.ofSeconds(20));
    JsonNode trail = ok(admin.get("/api/campaigns/" + campaign + "/audit?limit=500"));
    List<String> kinds = new ArrayList<>();
    trail.forEach(e -> kinds.add(e.get("kind").asText()));
    assertThat(kinds.stream().filter("DIALED"::equals).count()).isEqualTo(CALLS);
    assertThat(kinds.stream().filter("MESSAGE_PLAYED"::equals).count()).isEqualTo(CALLS - 1);
    List<String> steps = kinds.stream().filter(k -> List.of("ABANDONMENT_WARNING", "PACING_FORCED_PROGRESSIVE", "CAMPAIGN_PAUSED").contains(k)).toList();
    assertThat(steps).containsExactly("ABANDONMENT_WARNING", "PACING_FORCED_PROGRESSIVE", "CAMPAIGN_PAUSED");
    JsonNode pause = find(trail, "CAMPAIGN_PAUSED");
    assertThat(pause.get("detail").asText()).contains("9 of 270 live answers").contains("30 days");

    // every callee who pressed 9 is on the company's DNC list, and the dialer would not call them again
    for (String uuid : abandoned) {
      String phone = phoneOf(uuid);
      JsonNode hit = ok(admin.get("/api/dnc/" + phone));
      assertThat(hit.get("list").asText()).isEqualTo("INTERNAL");
      assertThat(hit.get("source").asText()).isEqualTo("OPT_OUT");
      long leadId = Campaigns.count(node.readModel(), "SELECT id FROM leads WHERE phone = '" + phone + "'");
      JsonNode eligibility = ok(admin.get("/api/leads/" + leadId + "/eligibility?campaignId=" + campaign));
      assertThat(eligibility.get("allowed").asBoolean()).isFalse();
      assertThat(eligibility.at("/blocks/0/rule").asText()).isEqualTo("DNC_INTERNAL");
    }

    // the compliance report shows the day's rate over the limit
    JsonNode report = ok(admin.get("/api/campaigns/" + campaign + "/compliance-report"));
    assertThat(report.toString()).contains("abandon");
  }

  private static JsonNode awaitCampaign(String id, java.util.function.Predicate<JsonNode> done, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = ok(admin.get("/api/campaigns/" + id));
      if (done.test(last)) return last;
      Thread.sleep(200);
    }
    throw new AssertionError("campaign " + id + " did not get there; last " + last + "; stats " + ok(admin.get("/api/campaigns/" + id + "/stats")));
  }

  private static JsonNode find(JsonNode trail, String kind) {
    for (JsonNode e : trail) if (e.get("kind").asText().equals(kind)) return e;
    throw new AssertionError("no " + kind + " in " + trail);
  }

  private static List<String> uuids(String sql) throws Exception {
    List<String> list = new ArrayList<>();
    try (Connection c = node.readModel().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) list.add(rs.getString(1));
    }
    return list;
  }

  private static String phoneOf(String uuid) throws Exception {
    try (Connection c = node.readModel().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT receiver FROM call_log WHERE call_uuid = '" + uuid + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
