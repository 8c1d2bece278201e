package io.autodial.node.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.autodial.node.leads.RetryRules;
import io.autodial.node.support.RecordingCallControl;
import io.autodial.protocol.call.SwitchEvent;
import io.autodial.protocol.call.SwitchEvent.AmdResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What a campaign call does with its answer: AMD's verdict before it is live, machines never
 * offered to an agent, messages after the beep, broadcasts, calls bound to one agent, and a live
 * answer nobody takes: the safe-harbor message and its opt-out digit.
 */
class CallAnsweringTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load("serialization")));

  private final String uuid = UUID.randomUUID().toString();
  private final RecordingCallControl switchControl = new RecordingCallControl();
  /** What the campaign and agents were told, in order. */
  private final List<String> told = new CopyOnWriteArrayList<>();
  /** The pickups the campaign heard of (AMD still listening), kept apart from {@link #told}. */
  private final List<String> pickups = new CopyOnWriteArrayList<>();
  private final CallListener listener =
      new CallListener() {
        @Override
        public void pickedUp(CallInfo call) {
          pickups.add(call.uuid());
        }

        @Override
        public void answered(CallInfo call) {
          told.add("answered");
        }

        @Override
        public void connected(CallInfo call) {
          told.add("connected " + call.agentId());
        }

        @Override
        public void machineDetected(CallInfo call) {
          told.add("machine");
        }

        @Override
        public void ended(CallInfo call) {
          told.add("ended");
        }

        @Override
        public void abandoned(CallInfo call) {
          told.add("abandoned");
        }

        @Override
        public void optedOut(CallInfo call) {
          told.add("opted out");
        }
      };

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private EventSourcedBehaviorTestKit<CallEntity.Command, CallEntity.Event, CallEntity.State> kit(Duration amdTimeout) {
    return EventSourcedBehaviorTestKit.create(testKit.system(), CallEntity.create(uuid, switchControl, listener, Optional.empty(), amdTimeout));
  }

  private EventSourcedBehaviorTestKit<CallEntity.Command, CallEntity.Event, CallEntity.State> dialed(Answering answering, CallContext.BoundAgent bound) {
    var kit = kit(Duration.ofSeconds(30));
    CallContext context = CallContext.campaign("c-1", 7L, RetryRules.defaults()).withAnswering(answering).boundTo(bound);
    var spec = CallEntity.DialSpec.customer("+15551230001", "+15550000000", Duration.ofSeconds(20)).withContext(context);
    kit.<CallEntity.DialReply>runCommand(r -> new CallEntity.Dial(spec, r));
    return kit;
  }

  private static CallEntity.SwitchEventReceived answered() {
    return new CallEntity.SwitchEventReceived(new SwitchEvent.Answered("x", "fs1", nowMicros()));
  }

  private CallEntity.SwitchEventReceived amd(AmdResult result, String source) {
    return new CallEntity.SwitchEventReceived(new SwitchEvent.AmdDetected(uuid, "fs1", nowMicros(), result, source));
  }

  private static long nowMicros() {
    return System.currentTimeMillis() * 1000;
  }

  private static CallInfo call(CallEntity.State state) {
    return state instanceof CallEntity.Active a ? a.call() : ((CallEntity.Ended) state).call();
  }

  @Test
  void withAmdTheCampaignHearsOfTheAnswerOnlyWhenAmdSaysHuman() {
    var kit = dialed(new Answering(true, false, null, null, null, null, null, null), null);

    var answer = kit.runCommand(answered());
    assertThat(call(answer.state()).liveAt()).as("not live before AMD decides").isNull();
    assertThat(told).isEmpty();

    var human = kit.runCommand(amd(AmdResult.HUMAN, "amd"));
    assertThat(human.events()).hasSize(2).element(1).isInstanceOf(CallEntity.LiveAnswerConfirmed.class);
    assertThat(((CallEntity.LiveAnswerConfirmed) human.events().get(1)).basis()).isEqualTo("HUMAN");
    assertThat(call(human.state()).liveAt()).isAfterOrEqualTo(call(human.state()).answeredAt());
    assertThat(told).containsExactly("answered");
  }

  @Test
  void withoutAmdTheAnswerIsLiveAtOnce() {
    var kit = dialed(Answering.LIVE, null);
    var answer = kit.runCommand(answered());
    assertThat(call(answer.state()).liveAt()).isEqualTo(call(answer.state()).answeredAt());
    assertThat(told).containsExactly("answered");
  }

  @Test
  void noVerdictWithinTheAmdTimeoutMakesTheAnswerLive() throws Exception {
    var kit = kit(Duration.ofMillis(200));
    CallContext context = CallContext.campaign("c-1", 7L, RetryRules.defaults()).withAnswering(new Answering(true, false, null, null, null, null, null, null));
    kit.<CallEntity.DialReply>runCommand(r -> new CallEntity.Dial(
        CallEntity.DialSpec.customer("+15551230001", "+15550000000", Duration.ofSeconds(20)).withContext(context), r));
    kit.runCommand(answered());
    long deadline = System.currentTimeMillis() + 3_000;
    while (told.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(20);
    assertThat(told).containsExactly("answered");
    assertThat(call(kit.getState()).liveAt()).isNotNull();
  }

  private EventSourcedBehaviorTestKit<CallEntity.Command, CallEntity.Event, CallEntity.State> ringing(Duration minRingBeforeDrop) {
    var kit = EventSourcedBehaviorTestKit.<CallEntity.Command, CallEntity.Event, CallEntity.State>create(
        testKit.system(), CallEntity.create(uuid, switchControl, listener, Optional.empty(), Duration.ofSeconds(30), CallEntity.ABANDON_AFTER, minRingBeforeDrop));
    var spec = CallEntity.DialSpec.customer("+15551230001", "+15550000000", Duration.ofSeconds(20))
        .withContext(CallContext.campaign("c-1", 7L, RetryRules.defaults()).withAnswering(Answering.LIVE));
    kit.<CallEntity.DialReply>runCommand(r -> new CallEntity.Dial(spec, r));
    kit.runCommand(new CallEntity.SwitchEventReceived(new SwitchEvent.Ringing(uuid, "fs1", nowMicros())));
    return kit;
  }

  @Test
  void withAmdTheCampaignHearsOfThePickupBeforeTheVerdict() {
    var kit = dialed(new Answering(true, false, null, null, null, null, null, null), null);

    kit.runCommand(answered());
    assertThat(pickups).containsExactly(uuid);
    assertThat(told).isEmpty();
    kit.runCommand(amd(AmdResult.HUMAN, "amd"));
    assertThat(pickups).containsExactly(uuid);
    assertThat(told).containsExactly("answered");
  }

  @Test
  void aDroppedCallIsHungUpUnansweredOnlyOnceItHasRungTheMinimum() throws Exception {
    var kit = ringing(Duration.ofMillis(400));
    long asked = System.nanoTime();
    assertThat(kit.<CallEntity.Ack>runCommand(CallEntity.DropUnanswered::new).reply().ok()).isTrue();
    assertThat(switchControl.hangups).as("not before the minimum ring").isEmpty();

    long deadline = System.currentTimeMillis() + 3_000;
    while (switchControl.hangups.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(10);
    assertThat(switchControl.hangups).containsExactly(uuid + " ORIGINATOR_CANCEL");
    assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aCallAnsweredBeforeItsDropIsDueIsKept_andAnAnsweredCallCannotBeDropped() throws Exception {
    var kit = ringing(Duration.ofMillis(300));
    kit.<CallEntity.Ack>runCommand(CallEntity.DropUnanswered::new);
    kit.runCommand(answered());
    Thread.sleep(600);
    assertThat(switchControl.hangups).isEmpty();
    assertThat(told).containsExactly("answered");

    var refused = kit.<CallEntity.Ack>runCommand(CallEntity.DropUnanswered::new);
    assertThat(refused.reply().ok()).isFalse();
    assertThat(refused.reply().message()).contains("answered");
    assertThat(switchControl.hangups).isEmpty();
  }

  @Test
  void aMachineIsHungUpAndNeverOfferedToAnAgent() {
    var kit = dialed(new Answering(true, false, null, null, null, null, null, null), null);
    kit.runCommand(answered());

    var machine = kit.runCommand(amd(AmdResult.MACHINE, "amd"));

    assertThat(machine.events()).singleElement().isInstanceOf(CallEntity.AmdDetected.class);
    assertThat(told).containsExactly("machine");
    assertThat(switchControl.hangups).containsExactly(uuid + " NORMAL_CLEARING");
    assertThat(call(machine.state()).liveAt()).isNull();
    // a verdict that comes after cannot make it live any more
    kit.runCommand(amd(AmdResult.HUMAN, "amd"));
    assertThat(told).containsExactly("machine");
  }

  @Test
  void aMachineHearsTheMessageAfterTheBeepAndIsHungUpWhenItEnds() {
    var kit = dialed(new Answering(true, true, "/msgs/leave.wav", null, null, null, null, null), null);
    kit.runCommand(answered());
    kit.runCommand(amd(AmdResult.MACHINE, "amd"));
    assertThat(switchControl.plays).as("nothing plays before the beep").isEmpty();
    assertThat(switchControl.hangups).isEmpty();

    var beep = kit.runCommand(amd(AmdResult.MACHINE, "avmd"));
    assertThat(beep.events()).last().isEqualTo(new CallEntity.MessageStarted("/msgs/leave.wav", ((CallEntity.MessageStarted) beep.events().get(1)).at()));
    assertThat(switchControl.plays).containsExactly(uuid + " /msgs/leave.wav");

    var done = kit.runCommand(new CallEntity.SwitchEventReceived(new SwitchEvent.PlaybackStopped(uuid, "fs1", nowMicros(), "/msgs/leave.wav", true)));
    assertThat(done.events()).singleElement().isInstanceOf(CallEntity.MessagePlayed.class);
    assertThat(switchControl.hangups).containsExactly(uuid + " NORMAL_CLEARING");
    assertThat(told).containsExactly("machine");
  }

  @Test
  void aBroadcastPlaysItsMessageToAPersonAndNeedsNoAgent() {
    var kit = dialed(new Answering(true, false, null, "/msgs/sale.wav", null, null, null, null), null);
    kit.runCommand(answered());
    var human = kit.runCommand(amd(AmdResult.HUMAN, "amd"));
    assertThat(human.events()).last().isInstanceOf(CallEntity.MessageStarted.class);
    assertThat(switchControl.plays).containsExactly(uuid + " /msgs/sale.wav");
    assertThat(told).as("no agent is asked for").isEmpty();

    // the person hangs up during the message: not delivered
    var cut = kit.runCommand(new CallEntity.SwitchEventReceived(new SwitchEvent.PlaybackStopped(uuid, "fs1", nowMicros(), "/msgs/sale.wav", false)));
    assertThat(cut.hasNoEvents()).isTrue();
    assertThat(call(cut.state()).messagePlayedAt()).isNull();
  }

  @Test
  void anAgentBoundCallIsBridgedToItsAgentWithoutAskingTheCampaign() throws Exception {
    var kit = dialed(Answering.LIVE, new CallContext.BoundAgent("alice", "leg-1", "fs1"));
    var answer = kit.runCommand(answered());

    assertThat(answer.events()).last().isInstanceOf(CallEntity.AgentAssigned.class);
    assertThat(call(answer.state()).agentId()).isEqualTo("alice");
    assertThat(switchControl.bridges).containsExactly(uuid + " leg-1");
    assertThat(told).as("the campaign does not offer it to anyone").isEmpty();
    // the 2-second rule does not apply: the agent is already there
    Thread.sleep(2_300);
    assertThat(call(kit.getState()).abandoned()).isFalse();
    assertThat(switchControl.hangups).isEmpty();
  }

  @Test
  void theAbandonmentClockStartsAtTheAmdVerdict() throws Exception {
    var kit = dialed(new Answering(true, false, null, null, null, null, null, null), null);
    kit.runCommand(answered());
    Thread.sleep(1_500);
    kit.runCommand(amd(AmdResult.HUMAN, "amd"));
    // over 2 s after the switch's answer, but only 0.7 s after the verdict: not abandoned yet
    Thread.sleep(700);
    assertThat(call(kit.getState()).abandoned()).isFalse();
    Thread.sleep(1_800);
    assertThat(call(kit.getState()).abandoned()).isTrue();
    assertThat(told).containsExactly("answered", "abandoned");
  }

  @Test
  void anOldCallWithoutAnAnsweringPlanBehavesAsBefore() {
    var kit = kit(Duration.ofSeconds(4));
    var spec = CallEntity.DialSpec.customer("+15551230001", "+15550000000", Duration.ofSeconds(20))
        .withContext(new CallContext("c-1", 7L, null, RetryRules.defaults(), null, null));
    kit.<CallEntity.DialReply>runCommand(r -> new CallEntity.Dial(spec, r));
    var answer = kit.runCommand(answered());
    assertThat(call(answer.state()).liveAt()).isNotNull();
    assertThat(told).containsExactly("answered");
    assertThat(Instant.now()).isAfterOrEqualTo(call(answer.state()).liveAt());
  }

  @Test
  void aLiveAnswerNobodyTakesHearsTheSafeHarborMessageAndMayOptOut() throws Exception {
    var kit = dialed(new Answering(false, false, null, null, "/msgs/safe-harbor.wav", "9", null, null), null);
    kit.runCommand(answered());
    Thread.sleep(CallEntity.ABANDON_AFTER.toMillis() + 400);
    CallInfo abandoned = call(kit.getState());
    assertThat(abandoned.abandoned()).isTrue();
    assertThat(abandoned.message()).isEqualTo("/msgs/safe-harbor.wav");
    assertThat(switchControl.plays).containsExactly(uuid + " /msgs/safe-harbor.wav");
    assertThat(switchControl.hangups).as("not before the message has played").isEmpty();

    // another key does nothing; the opt-out digit is recorded once
    assertThat(kit.runCommand(dtmf("5")).hasNoEvents()).isTrue();
    assertThat(kit.runCommand(dtmf("9")).events()).singleElement().isInstanceOf(CallEntity.OptedOut.class);
    assertThat(kit.runCommand(dtmf("9")).hasNoEvents()).isTrue();
    assertThat(told).containsExactly("answered", "abandoned", "opted out");

    kit.runCommand(new CallEntity.SwitchEventReceived(new SwitchEvent.PlaybackStopped(uuid, "fs1", nowMicros(), "/msgs/safe-harbor.wav", true)));
    assertThat(switchControl.hangups).containsExactly(uuid + " NORMAL_CLEARING");
  }

  @Test
  void aDispositionThatComesBeforeTheHangupReportIsKept() {
    var kit = dialed(Answering.LIVE, new CallContext.BoundAgent("alice", "leg-1", "fs1"));
    kit.runCommand(answered());
    var early = kit.<CallEntity.Ack>runCommand(r -> new CallEntity.RecordDisposition("alice", "SALE MADE", "", null, false, r));
    assertThat(early.reply().ok()).isTrue();
    var other = kit.<CallEntity.Ack>runCommand(r -> new CallEntity.RecordDisposition("bob", "SALE MADE", "", null, false, r));
    assertThat(other.reply().ok()).isFalse();
    var ended = kit.runCommand(new CallEntity.SwitchEventReceived(new SwitchEvent.HungUp(uuid, "fs1", nowMicros(), "NORMAL_CLEARING", 200, 30, 25, "recv_bye")));
    assertThat(call(ended.state()).disposition().code()).isEqualTo("SALE MADE");
  }

  private CallEntity.SwitchEventReceived dtmf(String digit) {
    return new CallEntity.SwitchEventReceived(new SwitchEvent.DtmfReceived(uuid, "fs1", nowMicros(), digit));
  }
}
