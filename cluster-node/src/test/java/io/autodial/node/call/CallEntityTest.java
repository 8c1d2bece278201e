package io.autodial.node.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.autodial.freeswitch.api.LiveChannel;
import io.autodial.node.support.RecordingCallControl;
import io.autodial.protocol.call.SwitchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallEntityTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.load("serialization")));

  private final String uuid = UUID.randomUUID().toString();
  private RecordingCallControl switchControl;
  private EventSourcedBehaviorTestKit<CallEntity.Command, CallEntity.Event, CallEntity.State> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    switchControl = new RecordingCallControl();
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), CallEntity.create(uuid, switchControl, CallListener.NONE, Optional.empty()));
  }

  private CallEntity.DialSpec spec() {
    return CallEntity.DialSpec.customer("+15551230001", "+15550000000", Duration.ofSeconds(20));
  }

  private void switchEvent(SwitchEvent event) {
    kit.runCommand(new CallEntity.SwitchEventReceived(event));
  }

  private long micros(long epochSecond) {
    return epochSecond * 1_000_000;
  }

  @Test
  void dialPersistsTheRequestAndOriginatesOnTheSwitch() {
    var result = kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));

    assertThat(result.reply()).isEqualTo(new CallEntity.DialAccepted(uuid));
    assertThat(result.event()).isInstanceOf(CallEntity.DialRequested.class);
    assertThat(switchControl.originates).singleElement().satisfies(r -> {
      assertThat(r.uuid()).isEqualTo(uuid);
      assertThat(r.destination()).isEqualTo("+15551230001");
      assertThat(r.ringTimeout()).isEqualTo(Duration.ofSeconds(20));
    });
  }

  @Test
  void anAnsweredCallRecordsEachStepAndEndsWithTheSwitchsTiming() {
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    switchEvent(new SwitchEvent.Ringing(uuid, "fs1", micros(1_000)));
    switchEvent(new SwitchEvent.Answered(uuid, "fs1", micros(1_005)));
    switchEvent(new SwitchEvent.AmdDetected(uuid, "fs1", micros(1_006), SwitchEvent.AmdResult.HUMAN, "amd"));
    var hungUp = kit.runCommand(new CallEntity.SwitchEventReceived(
        new SwitchEvent.HungUp(uuid, "fs1", micros(1_065), "NORMAL_CLEARING", 200, 65, 60, "recv_bye")));

    assertThat(hungUp.event()).isEqualTo(new CallEntity.HungUp("NORMAL_CLEARING", 200, 65, 60, java.time.Instant.ofEpochSecond(1_065)));
    CallInfo call = ((CallEntity.Ended) hungUp.state()).call();
    assertThat(call.phase()).isEqualTo(CallInfo.Phase.ENDED);
    assertThat(call.switchId()).isEqualTo("fs1");
    assertThat(call.answeredAt()).isEqualTo(java.time.Instant.ofEpochSecond(1_005));
    assertThat(call.amdResult()).isEqualTo(SwitchEvent.AmdResult.HUMAN);
    assertThat(call.billSec()).isEqualTo(60);
  }

  @Test
  void aRepeatedAnswerIsNotPersistedTwice() {
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    switchEvent(new SwitchEvent.Answered(uuid, "fs1", micros(1_005)));
    var again = kit.runCommand(new CallEntity.SwitchEventReceived(new SwitchEvent.Answered(uuid, "fs1", micros(1_007))));
    assertThat(again.hasNoEvents()).isTrue();
  }

  @Test
  void aRefusedOriginateEndsTheCallWithTheReason() {
    switchControl.nextOriginate = CompletableFuture.failedFuture(new IllegalStateException("no switch is connected"));
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    // the refusal arrives through pipeToSelf; the kit's actor processes it before the next query
    var state = awaitEnded();
    assertThat(state.call().hangupCause()).isEqualTo("no switch is connected");
  }

  @Test
  void aLostOriginateJobCancelsTheChannelAndEndsTheCall() {
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    var failed = kit.runCommand(new CallEntity.SwitchEventReceived(
        new SwitchEvent.OriginateCompleted(uuid, "fs1", micros(2_000), false, "LOST")));
    assertThat(failed.event()).isInstanceOf(CallEntity.OriginateJobFailed.class);
    assertThat(switchControl.hangups).containsExactly(uuid + " ORIGINATOR_CANCEL");
    var ended = kit.runCommand(new CallEntity.SettleFailedJob());
    assertThat(((CallEntity.Ended) ended.state()).call().hangupCause()).isEqualTo("LOST");
  }

  @Test
  void aLostJobOfAnAnsweredCallLeavesTheLiveCallAlone() {
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    switchEvent(new SwitchEvent.Answered(uuid, "fs1", micros(1_005)));
    var failed = kit.runCommand(new CallEntity.SwitchEventReceived(
        new SwitchEvent.OriginateCompleted(uuid, "fs1", micros(2_000), false, "LOST")));
    assertThat(failed.event()).isInstanceOf(CallEntity.OriginateJobFailed.class);
    assertThat(switchControl.hangups).isEmpty();
    assertThat(((CallEntity.Active) failed.state()).call().phase()).isEqualTo(CallInfo.Phase.ANSWERED);
  }

  @Test
  void aChannelLostDuringAReconnectEndsTheCall() {
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    var lost = kit.runCommand(new CallEntity.SwitchEventReceived(new SwitchEvent.ChannelLost(uuid, "fs1", micros(3_000))));
    assertThat(((CallEntity.Ended) lost.state()).call().hangupCause()).isEqualTo("LOST_WHILE_DISCONNECTED");
  }

  @Test
  void afterARestartTheCallIsTheSameAndChecksItsChannel() {
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    switchEvent(new SwitchEvent.Answered(uuid, "fs1", micros(1_005)));
    CallEntity.State before = kit.getState();
    switchControl.live = List.of(new LiveChannel(uuid, "sofia/gateway/carrier/+15551230001", "CS_EXECUTE", "ACTIVE", "+15551230001"));

    var restarted = kit.restart();

    assertThat(restarted.state()).isEqualTo(before);
    assertThat(switchControl.tracked).contains(uuid);
  }

  @Test
  void aRecoveredCallWhoseChannelIsGoneIsEnded() {
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    switchControl.live = List.of();
    kit.restart();
    var state = awaitEnded();
    assertThat(state.call().hangupCause()).isEqualTo("LOST_WHILE_DOWN");
  }

  @Test
  void aSecondDialOfTheSameCallIsRejected() {
    kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    var again = kit.<CallEntity.DialReply>runCommand(replyTo -> new CallEntity.Dial(spec(), replyTo));
    assertThat(again.reply()).isInstanceOf(CallEntity.DialRejected.class);
    assertThat(switchControl.originates).hasSize(1);
  }

  private CallEntity.Ended awaitEnded() {
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      var snapshot = kit.<CallEntity.CallSnapshot>runCommand(CallEntity.GetCall::new);
      if (snapshot.state() instanceof CallEntity.Ended ended) return ended;
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new RuntimeException(e);
      }
    }
    throw new AssertionError("the call did not end; state " + kit.getState());
  }
}
