package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.node.AutodialNode;
import io.autodial.node.robot.RobotAgent;
import io.autodial.node.robot.RobotBehaviour;
import io.autodial.node.support.ApiClient;
import io.autodial.node.support.Campaigns;
import io.autodial.node.support.SimulatedFloor;
import io.autodial.node.support.TestNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Power dialing end to end, with nothing faked but the switch (the simulator, over TCP): an admin
 * builds a campaign over the HTTP API, ten robot agents work it over WebSockets, and the campaign
 * dials 480 good leads to the end.
 */
class PowerDialingTest {
  private static final int AGENTS = 10;
  private static SimulatedFloor floor;
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static List<RobotAgent> robots;

  @BeforeAll
  static void start() {
    // about 30% live answers; shares of all calls, time-scaled five times faster
    CallModel model =
        new CallModel(0.30, 0.20, 0.30, 0.10, 0.10, 0.0, Duration.ofSeconds(1), Duration.ofSeconds(6),
            Duration.ofSeconds(15), 0.5, 0.5, Duration.ofMillis(800));
    floor = SimulatedFloor.start(model, 5);
    sim = floor.sim();
    node = floor.node();
    robots = floor.robots();
  }

  @AfterAll
  static void stop() {
    if (floor != null) floor.close();
  }

  @Test
  void aCampaignDialsItsLeadsToTheEndAndEveryAnsweredCallIsAccountedFor() throws Exception {
    ApiClient admin = new ApiClient(node.httpAddress()).login("admin", TestNode.ADMIN_PASSWORD);

    // a leadset with 500 rows, 20 of them bad in different ways
    long leadsetId = ok(admin.post("/api/leadsets", Map.of("name", "spring list"))).get("id").asLong();
    Map<Integer, String> badLines = new HashMap<>();
    String csv = csvWithBadRows(badLines);
    ObjectNode upload = ApiClient.JSON.createObjectNode().put("csv", csv);
    upload.set("mapping", ApiClient.JSON.valueToTree(Map.of("phone", "phone", "status", "status", "firstName", "first_name", "company", "company")));
    JsonNode report = ok(admin.post("/api/leadsets/" + leadsetId + "/uploads", upload));
    assertThat(report.get("loaded").asInt()).isEqualTo(480);
    List<Integer> rejectedLines = new ArrayList<>();
    report.get("rejected").forEach(r -> rejectedLines.add(r.get("line").asInt()));
    assertThat(rejectedLines).containsExactlyInAnyOrderElementsOf(badLines.keySet());

    // a campaign over it, and ten agents assigned to it
    ObjectNode campaign = ApiClient.JSON.createObjectNode()
        .put("name", "Spring promo").put("callerId", "+12125550000").put("multiplier", 2.0)
        .put("maxConcurrentCalls", 30).put("ringTimeoutSeconds", 15).put("script", "Hi {{first_name}} from {{company}}");
    campaign.set("leadsetIds", ApiClient.JSON.valueToTree(List.of(leadsetId)));
    campaign.set("compliance", ApiClient.JSON.valueToTree(Campaigns.ALL_DAY));
    String campaignId = ok(admin.post("/api/campaigns", campaign)).get("id").asText();
    Campaigns.cleanHistory(node.readModel(), campaignId);
    for (int i = 1; i <= AGENTS; i++)
      ok(admin.post("/api/agents", Map.of("username", "agent" + i, "password", "password-" + i, "campaignId", campaignId)));
    ok(admin.post("/api/campaigns/" + campaignId + "/start", Map.of()));

    // the robots go ready over the WebSocket protocol and work every call they are given
    Random random = new Random(1);
    for (int i = 1; i <= AGENTS; i++)
      robots.add(RobotAgent.start(admin.base(), "agent" + i, "password-" + i,
          RobotBehaviour.of(() -> Duration.ofMillis(300 + random.nextInt(700)), () -> Duration.ofMillis(100), codes -> codes.get(0))));

    awaitAllDialed(admin, campaignId, Duration.ofSeconds(150));

    try (Connection c = node.readModel().getConnection(); Statement s = c.createStatement()) {
      // every good lead is in a final or a retry state
      assertThat(count(s, "SELECT count(*) FROM leads WHERE status IN ('NEW', 'DIALING')")).isZero();
      assertThat(count(s, "SELECT count(*) FROM leads")).isEqualTo(480);
      // every answered call was bridged to exactly one agent or recorded as dropped
      long answered = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND answered_at IS NOT NULL");
      long bridged = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND answered_at IS NOT NULL AND bridged_to IS NOT NULL AND agent_id IS NOT NULL AND NOT abandoned");
      long dropped = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND answered_at IS NOT NULL AND abandoned");
      assertThat(answered).isGreaterThan(50);
      assertThat(bridged + dropped).isEqualTo(answered);
      // bridged to exactly one agent: no agent leg carries two customers at once, no call two agents
      assertThat(count(s, """
          SELECT count(*) FROM call_log a JOIN call_log b ON a.agent_id = b.agent_id AND a.call_uuid < b.call_uuid
          WHERE a.leg_kind = 'CUSTOMER' AND b.leg_kind = 'CUSTOMER' AND a.bridged_to IS NOT NULL AND b.bridged_to IS NOT NULL
            AND tstzrange(a.bridged_at, a.ended_at) && tstzrange(b.bridged_at, b.ended_at)""")).isZero();
      // every bridged call has a disposition
      assertThat(count(s, "SELECT count(*) FROM call_log WHERE bridged_to IS NOT NULL AND leg_kind = 'CUSTOMER' AND disposition IS NULL")).isZero();
      // no lead was dialed twice at once
      assertThat(count(s, """
          SELECT count(*) FROM call_log a JOIN call_log b ON a.lead_id = b.lead_id AND a.call_uuid < b.call_uuid
          WHERE tstzrange(a.started_at, a.ended_at) && tstzrange(b.started_at, b.ended_at)""")).isZero();
      // the simulator answered about 30%
      long total = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER'");
      assertThat((double) answered / total).isBetween(0.2, 0.4);

      // the stats endpoint agrees with call_log
      JsonNode stats = ok(admin.get("/api/campaigns/" + campaignId + "/stats"));
      assertThat(stats.at("/calls/total").asLong()).isEqualTo(total);
      assertThat(stats.at("/calls/answered").asLong()).isEqualTo(answered);
      assertThat(stats.at("/calls/dropped").asLong()).isEqualTo(dropped);
      assertThat(stats.at("/leads/inProgress").asLong()).isZero();
      assertThat(stats.at("/leads/total").asLong()).isEqualTo(480);
      assertThat(stats.at("/agents/loggedIn").asInt()).isEqualTo(AGENTS);
    }
    int connected = robots.stream().mapToInt(r -> r.stats().callsConnected()).sum();
    assertThat(connected).isGreaterThan(0);
  }

