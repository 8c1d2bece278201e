package io.autodial.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.AutodialNode;
import io.autodial.node.call.CallEntity;
import io.autodial.node.call.CallInfo;
import io.autodial.node.support.CallProbe;
import io.autodial.node.support.TestDatabases;
import io.autodial.node.support.TestNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls originated by Call entities through the product's ESL layer against the simulator over
 * TCP, for each outcome: the events persisted in PostgreSQL and the call_log row they project.
 */
class CallLifecycleTest {
  private static final String PASSWORD = "e2e-" + UUID.randomUUID();
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static CallProbe probe;

  @BeforeAll
  static void start() {
    sim = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword(PASSWORD).withSessionsPerSecond(200));
    node = TestNode.start(TestDatabases.fresh(), sim, PASSWORD);
    probe = new CallProbe(node.system(), node.readModel());
  }

  @AfterAll
  static void stop() {
    node.close();
    sim.close();
  }

  private String dial(Map<String, String> vars, int ringTimeoutSeconds) {
    String uuid = UUID.randomUUID().toString();
    var spec = CallEntity.DialSpec.customer("+15551230001", "+15550000000", Duration.ofSeconds(ringTimeoutSeconds)).withVariables(vars);
    assertThat(probe.dial(uuid, spec)).isEqualTo(new CallEntity.DialAccepted(uuid));
    return uuid;
  }

  private static List<Class<?>> kinds(List<CallEntity.Event> events) {
    return events.stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void answeredAndTheCustomerHangsUp() {
    String uuid = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "300", "sim_talk_ms", "1200", "sim_hangup_by", "customer"), 20);

    CallInfo call = probe.awaitPhase(uuid, CallInfo.Phase.ENDED, Duration.ofSeconds(10));

    assertThat(call.hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(kinds(probe.journal(uuid)))
        .containsExactly(CallEntity.DialRequested.class, CallEntity.Dialed.class, CallEntity.Ringing.class, CallEntity.Answered.class, CallEntity.HungUp.class);
    var row = probe.awaitEndedRow(uuid, Duration.ofSeconds(10));
    assertThat(row).containsEntry("hangup_cause", "NORMAL_CLEARING").containsEntry("switch_id", "fs1")
        .containsEntry("caller", "+15550000000").containsEntry("receiver", "+15551230001");
    assertThat(row.get("answered_at")).isNotNull();
    assertThat((Long) row.get("billsec")).isBetween(1L, 2L);
  }

  @Test
  void answeredAndTheDialerHangsUp() {
    String uuid = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "200", "sim_hangup_by", "none"), 20);
    probe.awaitPhase(uuid, CallInfo.Phase.ANSWERED, Duration.ofSeconds(10));

    var hungUp =
        org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding.get(node.system())
            .entityRefFor(CallEntity.ENTITY_KEY, uuid)
            .<CallEntity.Ack>ask(replyTo -> new CallEntity.Hangup("NORMAL_CLEARING", replyTo), Duration.ofSeconds(5))
            .toCompletableFuture()
            .join();
    assertThat(hungUp.ok()).isTrue();

    CallInfo call = probe.awaitPhase(uuid, CallInfo.Phase.ENDED, Duration.ofSeconds(10));
    assertThat(call.hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(probe.awaitEndedRow(uuid, Duration.ofSeconds(10)).get("answered_at")).isNotNull();
  }

  @Test
  void busy() {
    String uuid = dial(Map.of("sim_outcome", "busy", "sim_ring_ms", "200"), 20);
    CallInfo call = probe.awaitPhase(uuid, CallInfo.Phase.ENDED, Duration.ofSeconds(10));
    assertThat(call.hangupCause()).isEqualTo("USER_BUSY");
    assertThat(call.sipStatus()).isEqualTo(486);
    // the job's -ERR may come before or after the channel's hangup report: only the hangup ends the call
    assertThat(kinds(probe.journal(uuid))).doesNotContain(CallEntity.Answered.class).endsWith(CallEntity.HungUp.class);
    var row = probe.awaitEndedRow(uuid, Duration.ofSeconds(10));
    assertThat(row).containsEntry("hangup_cause", "USER_BUSY").containsEntry("sip_status", 486).containsEntry("billsec", 0L);
    assertThat(row.get("answered_at")).isNull();
  }

  @Test
  void noAnswerAfterAtLeastFifteenSecondsOfRinging() {
    String uuid = dial(Map.of("sim_outcome", "noanswer"), 15);
    CallInfo call = probe.awaitPhase(uuid, CallInfo.Phase.ENDED, Duration.ofSeconds(25));
    assertThat(call.hangupCause()).isEqualTo("NO_ANSWER");
    assertThat(Duration.between(call.startedAt(), call.endedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(14));
    assertThat(probe.awaitEndedRow(uuid, Duration.ofSeconds(10))).containsEntry("hangup_cause", "NO_ANSWER");
  }

  @Test
  void rejected() {
    String uuid = dial(Map.of("sim_outcome", "reject", "sim_ring_ms", "100"), 20);
    assertThat(probe.awaitPhase(uuid, CallInfo.Phase.ENDED, Duration.ofSeconds(10)).hangupCause()).isEqualTo("CALL_REJECTED");
    assertThat(probe.awaitEndedRow(uuid, Duration.ofSeconds(10))).containsEntry("hangup_cause", "CALL_REJECTED");
  }

  @Test
  void unreachable() {
    String uuid = dial(Map.of("sim_outcome", "unreachable"), 20);
    assertThat(probe.awaitPhase(uuid, CallInfo.Phase.ENDED, Duration.ofSeconds(10)).hangupCause()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
    assertThat(probe.awaitEndedRow(uuid, Duration.ofSeconds(10))).containsEntry("hangup_cause", "NORMAL_TEMPORARY_FAILURE");
  }

  @Test
  void machine() {
    String uuid = dial(Map.of("sim_outcome", "machine", "sim_ring_ms", "100", "sim_hangup_by", "customer", "sim_talk_ms", "2500"), 20);
    CallInfo call = probe.awaitPhase(uuid, CallInfo.Phase.ENDED, Duration.ofSeconds(15));
    assertThat(call.amdResult()).isEqualTo(io.autodial.protocol.call.SwitchEvent.AmdResult.MACHINE);
    assertThat(kinds(probe.journal(uuid))).contains(CallEntity.AmdDetected.class);
    assertThat(probe.awaitEndedRow(uuid, Duration.ofSeconds(10))).containsEntry("amd_result", "MACHINE");
  }
}
