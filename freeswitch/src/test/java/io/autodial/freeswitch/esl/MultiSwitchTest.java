package io.autodial.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.freeswitch.api.OriginateAccepted;
import io.autodial.freeswitch.api.OriginateRequest;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.protocol.call.SwitchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two switches: calls spread over both, and each call's events and commands stay on its own. */
class MultiSwitchTest {
  private final FreeSwitchSimulator a = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword("pw-a-0123456789"));
  private final FreeSwitchSimulator b = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword("pw-b-0123456789"));
  private final EslCallControl esl =
      EslCallControl.start(
          EslSettings.of(
              List.of(
                  new SwitchSettings("a", "127.0.0.1", a.port(), "pw-a-0123456789", "sofia/gateway/{gateway}/{number}", "gw", "user/{agent}", 30),
                  new SwitchSettings("b", "127.0.0.1", b.port(), "pw-b-0123456789", "sofia/gateway/{gateway}/{number}", "gw", "user/{agent}", 30))));

  @AfterEach
  void stop() {
    esl.close();
    a.close();
    b.close();
  }

  @Test
  void callsArePinnedToTheSwitchThatCarriesThem() throws Exception {
    Map<String, List<SwitchEvent>> events = new ConcurrentHashMap<>();
    esl.onEvent(e -> events.computeIfAbsent(e.uuid(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(e));
    long deadline = System.currentTimeMillis() + 15_000;
    while (!(esl.connected("a") && esl.connected("b"))) {
      assertThat(System.currentTimeMillis()).as("both switches connect").isLessThan(deadline);
      Thread.sleep(20);
    }

    List<OriginateAccepted> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String uuid = UUID.randomUUID().toString();
      calls.add(
          esl.originate(new OriginateRequest(uuid, OriginateRequest.LegKind.CUSTOMER, "1555000" + i, "", "", Duration.ofSeconds(20),
                  Map.of("sim_outcome", "answer", "sim_ring_ms", "100", "sim_hangup_by", "none"), Optional.empty()))
              .toCompletableFuture()
              .join());
      Thread.sleep(50); // let the previous call show up, so the least-loaded switch changes
    }

    assertThat(calls).extracting(OriginateAccepted::switchId).contains("a", "b");
    for (OriginateAccepted call : calls) {
      FreeSwitchSimulator carrier = call.switchId().equals("a") ? a : b;
      FreeSwitchSimulator other = call.switchId().equals("a") ? b : a;
      assertThat(carrier.channel(call.uuid())).isPresent();
      assertThat(other.channel(call.uuid())).isEmpty();
      esl.hangup(call.switchId(), call.uuid(), "NORMAL_CLEARING").toCompletableFuture().join();
    }
    for (OriginateAccepted call : calls) {
      while (events.getOrDefault(call.uuid(), List.of()).stream().noneMatch(SwitchEvent.HungUp.class::isInstance)) {
        assertThat(System.currentTimeMillis()).as("hangup of " + call.uuid()).isLessThan(deadline + 10_000);
        Thread.sleep(20);
      }
      assertThat(events.get(call.uuid())).allSatisfy(e -> assertThat(e.switchId()).isEqualTo(call.switchId()));
    }
  }
}
