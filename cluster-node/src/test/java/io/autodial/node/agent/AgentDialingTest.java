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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agent's own calls: previews it dials or skips, leads it dials by id. */
class AgentDialingTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load("serialization")));

  /** What the agent told its campaign. */
  private final List<String> campaignNotices = new CopyOnWriteArrayList<>();
  private volatile LeadDialResult nextDialResult = LeadDialResult.dialed("call-9");
  private final AgentListener listener =
      new AgentListener() {
        @Override
        public void available(String agentId, String campaignId, long readySinceMillis, String legUuid, String switchId) {
          campaignNotices.add("available");
        }

        @Override
        public void unavailable(String agentId, String campaignId) {
          campaignNotices.add("unavailable");
        }
      };
  private final AgentCampaign campaign =
      new AgentCampaign() {
        @Override
        public void placePreviewCall(String campaignId, String agentId, CallDetails preview, String legUuid, String switchId) {
          campaignNotices.add("place " + preview.callUuid() + " for " + agentId + " on " + legUuid);
        }

        @Override
        public CompletionStage<LeadDialResult> dialLead(String campaignId, String agentId, long leadId) {
          campaignNotices.add("dial lead " + leadId);
          return CompletableFuture.completedFuture(nextDialResult);
        }
      };
  private final AgentCalls calls =
      new AgentCalls() {
        @Override
        public void dialAgentLeg(String legUuid, String agentId) {}

        @Override
        public void hangup(String callUuid) {
          campaignNotices.add("hangup " + callUuid);
        }

        @Override
        public void recordDisposition(String callUuid, String agentId, String code, String notes, Instant callbackAt, boolean dnc) {}
      };
  private EventSourcedBehaviorTestKit<AgentEntity.Command, AgentEntity.Event, AgentEntity.State> kit;
  private TestProbe<AgentServerMessage> phone;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), AgentEntity.create("alice", new RecordingCallControl(), calls, listener, campaign));
    phone = testKit.createTestProbe();
  }

  private AgentServerMessage client(AgentClientMessage message) {
    return kit.<AgentServerMessage>runCommand(replyTo -> new AgentEntity.Client(message, replyTo)).reply();
  }

  private static CallDetails lead(String callUuid) {
    return new CallDetails(callUuid, "c-1", new LeadDetails(7, "+12125550001", "Ann", "Lee", "", "Acme", "", Map.of()), "Hello Ann", List.of("SALE MADE"));
  }

  private String readyWithLeg() {
    kit.<AgentEntity.Ack>runCommand(r -> new AgentEntity.AssignCampaign("c-1", r));
    client(new AgentClientMessage.Ready("1"));
    String leg = kit.getState().desk().legUuid();
    kit.runCommand(new AgentEntity.LegAnswered(leg, "fs1"));
    kit.runCommand(new AgentEntity.Attach(phone.ref()));
    phone.expectMessageClass(AgentServerMessage.State.class);
    campaignNotices.clear();
    return leg;
  }

  @Test
  void aPreviewIsShownAndTheAgentIsNoLongerOfferedCalls() {
    readyWithLeg();
    var offered = kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.OfferPreview(lead("p-1"), r));

    assertThat(offered.reply()).isInstanceOf(AgentEntity.Reserved.class);
    assertThat(phone.expectMessageClass(AgentServerMessage.Preview.class).call().script()).isEqualTo("Hello Ann");
    AgentServerMessage.State state = phone.expectMessageClass(AgentServerMessage.State.class);
    assertThat(state.status()).isEqualTo(AgentStatus.PREVIEW);
    assertThat(state.call().lead().id()).isEqualTo(7);
    assertThat(campaignNotices).containsExactly("unavailable");
    var reserve = kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.Reserve(lead("other"), r));
    assertThat(reserve.reply()).isInstanceOf(AgentEntity.Refused.class);
  }

  @Test
  void skippingAPreviewKeepsTheReasonAndMakesTheAgentReadyAgain() {
    readyWithLeg();
    kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.OfferPreview(lead("p-1"), r));

    assertThat(client(new AgentClientMessage.PreviewSkip("2", " "))).isInstanceOf(AgentServerMessage.Error.class);
    var skipped = kit.<AgentServerMessage>runCommand(r -> new AgentEntity.Client(new AgentClientMessage.PreviewSkip("3", "wrong number"), r));

    assertThat(skipped.reply()).isEqualTo(new AgentServerMessage.Ack("3"));
    assertThat(skipped.event()).isEqualTo(new AgentEntity.PreviewSkipped("p-1", 7, "c-1", "wrong number", ((AgentEntity.PreviewSkipped) skipped.event()).at()));
    assertThat(skipped.state()).isInstanceOf(AgentEntity.ReadyState.class);
    assertThat(campaignNotices).contains("available");
  }

  @Test
  void dialingAPreviewAsksTheCampaignForTheCallAndConnectsWhenAnswered() {
    String leg = readyWithLeg();
    kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.OfferPreview(lead("p-1"), r));

    assertThat(client(new AgentClientMessage.PreviewDial("2"))).isEqualTo(new AgentServerMessage.Ack("2"));
    assertThat(kit.getState()).isInstanceOf(AgentEntity.DialingState.class);
    assertThat(campaignNotices).contains("place p-1 for alice on " + leg);

    kit.runCommand(new AgentEntity.CustomerConnected("p-1"));
    assertThat(kit.getState()).isInstanceOf(AgentEntity.OnCallState.class);
  }

  @Test
  void anUnansweredOwnCallTakesTheAgentBackToReady() {
    readyWithLeg();
    kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.OfferPreview(lead("p-1"), r));
    client(new AgentClientMessage.PreviewDial("2"));
    campaignNotices.clear();

    var ended = kit.runCommand(new AgentEntity.CustomerCallEnded("p-1", "NO_ANSWER"));

    assertThat(ended.state()).isInstanceOf(AgentEntity.ReadyState.class);
    assertThat(campaignNotices).containsExactly("available");
  }

  @Test
  void aPausedAgentDialsALeadByHandAndIsPausedAgainWhenNobodyAnswers() {
    readyWithLeg();
    client(new AgentClientMessage.Pause("2", "admin work"));
    var bound = kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.BindCall(lead("m-1"), r));
    assertThat(bound.reply()).isInstanceOf(AgentEntity.Reserved.class);
    assertThat(kit.getState()).isInstanceOf(AgentEntity.DialingState.class);
    // one call at a time: a second lead cannot be bound now
    var second = kit.<AgentEntity.ReserveReply>runCommand(r -> new AgentEntity.BindCall(lead("m-2"), r));
    assertThat(second.reply()).isInstanceOf(AgentEntity.Refused.class);

    var ended = kit.runCommand(new AgentEntity.CustomerCallEnded("m-1", "USER_BUSY"));
    assertThat(ended.state()).isEqualTo(new AgentEntity.PausedState(ended.state().desk(), "admin work"));
  }

  @Test
  void dialLeadIsAnsweredWithTheCampaignsVerdict() {
    readyWithLeg();
    nextDialResult = LeadDialResult.refused(LeadDialResult.Problem.NOT_DIALABLE, "lead 5 is being dialed already");
    var refused = kit.<AgentServerMessage>runCommand(r -> new AgentEntity.Client(new AgentClientMessage.DialLead("2", 5L), r));
    // the answer comes once the campaign has replied
    assertThat(refused.hasNoEvents()).isTrue();
    TestProbe<AgentServerMessage> socket = testKit.createTestProbe();
    kit.runCommand(new AgentEntity.Client(new AgentClientMessage.DialLead("3", 5L), socket.ref()));
    assertThat(socket.receiveMessage()).isEqualTo(new AgentServerMessage.Error("3", "lead 5 is being dialed already"));
    assertThat(campaignNotices).contains("dial lead 5");

    assertThat(client(new AgentClientMessage.DialLead("4", null))).isInstanceOf(AgentServerMessage.Error.class);
  }
}
