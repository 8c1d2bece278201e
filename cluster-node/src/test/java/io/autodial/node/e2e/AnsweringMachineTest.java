package io.autodial.node.e2e;

import static io.autodial.node.support.Campaigns.awaitCount;
import static io.autodial.node.support.Campaigns.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.CallOutcome;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.node.AutodialNode;
import io.autodial.node.call.CallEntity;
import io.autodial.node.robot.RobotAgent;
import io.autodial.node.robot.RobotBehaviour;
import io.autodial.node.support.ApiClient;
import io.autodial.node.support.CallProbe;
import io.autodial.node.support.Campaigns;
import io.autodial.node.support.SimulatedFloor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answering machines end to end: every call of this switch reaches a machine, and a campaign with
 * AMD on never gives one to an agent; it hangs up, or leaves its message after the beep.
 */
class AnsweringMachineTest {
  private static SimulatedFloor floor;
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static ApiClient admin;
  private static List<RobotAgent> robots;

  @BeforeAll
  static void start() {
    // machines answer after 0.2-0.4 s and never hang up by themselves; AMD decides 0.2 s after the
    // answer, the beep 0.6 s later (time scale 5)
    CallModel machines = CallModel.always(CallOutcome.MACHINE).withRing(Duration.ofSeconds(1), Duration.ofSeconds(2)).withTalk(Duration.ofSeconds(60), 0.1, 0.0);
    floor = SimulatedFloor.start(machines, 5);
    sim = floor.sim();
    node = floor.node();
    admin = floor.admin();
    robots = floor.robots();
  }

  @AfterAll
  static void stop() {
    if (floor != null) floor.close();
  }

  private static RobotAgent robot(String username, String campaignId) {
    Campaigns.agent(admin, username, campaignId);
    RobotAgent robot = RobotAgent.start(admin.base(), username, Campaigns.password(username), RobotBehaviour.fixed(Duration.ofMillis(200), Duration.ofMillis(50)));
    robots.add(robot);
    return robot;
  }

  @Test
  void aMachineNeverReachesAnAgentAndIsRecordedAsMachine() {
    long leadset = Campaigns.leadset(admin, "machines hang up", "212", 4);
    String campaign = Campaigns.campaign(admin, "AMD hangup", leadset, Map.of("amd", true, "machineAction", "HANGUP"));
    RobotAgent robot = robot("amd1", campaign);
    Campaigns.cleanHistory(node.readModel(), campaign);
    ApiClient.ok(admin.post("/api/campaigns/" + campaign + "/start", Map.of()));

    awaitCount(node.readModel(), "SELECT count(*) FROM leads WHERE leadset_id = " + leadset + " AND last_outcome = 'MACHINE'", 4, Duration.ofSeconds(20));

    String calls = "FROM call_log WHERE campaign_id = '" + campaign + "'";
    assertThat(count(node.readModel(), "SELECT count(*) " + calls)).isEqualTo(4);
    assertThat(count(node.readModel(), "SELECT count(*) " + calls + " AND amd_result = 'MACHINE' AND answered_at IS NOT NULL")).isEqualTo(4);
    // never live, never given to an agent, nothing abandoned: hung up by the dialer right away
    assertThat(count(node.readModel(), "SELECT count(*) " + calls + " AND (agent_id IS NOT NULL OR bridged_to IS NOT NULL OR live_at IS NOT NULL OR abandoned)")).isZero();
    assertThat(count(node.readModel(), "SELECT count(*) " + calls + " AND billsec > 3")).isZero();
    assertThat(robot.stats().callsOffered()).isZero();
    // the leads are retried later under the MACHINE rule
    assertThat(count(node.readModel(), "SELECT count(*) FROM leads WHERE leadset_id = " + leadset + " AND status = 'RETRY' AND attempts = 1")).isEqualTo(4);
  }

  @Test
  void aMessageIsLeftAfterTheBeep() throws Exception {
    long leadset = Campaigns.leadset(admin, "machines hear a message", "646", 2);
    String campaign = Campaigns.campaign(admin, "AMD message", leadset,
        Map.of("amd", true, "machineAction", "LEAVE_MESSAGE", "machineMessage", "/messages/call-us-back.wav"));
    RobotAgent robot = robot("amd2", campaign);
    Campaigns.cleanHistory(node.readModel(), campaign);
    ApiClient.ok(admin.post("/api/campaigns/" + campaign + "/start", Map.of()));

    String calls = "FROM call_log WHERE campaign_id = '" + campaign + "'";
    awaitCount(node.readModel(), "SELECT count(*) " + calls + " AND ended_at IS NOT NULL", 2, Duration.ofSeconds(20));

    assertThat(count(node.readModel(), "SELECT count(*) " + calls + " AND message = '/messages/call-us-back.wav' AND message_played_at IS NOT NULL")).isEqualTo(2);
    assertThat(count(node.readModel(), "SELECT count(*) " + calls + " AND agent_id IS NULL AND amd_result = 'MACHINE'")).isEqualTo(2);
    assertThat(robot.stats().callsOffered()).isZero();
    // in each call's journal the message starts after the beep (avmd) and is played before the hangup
    CallProbe probe = new CallProbe(node.system(), node.readModel());
    try (Connection c = node.readModel().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT call_uuid " + calls)) {
      while (rs.next()) {
        List<CallEntity.Event> journal = probe.journal(rs.getString(1));
        int beep = indexOf(journal, e -> e instanceof CallEntity.AmdDetected a && a.source().equals("avmd"));
        int started = indexOf(journal, e -> e instanceof CallEntity.MessageStarted);
        int played = indexOf(journal, e -> e instanceof CallEntity.MessagePlayed);
        int hungUp = indexOf(journal, e -> e instanceof CallEntity.HungUp);
        assertThat(beep).as("beep in %s", journal).isNotNegative();
        assertThat(started).isGreaterThan(beep);
        assertThat(played).isGreaterThan(started);
        assertThat(hungUp).isGreaterThan(played);
      }
      c.rollback();
    }
    assertThat(count(node.readModel(), "SELECT count(*) FROM leads WHERE leadset_id = " + leadset + " AND last_outcome = 'MACHINE'")).isEqualTo(2);
  }

  private static int indexOf(List<CallEntity.Event> events, java.util.function.Predicate<CallEntity.Event> p) {
    for (int i = 0; i < events.size(); i++) if (p.test(events.get(i))) return i;
    return -1;
  }
}
