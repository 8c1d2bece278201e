package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
import static io.autodial.node.support.Campaigns.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autodial.freeswitch.sim.CallModel;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broadcast campaign counts delivered and failed messages at its calls-per-second cap, and a
 * running power campaign switched to progressive dials one call per ready agent from then on.
 * Half the callees answer (and listen to the end), half are busy; time scaled ten times.
 */
class BroadcastAndModeSwitchTest {
  private static SimulatedFloor floor;
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static ApiClient admin;
  private static List<RobotAgent> robots;

  @BeforeAll
  static void start() {
    CallModel half = new CallModel(0.5, 0.5, 0, 0, 0, 0, Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(60), 0.1, 0.0, Duration.ofMillis(1000));
    floor = SimulatedFloor.start(half, 10);
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
  void aBroadcastCountsDeliveredAndFailedMessagesAtItsRate() throws Exception {
    long leadset = Campaigns.leadset(admin, "broadcast list", "212", 12);
    // a broadcast needs its message
    ApiClient.Response noMessage = admin.post("/api/campaigns", Map.of("name", "x", "callerId", "+12125550000", "mode", "BROADCAST"));
    assertThat(noMessage.status()).isEqualTo(400);
    assertThat(noMessage.body().get("message").asText()).contains("humanMessage");

    String campaign = Campaigns.campaign(admin, "Broadcast", leadset,
        Map.of("mode", "BROADCAST", "humanMessage", "/messages/sale.wav", "amd", false, "callsPerSecond", 4, "maxConcurrentCalls", 6));
    Campaigns.cleanHistory(node.readModel(), campaign);
    ok(admin.post("/api/campaigns/" + campaign + "/start", Map.of()));

    JsonNode stats = Campaigns.awaitStats(admin, campaign,
        s -> s.at("/broadcast/delivered").asLong() + s.at("/broadcast/failed").asLong() == 12, Duration.ofSeconds(30));

    String calls = "FROM call_log WHERE campaign_id = '" + campaign + "'";
    long answered = count(node.readModel(), "SELECT count(*) " + calls + " AND answered_at IS NOT NULL");
    long busy = count(node.readModel(), "SELECT count(*) " + calls + " AND hangup_cause = 'USER_BUSY'");
    assertThat(answered).isPositive();
    assertThat(busy).isPositive();
    assertThat(stats.at("/broadcast/delivered").asLong()).isEqualTo(answered);
    assertThat(stats.at("/broadcast/failed").asLong()).isEqualTo(busy);
    assertThat(count(node.readModel(), "SELECT count(*) " + calls + " AND agent_id IS NULL AND NOT abandoned AND broadcast")).isEqualTo(12);
    // a person who heard the message is an answered lead, not a dropped one
    assertThat(count(node.readModel(), "SELECT count(*) FROM leads WHERE leadset_id = " + leadset + " AND status = 'ANSWERED'")).isEqualTo(answered);
    // at most 4 originates a second: any 5 consecutive calls span close to a second or more
    List<Timestamp> started = new ArrayList<>();
    try (Connection c = node.readModel().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT started_at " + calls + " ORDER BY started_at")) {
      while (rs.next()) started.add(rs.getTimestamp(1));
      c.rollback();
    }
    for (int i = 0; i + 4 < started.size(); i++)
      assertThat(started.get(i + 4).getTime() - started.get(i).getTime()).as("calls %d..%d", i, i + 4).isGreaterThanOrEqualTo(900);
  }

  @Test
  void aRunningPowerCampaignSwitchedToProgressiveDialsOneCallPerReadyAgent() {
    long leadset = Campaigns.leadset(admin, "switch list", "646", 300);
    String campaign = Campaigns.campaign(admin, "Switch", leadset, Map.of("mode", "POWER", "multiplier", 3.0, "amd", false));
    for (String name : List.of("sw1", "sw2")) {
      Campaigns.agent(admin, name, campaign);
      // short calls: the robots are ready most of the time
      robots.add(RobotAgent.start(admin.base(), name, Campaigns.password(name), RobotBehaviour.fixed(Duration.ofMillis(100), Duration.ofMillis(50))));
    }
    Campaigns.awaitStats(admin, campaign, s -> s.at("/dialer/readyAgents").asInt() == 2, Duration.ofSeconds(10));
    Campaigns.cleanHistory(node.readModel(), campaign);
    ok(admin.post("/api/campaigns/" + campaign + "/start", Map.of()));
    JsonNode power = Campaigns.awaitStats(admin, campaign, s -> s.at("/dialer/dialing").asInt() > 2, Duration.ofSeconds(10));
    assertThat(power.at("/dialer/mode").asText()).isEqualTo("POWER");

    // an unknown mode is refused, naming the valid ones
    ApiClient.Response bad = admin.put("/api/campaigns/" + campaign, Map.of("mode", "TURBO"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("message").asText()).contains("PREVIEW", "PROGRESSIVE", "POWER", "PREDICTIVE", "BROADCAST");

    JsonNode updated = ok(admin.put("/api/campaigns/" + campaign, Map.of("mode", "progressive")));
    assertThat(updated.get("mode").asText()).isEqualTo("PROGRESSIVE");
    assertThat(updated.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(updated.get("multiplier").asDouble()).isEqualTo(3.0);

    // the calls placed under power mode end (ring timeout 1.5 s here); from then on at most one
    // call per ready agent rings
    Campaigns.sleep(3_000);
    int samplesWithReadyAgents = 0;
    for (int i = 0; i < 15; i++) {
      JsonNode s = ok(admin.get("/api/campaigns/" + campaign + "/stats"));
      if (s.at("/dialer/readyAgents").asInt() > 0) samplesWithReadyAgents++;
      assertThat(s.at("/dialer/mode").asText()).isEqualTo("PROGRESSIVE");
      assertThat(s.at("/dialer/pacing/regime").asText()).isEqualTo("FIXED_RATIO");
      assertThat(s.at("/dialer/dialing").asInt() + s.at("/dialer/waitingForAgent").asInt()).isLessThanOrEqualTo(2);
      Campaigns.sleep(200);
    }
    // power mode would have wanted three calls per ready agent here
    assertThat(samplesWithReadyAgents).isPositive();
  }
}
