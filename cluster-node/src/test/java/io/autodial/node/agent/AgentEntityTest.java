package io.autodial.node.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.autodial.node.support.RecordingCallControl;
import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import io.autodial.protocol.agent.CallDetails;
import io.autodial.protocol.agent.LeadDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentEntityTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.load("serialization")));

  private final List<String> campaignNotices = new CopyOnWriteArrayList<>();
  private final AgentListener listener =
      new AgentListener() {
        @Override
        public void available(String agentId, String campaignId, long readySinceMillis, String legUuid, String switchId) {
          campaignNotices.add("available " + agentId + " " + campaignId + " " + switchId);
        }

        @Override
        public void unavailable(String agentId, String campaignId) {
          campaignNotices.add("unavailable " + agentId + " " + campaignId);
        }
      };
  private final List<String> callRequests = new CopyOnWriteArrayList<>();
  private final AgentCalls calls =
      new AgentCalls() {
        @Override
        public void dialAgentLeg(String legUuid, String agentId) {
          callRequests.add("dial leg " + agentId);
        }

        @Override
        public void hangup(String callUuid) {
          callRequests.add("hangup " + callUuid);
        }

        @Override
        public void recordDisposition(String callUuid, String agentId, String code, String notes, Instant callbackAt, boolean dnc) {
          callRequests.add("disposition " + callUuid + " " + code);
        }
      };
  private EventSourcedBehaviorTestKit<AgentEntity.Command, AgentEntity.Event, AgentEntity.State> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), AgentEntity.create("alice", new RecordingCallControl(), calls, listener));
  }

  private AgentServerMessage client(AgentClientMessage message) {
    return kit.<AgentServerMessage>runCommand(replyTo -> new AgentEntity.Client(message, replyTo)).reply();
  }

  private CallDetails call(String uuid) {
    return new CallDetails(uuid, "c-1", new LeadDetails(7, "+12125550001", "Ann", "Lee", "", "Acme", "", Map.of()), "Hello Ann", List.of("SALE MADE", "CALL BACK"));
  }

  /** Assigned, ready, and its leg answered: what the dialer can give calls to. */
  private String readyWithLeg() {
    kit.<AgentEntity.Ack>runCommand(r -> new AgentEntity.AssignCampaign("c-1", r));
    assertThat(client(new AgentClientMessage.Ready("1"))).isEqualTo(new AgentServerMessage.Ack("1"));
    String leg = kit.getState().desk().legUuid();
    kit.runCommand(new AgentEntity.LegAnswered(leg, "fs1"));
    return leg;
  }

  @Test
  void anUnassignedAgentCannotGoReady() {
    AgentServerMessage reply = client(new AgentClientMessage.Ready("1"));
    assertThat(reply).isInstanceOf(AgentServerMessage.Error.class);
    assertThat(((AgentServerMessage.Error) reply).message()).contains("not assigned to a campaign");
  }

  @Test
  void goingReadyBringsTheAgentLegUpAndTellsTheCampaign() {
    String leg = readyWithLeg();
    assertThat(leg).isNotNull();
    assertThat(kit.getState()).isInstanceOf(AgentEntity.ReadyState.class);
    assertThat(kit.getState().desk().legUp()).isTrue();
    assertThat(campaignNotices).containsExactly("available alice c-1 fs1");
    assertThat(callRequests).containsExactly("dial leg alice");
  }

  @Test
  void aWholeCallFromOfferToDisposition() {
    readyWithLeg();
    TestProbe<AgentServerMessage> phone = testKit.createTestProbe();
    kit.runCommand(new AgentEntity.Attach(phone.ref()));
    assertThat(((AgentServerMessage.State) phone.receiveMessage()).status()).isEqualTo(AgentStatus.READY);

    var reserved = kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.Reserve(call("call-1"), r));
    assertThat(reserved.reply()).isInstanceOf(AgentEntity.Reserved.class);
    assertThat(phone.expectMessageClass(AgentServerMessage.CallOffered.class).call().script()).isEqualTo("Hello Ann");

    kit.runCommand(new AgentEntity.CustomerConnected("call-1"));
    phone.expectMessageClass(AgentServerMessage.CallConnected.class);
    assertThat(((AgentServerMessage.State) phone.receiveMessage()).status()).isEqualTo(AgentStatus.ON_CALL);
    // one call at a time
    assertThat(kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.Reserve(call("call-2"), r)).reply()).isInstanceOf(AgentEntity.Refused.class);
    assertThat(client(new AgentClientMessage.Pause("2", "lunch"))).isInstanceOf(AgentServerMessage.Error.class);

    kit.runCommand(new AgentEntity.CustomerCallEnded("call-1", "NORMAL_CLEARING"));
    phone.expectMessageClass(AgentServerMessage.CallEnded.class);
    assertThat(phone.expectMessageClass(AgentServerMessage.WrapUpStarted.class).dispositions()).contains("SALE MADE");
    assertThat(kit.getState()).isInstanceOf(AgentEntity.WrapUpState.class);

    // a disposition is required to leave wrap-up, and it must be one of the campaign's
    assertThat(client(new AgentClientMessage.Ready("3"))).isInstanceOf(AgentServerMessage.Error.class);
    AgentServerMessage unknown = client(new AgentClientMessage.Disposition("4", "MAYBE", "", null, false, false, null));
    assertThat(((AgentServerMessage.Error) unknown).message()).contains("unknown disposition");
    assertThat(client(new AgentClientMessage.Disposition("5", "sale made", "nice", null, false, false, null))).isEqualTo(new AgentServerMessage.Ack("5"));
    assertThat(callRequests).contains("disposition call-1 SALE MADE");
    assertThat(kit.getState()).isInstanceOf(AgentEntity.ReadyState.class);
  }

  @Test
  void submitAndPausePausesAfterTheDisposition() {
    readyWithLeg();
    kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.Reserve(call("call-1"), r));
    kit.runCommand(new AgentEntity.CustomerConnected("call-1"));
    kit.runCommand(new AgentEntity.CustomerCallEnded("call-1", "NORMAL_CLEARING"));
    client(new AgentClientMessage.Disposition("1", "CALL BACK", "", Instant.now().plusSeconds(3600), false, true, "coffee"));
    assertThat(kit.getState()).isEqualTo(new AgentEntity.PausedState(kit.getState().desk(), "coffee"));
  }

  @Test
  void aReservationThatIsNeverConnectedExpires() {
    readyWithLeg();
    kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.Reserve(call("call-1"), r));
    // what the timer delivers when the call's node died before the bridge
    kit.runCommand(new AgentEntity.ReservationExpired("call-1"));
    assertThat(kit.getState()).isInstanceOf(AgentEntity.ReadyState.class);
  }

  @Test
  void aCallThatEndsBeforeTheBridgeFreesTheAgent() {
    readyWithLeg();
    kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.Reserve(call("call-1"), r));
    kit.runCommand(new AgentEntity.CustomerCallEnded("call-1", "NORMAL_CLEARING"));
    assertThat(kit.getState()).isInstanceOf(AgentEntity.ReadyState.class);
  }

  @Test
  void aDroppedLegIsReportedAndTheStateSurvivesARestart() {
    String leg = readyWithLeg();
    kit.runCommand(new AgentEntity.LegEnded(leg));
    assertThat(kit.getState().desk().legUp()).isFalse();
    assertThat(campaignNotices).contains("unavailable alice c-1");
    AgentEntity.State before = kit.getState();
    assertThat(kit.restart().state()).isEqualTo(before);
  }

  @Test
  void pauseAndLogout() {
    readyWithLeg();
    assertThat(client(new AgentClientMessage.Pause("1", "lunch"))).isEqualTo(new AgentServerMessage.Ack("1"));
    assertThat(kit.getState()).isInstanceOf(AgentEntity.PausedState.class);
    assertThat(campaignNotices).contains("unavailable alice c-1");
    assertThat(client(new AgentClientMessage.Logout("2"))).isEqualTo(new AgentServerMessage.Ack("2"));
    assertThat(kit.getState()).isInstanceOf(AgentEntity.LoggedOutState.class);
  }
}