  /** Until no lead is dialable or in progress and every call has ended and been dispositioned. */
  private static void awaitAllDialed(ApiClient admin, String campaignId, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    JsonNode stats = null;
    while (System.nanoTime() < deadline) {
      stats = ok(admin.get("/api/campaigns/" + campaignId + "/stats"));
      boolean leadsDone = stats.at("/leads/dialable").asLong() == 0 && stats.at("/leads/inProgress").asLong() == 0;
      if (leadsDone) {
        try (Connection c = node.readModel().getConnection(); Statement s = c.createStatement()) {
          boolean callsDone = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND ended_at IS NULL") == 0;
          boolean dispositioned = count(s, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND bridged_to IS NOT NULL AND disposition IS NULL") == 0;
          if (callsDone && dispositioned) return;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the campaign did not finish; last stats " + stats);
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** 500 data rows; 20 bad ones (their physical line numbers go into {@code bad}). */
  private static String csvWithBadRows(Map<Integer, String> bad) {
    StringBuilder csv = new StringBuilder("phone,status,first_name,company\n");
    String[] kinds = {"badphone", "nostatus", "duplicate", "badstatus", "shortrow"};
    int badIndex = 0;
    for (int row = 1; row <= 500; row++) {
      int line = row + 1;
      if (row % 25 == 0 && badIndex < 20) {
        String kind = kinds[badIndex % kinds.length];
        bad.put(line, kind);
        badIndex++;
        switch (kind) {
          case "badphone" -> csv.append("12345,NEW,Bad,Acme\n");
          case "nostatus" -> csv.append(String.format("+1646555%04d,,NoStatus,Acme%n", row));
          case "duplicate" -> csv.append(String.format("+1212555%04d,NEW,Dup,Acme%n", row - 1));
          case "badstatus" -> csv.append(String.format("+1646555%04d,MAYBE,Odd,Acme%n", row));
          default -> csv.append("+16465550000\n");
        }
      } else {
        csv.append(String.format("+1212555%04d,NEW,Person%d,Company%d%n", row, row, row % 7));
      }
    }
    return csv.toString();
  }
}
