package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
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
import io.autodial.node.support.TestNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.typesafe.config.ConfigValueFactory;

/**
 * Predictive dialing end to end: the real Campaign, Agent and Call actors, the ESL layer and the
 * simulator ten times faster than real time (the node's clock for pacing and the 2-second rule
 * scaled with it), twelve robot agents over WebSockets. The campaign starts progressive, learns the
 * answer rate and the talk and wrap-up times, then dials ahead of its agents; machines are
 * screened out by AMD; the abandonment stays within the cap; supervisors see the estimates.
 */
class PredictiveDialingTest {
  private static final int AGENTS = 12;
  private static final double TIME_SCALE = 10;
  private static SimulatedFloor floor;
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static List<RobotAgent> robots;

  @BeforeAll
  static void start() {
    // in simulated seconds: 25 % live answers after 5-20 s; of the rest busy, no answer, machines;
    // talk 30 s (lognormal, CV 1), ended by the customer
    CallModel model =
        new CallModel(0.25, 0.15, 0.375, 0.0, 0.0, 0.225, Duration.ofSeconds(5), Duration.ofSeconds(20),
            Duration.ofSeconds(30), 1.0, 1.0, Duration.ofMillis(2500));
    floor = SimulatedFloor.start(model, TIME_SCALE, config -> config.withValue("autodial.time-scale", ConfigValueFactory.fromAnyRef(TIME_SCALE)));
    sim = floor.sim();
    node = floor.node();
    robots = floor.robots();
  }

  @AfterAll
  static void stop() {
    if (floor != null) floor.close();
  }

  @Test
  void aPredictiveCampaignLearnsItsFloorDialsAheadOfItsAgentsAndKeepsAbandonmentUnderTheCap() throws Exception {
    ApiClient admin = new ApiClient(node.httpAddress()).login("admin", TestNode.ADMIN_PASSWORD);
    long leadset = Campaigns.leadset(admin, "predictive list", "646", 2000);
    String campaignId = Campaigns.campaign(admin, "Predictive", leadset, Map.of(
        "mode", "PREDICTIVE", "ringTimeoutSeconds", 26, "maxConcurrentCalls", 80, "callsPerSecond", 30, "amd", true));
    for (int i = 1; i <= AGENTS; i++) Campaigns.agent(admin, "pd" + i, campaignId);
    Campaigns.cleanHistory(node.readModel(), campaignId);
    ok(admin.post("/api/campaigns/" + campaignId + "/start", Map.of()));
    // robots stay on until the customer hangs up; wrap-up 5 simulated seconds
    for (int i = 1; i <= AGENTS; i++)
      robots.add(RobotAgent.start(admin.base(), "pd" + i, Campaigns.password("pd" + i),
          RobotBehaviour.fixed(Duration.ofMinutes(10), Duration.ofMillis((long) (5000 / TIME_SCALE)))));

    // warming up it dials progressively: never more calls than idle agents
    JsonNode warming = Campaigns.awaitStats(admin, campaignId, s -> s.at("/dialer/pacing/regime").asText().equals("WARMING_UP")
        && s.at("/dialer/pacing/idleAgents").asInt() > 0, Duration.ofSeconds(30));
    assertThat(warming.at("/dialer/mode").asText()).isEqualTo("PREDICTIVE");

    // once it has measured enough it forecasts: more calls ring than agents are idle, because
    // busy agents will be free by the time those calls are answered
    JsonNode ahead = Campaigns.awaitStats(admin, campaignId, s -> s.at("/dialer/pacing/regime").asText().equals("PREDICTIVE")
        && s.at("/dialer/pacing/ringing").asInt() > s.at("/dialer/pacing/idleAgents").asInt() + 2, Duration.ofSeconds(90));
    JsonNode pacing = ahead.at("/dialer/pacing");
    // what it learnt, in simulated time: about 25 % live, talk about 30 s, wrap-up 5 s (plus the
    // robots' and the bridge's own latency)
    assertThat(pacing.get("liveAnswerRatePercent").asDouble()).isBetween(12.0, 40.0);
    assertThat(pacing.get("talkMeanSeconds").asDouble()).isBetween(15.0, 60.0);
    assertThat(pacing.get("wrapUpMeanSeconds").asDouble()).isBetween(4.0, 12.0);

    // predictive for a while: enough live answers for the abandonment to mean something
    Campaigns.awaitStats(admin, campaignId, s -> s.at("/dialer/pacing/liveAnswers").asInt() >= 60, Duration.ofSeconds(60));
    ok(admin.post("/api/campaigns/" + campaignId + "/pause", Map.of()));
    DataSource db = node.readModel();
    Campaigns.awaitCount(db, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND ended_at IS NULL", 0, Duration.ofSeconds(60));

    long live = Campaigns.count(db, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND live_at IS NOT NULL");
    long abandoned = Campaigns.count(db, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND abandoned");
    long machinesBridged = Campaigns.count(db, "SELECT count(*) FROM call_log WHERE leg_kind = 'CUSTOMER' AND amd_result = 'MACHINE' AND bridged_to IS NOT NULL");
    assertThat(live).isGreaterThanOrEqualTo(60);
    assertThat(machinesBridged).isZero();
    // the cap (3 %) holds: the pacer goes back to progressive when one more abandoned call could
    // cross it; at most the calls already answered at that moment can still be abandoned
    assertThat(abandoned).isLessThanOrEqualTo((long) Math.floor(0.03 * live) + 2);
    // the pacer counted the same live answers and abandoned calls as the call log
    JsonNode after = ok(admin.get("/api/campaigns/" + campaignId + "/stats")).at("/dialer/pacing");
    assertThat(after.get("liveAnswers").asLong()).isEqualTo(live);
    assertThat(after.get("abandoned").asLong()).isEqualTo(abandoned);
  }
}
