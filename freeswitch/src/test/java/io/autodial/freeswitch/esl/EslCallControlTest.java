package io.autodial.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autodial.freeswitch.api.CallControlException;
import io.autodial.freeswitch.api.OriginateRequest;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.protocol.call.SwitchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The product's ESL layer, through the real ESL client library, against the simulator over TCP. */
class EslCallControlTest {
  private static final String PASSWORD = "test-secret-" + UUID.randomUUID();
  private static FreeSwitchSimulator sim;
  private static EslCallControl esl;
  private static final Map<String, BlockingQueue<SwitchEvent>> events = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    sim = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword(PASSWORD).withSessionsPerSecond(100));
    esl =
        EslCallControl.start(
            new EslSettings(
                List.of(new SwitchSettings("fs1", "127.0.0.1", sim.port(), PASSWORD, "sofia/gateway/{gateway}/{number}", "carrier", "user/{agent}", 50)),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2)));
    esl.onEvent(e -> events.computeIfAbsent(e.uuid(), k -> new LinkedBlockingQueue<>()).add(e));
    awaitConnected();
  }

  @AfterAll
  static void stop() {
    esl.close();
    sim.close();
  }

  private static void awaitConnected() {
    long deadline = System.currentTimeMillis() + 15_000;
    while (!esl.connected("fs1")) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError("ESL never connected");
      sleep(20);
    }
  }

  private String dial(Map<String, String> vars, int ringTimeoutSec) {
    String uuid = UUID.randomUUID().toString();
    OriginateRequest request =
        new OriginateRequest(uuid, OriginateRequest.LegKind.CUSTOMER, "15551230001", "15550000000", "Acme", Duration.ofSeconds(ringTimeoutSec), vars, Optional.empty());
    var accepted = esl.originate(request).toCompletableFuture().join();
    assertThat(accepted.uuid()).isEqualTo(uuid);
    assertThat(accepted.switchId()).isEqualTo("fs1");
    return uuid;
  }

  /** Collects the leg's typed events until its hangup and its originate job have both arrived. */
  private List<SwitchEvent> untilFinished(String uuid, Duration max) throws InterruptedException {
    BlockingQueue<SwitchEvent> queue = events.computeIfAbsent(uuid, k -> new LinkedBlockingQueue<>());
    List<SwitchEvent> seen = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + max.toNanos();
    boolean hungUp = false, job = false;
    while (!(hungUp && job)) {
      SwitchEvent e = queue.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) throw new AssertionError("events so far for " + uuid + ": " + seen);
      seen.add(e);
      hungUp |= e instanceof SwitchEvent.HungUp || e instanceof SwitchEvent.ChannelLost;
      job |= e instanceof SwitchEvent.OriginateCompleted;
    }
    return seen;
  }

  private static List<Class<?>> kinds(List<SwitchEvent> events) {
    return events.stream().<Class<?>>map(Object::getClass).toList();
  }

  private static SwitchEvent.HungUp hangup(List<SwitchEvent> events) {
    return events.stream().filter(SwitchEvent.HungUp.class::isInstance).map(SwitchEvent.HungUp.class::cast).findFirst().orElseThrow();
  }

  private static SwitchEvent.OriginateCompleted job(List<SwitchEvent> events) {
    return events.stream().filter(SwitchEvent.OriginateCompleted.class::isInstance).map(SwitchEvent.OriginateCompleted.class::cast).findFirst().orElseThrow();
  }

  @Test
  void answeredThenTheCustomerHangsUp() throws Exception {
    String uuid = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "300", "sim_talk_ms", "1500", "sim_hangup_by", "customer"), 20);
    List<SwitchEvent> seen = untilFinished(uuid, Duration.ofSeconds(10));

    assertThat(kinds(seen)).containsSubsequence(SwitchEvent.ChannelCreated.class, SwitchEvent.Ringing.class, SwitchEvent.Answered.class, SwitchEvent.HungUp.class);
    assertThat(job(seen).ok()).isTrue();
    SwitchEvent.HungUp hangup = hangup(seen);
    assertThat(hangup.cause()).isEqualTo("NORMAL_CLEARING");
    assertThat(hangup.hangupDisposition()).isEqualTo("recv_bye");
    assertThat(hangup.billSec()).isBetween(1L, 2L);
  }

  @Test
  void answeredThenTheDialerHangsUp() throws Exception {
    String uuid = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "200", "sim_hangup_by", "none"), 20);
    BlockingQueue<SwitchEvent> queue = events.computeIfAbsent(uuid, k -> new LinkedBlockingQueue<>());
    SwitchEvent e;
    do {
      e = queue.poll(5, TimeUnit.SECONDS);
      assertThat(e).as("an answer").isNotNull();
    } while (!(e instanceof SwitchEvent.Answered));

    esl.hangup("fs1", uuid, "NORMAL_CLEARING").toCompletableFuture().join();

    SwitchEvent.HungUp hangup = awaitEvent(uuid, SwitchEvent.HungUp.class);
    assertThat(hangup.cause()).isEqualTo("NORMAL_CLEARING");
    assertThat(hangup.hangupDisposition()).isEqualTo("send_bye");
  }

  @Test
  void busy() throws Exception {
    List<SwitchEvent> seen = untilFinished(dial(Map.of("sim_outcome", "busy", "sim_ring_ms", "200"), 20), Duration.ofSeconds(5));
    assertThat(seen).noneMatch(SwitchEvent.Answered.class::isInstance);
    assertThat(hangup(seen).cause()).isEqualTo("USER_BUSY");
    assertThat(hangup(seen).sipStatus()).isEqualTo(486);
    assertThat(job(seen).cause()).isEqualTo("USER_BUSY");
  }

  @Test
  void noAnswerRingsForTheWholeRingTimeout() throws Exception {
    long start = System.nanoTime();
    List<SwitchEvent> seen = untilFinished(dial(Map.of("sim_outcome", "noanswer"), 15), Duration.ofSeconds(25));
    long rangSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

    assertThat(rangSeconds).isGreaterThanOrEqualTo(14);
    assertThat(seen).anyMatch(SwitchEvent.Ringing.class::isInstance).noneMatch(SwitchEvent.Answered.class::isInstance);
    assertThat(hangup(seen).cause()).isEqualTo("NO_ANSWER");
    assertThat(job(seen).cause()).isEqualTo("NO_ANSWER");
  }

  @Test
  void rejected() throws Exception {
    List<SwitchEvent> seen = untilFinished(dial(Map.of("sim_outcome", "reject", "sim_ring_ms", "100"), 20), Duration.ofSeconds(5));
    assertThat(hangup(seen).cause()).isEqualTo("CALL_REJECTED");
    assertThat(job(seen).ok()).isFalse();
  }

  @Test
  void unreachable() throws Exception {
    List<SwitchEvent> seen = untilFinished(dial(Map.of("sim_outcome", "unreachable"), 20), Duration.ofSeconds(5));
    assertThat(hangup(seen).cause()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
    assertThat(job(seen).cause()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
  }

  @Test
  void aMachineIsDetected() throws Exception {
    String uuid = dial(Map.of("sim_outcome", "machine", "sim_ring_ms", "100", "sim_hangup_by", "none"), 20);
    BlockingQueue<SwitchEvent> queue = events.computeIfAbsent(uuid, k -> new LinkedBlockingQueue<>());
    SwitchEvent e;
    do {
      e = queue.poll(10, TimeUnit.SECONDS);
      assertThat(e).as("an AMD result").isNotNull();
    } while (!(e instanceof SwitchEvent.AmdDetected));
    assertThat(((SwitchEvent.AmdDetected) e).result()).isEqualTo(SwitchEvent.AmdResult.MACHINE);
    esl.hangup("fs1", uuid, "NORMAL_CLEARING").toCompletableFuture().join();
    awaitEvent(uuid, SwitchEvent.HungUp.class);
  }

  @Test
  void bridgingTwoParkedLegsTellsBothLegs() throws Exception {
    String customer = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "100", "sim_hangup_by", "none"), 20);
    String agent = UUID.randomUUID().toString();
    esl.originate(new OriginateRequest(agent, OriginateRequest.LegKind.AGENT, "1001", "", "", Duration.ofSeconds(20), Map.of(), Optional.of("fs1"))).toCompletableFuture().join();
    awaitEvent(customer, SwitchEvent.Answered.class);
    awaitEvent(agent, SwitchEvent.Answered.class);

    esl.bridge("fs1", customer, agent).toCompletableFuture().join();

    assertThat(awaitEvent(customer, SwitchEvent.Bridged.class).otherUuid()).isEqualTo(agent);
    assertThat(awaitEvent(agent, SwitchEvent.Bridged.class).otherUuid()).isEqualTo(customer);
    esl.hangup("fs1", customer, "NORMAL_CLEARING").toCompletableFuture().join();
    assertThat(awaitEvent(agent, SwitchEvent.Unbridged.class).otherUuid()).isEqualTo(customer);
    esl.hangup("fs1", agent, "NORMAL_CLEARING").toCompletableFuture().join();
  }

  @Test
  void holdDtmfRecordingAndPlaybackReachTheChannel() throws Exception {
    String uuid = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "100", "sim_hangup_by", "none"), 20);
    awaitEvent(uuid, SwitchEvent.Answered.class);

    esl.hold("fs1", uuid, true).toCompletableFuture().join();
    assertThat(sim.channel(uuid).orElseThrow().callState()).isEqualTo("HELD");
    esl.hold("fs1", uuid, false).toCompletableFuture().join();
    assertThat(sim.channel(uuid).orElseThrow().callState()).isNotEqualTo("HELD");

    esl.sendDtmf("fs1", uuid, "42").toCompletableFuture().join();
    assertThat(awaitEvent(uuid, SwitchEvent.DtmfReceived.class).digit()).isEqualTo("4");
    assertThat(awaitEvent(uuid, SwitchEvent.DtmfReceived.class).digit()).isEqualTo("2");

    esl.startRecording("fs1", uuid, "/recordings/" + uuid + ".wav").toCompletableFuture().join();
    assertThat(awaitEvent(uuid, SwitchEvent.RecordingStarted.class).path()).isEqualTo("/recordings/" + uuid + ".wav");
    esl.stopRecording("fs1", uuid, "/recordings/" + uuid + ".wav").toCompletableFuture().join();
    awaitEvent(uuid, SwitchEvent.RecordingStopped.class);

    esl.playFile("fs1", uuid, "/sounds/safe-harbor.wav").toCompletableFuture().join();
    assertThat(esl.liveChannels("fs1").toCompletableFuture().join()).anySatisfy(c -> {
      assertThat(c.uuid()).isEqualTo(uuid);
      assertThat(c.answered()).isTrue();
    });

    esl.hangup("fs1", uuid, "NORMAL_CLEARING").toCompletableFuture().join();
    awaitEvent(uuid, SwitchEvent.HungUp.class);
    assertThat(esl.liveChannels("fs1").toCompletableFuture().join()).noneMatch(c -> c.uuid().equals(uuid));
  }

  @Test
  void anOriginateJobTheSwitchNeverReportsIsReportedLost() throws Exception {
    String uuid = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "100", "sim_hangup_by", "none", "sim_lose_job", "true"), 2);
    awaitEvent(uuid, SwitchEvent.Answered.class);
    // ring timeout 2 s + grace 2 s
    SwitchEvent.OriginateCompleted lost = awaitEvent(uuid, SwitchEvent.OriginateCompleted.class);
    assertThat(lost.ok()).isFalse();
    assertThat(lost.cause()).isEqualTo("LOST");
    esl.hangup("fs1", uuid, "ORIGINATOR_CANCEL").toCompletableFuture().join();
    awaitEvent(uuid, SwitchEvent.HungUp.class);
  }

  @Test
  void aCustomerBridgedTheMomentItAnswersStillReportsItsJobAndHangsUpByItself() throws Exception {
    String agent = UUID.randomUUID().toString();
    esl.originate(new OriginateRequest(agent, OriginateRequest.LegKind.AGENT, "1002", "", "", Duration.ofSeconds(20), Map.of(), Optional.of("fs1"))).toCompletableFuture().join();
    awaitEvent(agent, SwitchEvent.Answered.class);
    String customer = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "100", "sim_talk_ms", "1000", "sim_hangup_by", "customer"), 20);
    awaitEvent(customer, SwitchEvent.Answered.class);
    esl.bridge("fs1", customer, agent).toCompletableFuture().join(); // before the answer script reached its job

    List<SwitchEvent> rest = untilFinished(customer, Duration.ofSeconds(10));
    assertThat(job(rest).ok()).isTrue();
    assertThat(hangup(rest).cause()).isEqualTo("NORMAL_CLEARING"); // the customer's own hangup, after its talk time
    assertThat(awaitEvent(agent, SwitchEvent.Unbridged.class).otherUuid()).isEqualTo(customer);
    esl.hangup("fs1", agent, "NORMAL_CLEARING").toCompletableFuture().join();
  }

  @Test
  void aRefusedCommandFailsWithTheSwitchsReason() {
    assertThatThrownBy(() -> esl.hangup("fs1", UUID.randomUUID().toString(), "NORMAL_CLEARING").toCompletableFuture().join())
        .hasCauseInstanceOf(CallControlException.class)
        .hasMessageContaining("No such channel");
  }

  @Test
  void aDroppedConnectionReconnectsAndReconcilesWhatHappenedMeanwhile() throws Exception {
    String endsWhileAway = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "100", "sim_hangup_by", "none"), 20);
    String answeredWhileAway = dial(Map.of("sim_outcome", "answer", "sim_ring_ms", "1500", "sim_hangup_by", "none"), 20);
    awaitEvent(endsWhileAway, SwitchEvent.Answered.class);

    sim.dropClientConnections();
    sleep(200);
    sim.hangup(endsWhileAway, "NORMAL_CLEARING"); // its hangup events go to no one
    sleep(1_500); // the second leg is answered while nobody listens

    awaitConnected();
    assertThat(awaitEvent(endsWhileAway, SwitchEvent.ChannelLost.class).uuid()).isEqualTo(endsWhileAway);
    awaitEvent(answeredWhileAway, SwitchEvent.Answered.class);
    // after reconciliation the connection carries events again
    esl.hangup("fs1", answeredWhileAway, "NORMAL_CLEARING").toCompletableFuture().join();
    assertThat(awaitEvent(answeredWhileAway, SwitchEvent.HungUp.class).cause()).isEqualTo("NORMAL_CLEARING");
  }

  private <T extends SwitchEvent> T awaitEvent(String uuid, Class<T> type) throws InterruptedException {
    BlockingQueue<SwitchEvent> queue = events.computeIfAbsent(uuid, k -> new LinkedBlockingQueue<>());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      SwitchEvent e = queue.poll(100, TimeUnit.MILLISECONDS);
      if (type.isInstance(e)) return type.cast(e);
    }
    throw new AssertionError("no " + type.getSimpleName() + " for " + uuid);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new RuntimeException(e);
    }
  }
}
