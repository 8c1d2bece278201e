package io.autodial.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.AutodialNode;
import io.autodial.node.call.CallEntity;
import io.autodial.node.call.CallInfo;
import io.autodial.node.db.DatabaseSettings;
import io.autodial.node.support.CallProbe;
import io.autodial.node.support.TestDatabases;
import io.autodial.node.support.TestNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node stops while calls are live and starts again on the same database and switch: finished
 * calls come back as they were, live calls come back by themselves, follow their channels again,
 * and a call whose channel vanished meanwhile is closed.
 */
class NodeRestartTest {
  private static final String PASSWORD = "restart-" + UUID.randomUUID();
  private final FreeSwitchSimulator sim =
      FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword(PASSWORD).withSessionsPerSecond(200));
  private final DatabaseSettings db = TestDatabases.fresh();
  private AutodialNode node;

  @AfterEach
  void stop() {
    if (node != null) node.close();
    sim.close();
  }

  private String dial(CallProbe probe, Map<String, String> vars) {
    String uuid = UUID.randomUUID().toString();
    probe.dial(uuid, CallEntity.DialSpec.customer("+15551230002", "+15550000000", Duration.ofSeconds(20)).withVariables(vars));
    return uuid;
  }

  @Test
  void callsRecoverAfterARestart() {
    node = TestNode.start(db, sim, PASSWORD);
    CallProbe probe = new CallProbe(node.system(), node.readModel());
    String finished = dial(probe, Map.of("sim_outcome", "busy", "sim_ring_ms", "100"));
    String live = dial(probe, Map.of("sim_outcome", "answer", "sim_ring_ms", "100", "sim_hangup_by", "none"));
    String goneWhileDown = dial(probe, Map.of("sim_outcome", "answer", "sim_ring_ms", "100", "sim_hangup_by", "none"));
    CallInfo finishedBefore = probe.awaitPhase(finished, CallInfo.Phase.ENDED, Duration.ofSeconds(10));
    CallInfo liveBefore = probe.awaitPhase(live, CallInfo.Phase.ANSWERED, Duration.ofSeconds(10));
    probe.awaitPhase(goneWhileDown, CallInfo.Phase.ANSWERED, Duration.ofSeconds(10));

    node.close();
    sim.hangup(goneWhileDown, "NORMAL_CLEARING"); // nobody hears this hangup
    node = TestNode.start(db, sim, PASSWORD);
    probe = new CallProbe(node.system(), node.readModel());

    // nobody asks about it: the remembered entity comes back, finds its channel gone, and closes
    var goneRow = probe.awaitEndedRow(goneWhileDown, Duration.ofSeconds(20));
    assertThat(goneRow).containsEntry("hangup_cause", "LOST_WHILE_DOWN");
    assertThat(goneRow.get("answered_at")).isNotNull();

    // the live call is followed again: the switch's own hangup report reaches it
    sim.hangup(live, "NORMAL_CLEARING");
    var liveRow = probe.awaitEndedRow(live, Duration.ofSeconds(10));
    assertThat(liveRow).containsEntry("hangup_cause", "NORMAL_CLEARING");
    CallInfo liveAfter = probe.call(live);
    assertThat(liveAfter.answeredAt()).isEqualTo(liveBefore.answeredAt());
    assertThat(liveAfter.startedAt()).isEqualTo(liveBefore.startedAt());

    assertThat(probe.call(finished)).isEqualTo(finishedBefore);
    assertThat(probe.journal(finished)).hasSizeGreaterThanOrEqualTo(4);
  }
}
