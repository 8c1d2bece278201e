package io.autodial.http.agent;

import static io.autodial.http.agent.FakeTokenVerifier.AGENT_ID;
import static io.autodial.http.agent.FakeTokenVerifier.AGENT_TOKEN;
import static io.autodial.http.agent.FakeTokenVerifier.SUPERVISOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.Ack;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import io.autodial.protocol.agent.AgentServerMessage.Error;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent socket against a fake verifier and a recording gateway, over a real bound port. */
class AgentSocketRouteTest {
  private static ActorSystem<Void> system;

  private RecordingGateway gateway;
  private TestServer server;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create(Behaviors.empty(), "agent-socket-route-test");
  }

  @AfterAll
  static void stopSystem() {
    system.terminate();
  }

  @BeforeEach
  void bind() {
    gateway = new RecordingGateway();
    server = bind(AgentSocketRoute.OUTGOING_BUFFER);
  }

  /** With a 1 s authentication timeout, so that test does not wait 10 s. */
  private TestServer bind(int outgoingBuffer) {
    return TestServer.start(system, new AgentSocketRoute(new FakeTokenVerifier(), gateway, Duration.ofSeconds(1), outgoingBuffer).route());
  }

  @AfterEach
  void unbind() {
    server.close();
  }

  private TestWebSocket connect() {
    return TestWebSocket.connect(server.ws("/ws/agent"));
  }

  private TestWebSocket authenticated() {
    TestWebSocket client = connect();
    client.sendAuthenticate("a1", AGENT_TOKEN);
    assertThat(client.next()).isEqualTo(new Ack("a1"));
    assertThat(client.next()).isEqualTo(RecordingGateway.state(AGENT_ID, AgentStatus.LOGGED_OUT));
    return client;
  }

  @Test
  void anAgentTokenIsAckedThenTheNodePushesTheState() {
    try (TestWebSocket client = connect()) {
      client.sendAuthenticate("a1", AGENT_TOKEN);
      // the raw frames: the ack first (though the node pushed the state inside attach), each typed
      assertThat(client.nextText()).isEqualTo("{\"type\":\"ack\",\"id\":\"a1\"}");
      assertThat(client.nextText()).startsWith("{\"type\":\"state\",\"agentId\":\"agent-7\",\"status\":\"LOGGED_OUT\"");
      assertThat(gateway.attached).containsExactly(AGENT_ID);
    }
  }

  @Test
  void aBadTokenIsRefusedAndTheConnectionClosed() {
    try (TestWebSocket client = connect()) {
      client.sendAuthenticate("a1", "forged");
      assertThat(client.next()).isEqualTo(new Error("a1", "the token is not valid or has expired; log in again"));
      assertThat(client.awaitClose()).isEqualTo(1000);
      assertThat(gateway.attached).isEmpty();
    }
  }

  @Test
  void aTokenOfSomeoneWhoIsNotAnAgentIsRefusedAndTheConnectionClosed() {
    try (TestWebSocket client = connect()) {
      client.sendAuthenticate("a1", SUPERVISOR_TOKEN);
      Error error = (Error) client.next();
      assertThat(error.id()).isEqualTo("a1");
      assertThat(error.message()).contains("only agents", "SUPERVISOR");
      assertThat(client.awaitClose()).isEqualTo(1000);
      assertThat(gateway.attached).isEmpty();
    }
  }

  @Test
  void aMessageBeforeAuthenticationIsRefusedAndAuthenticationStillWorks() {
    try (TestWebSocket client = connect()) {
      client.send("{\"type\":\"ready\",\"id\":\"r1\"}");
      Error error = (Error) client.next();
      assertThat(error.id()).isEqualTo("r1");
      assertThat(error.message()).startsWith("authenticate first");
      assertThat(gateway.handled).isEmpty();

      client.sendAuthenticate("a1", AGENT_TOKEN);
      assertThat(client.next()).isEqualTo(new Ack("a1"));
    }
  }

  @Test
  void noAuthenticationWithinTheTimeoutClosesTheConnection() {
    try (TestWebSocket client = connect()) {
      assertThat(((Error) client.next()).message()).startsWith("no authenticate within");
      assertThat(client.awaitClose()).isEqualTo(1000);
    }
  }

  @Test
  void malformedMessagesAreAnsweredWithTheProblemAndTheConnectionStaysUsable() {
    try (TestWebSocket client = authenticated()) {
      client.send("{\"type\":\"ready\",");
      assertThat(client.next()).isInstanceOfSatisfying(Error.class, e -> {
        assertThat(e.id()).isNull();
        assertThat(e.message()).startsWith("the message is not valid JSON");
      });
      client.send("{\"type\":\"dance\",\"id\":\"x1\"}");
      assertThat(client.next()).isEqualTo(new Error("x1",
          "unknown message type \"dance\"; it must be one of [authenticate, ready, pause, logout, hangup, hold, unhold, dtmf, disposition, previewDial, previewSkip, dialLead]"));
      client.send("{\"id\":\"x2\"}");
      assertThat(((Error) client.next()).message()).startsWith("the message has no \"type\"");
      client.send("{\"type\":\"pause\",\"id\":\"x3\",\"reson\":\"lunch\"}");
      assertThat(client.next()).isEqualTo(new Error("x3", "unknown field \"reson\" in a \"pause\" message"));
      client.send("{\"type\":\"ready\"}");
      assertThat(((Error) client.next()).message()).startsWith("every message needs a non-empty \"id\"");
      client.send("[1,2]");
      assertThat(((Error) client.next()).message()).startsWith("a message must be a JSON object");
      client.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
      assertThat(client.next()).isEqualTo(new Error(null, "binary messages are not supported; send JSON as text"));
      assertThat(gateway.handled).isEmpty();

      client.send("{\"type\":\"ready\",\"id\":\"r1\"}");
      assertThat(client.next()).isEqualTo(new Ack("r1"));
      assertThat(gateway.handled).containsExactly(new AgentClientMessage.Ready("r1"));
    }
  }

  @Test
  void aMessageInSeveralFramesIsReadWholeAndAnOversizedOneIsRefused() {
    try (TestWebSocket client = authenticated()) {
      client.socket.sendText("{\"type\":\"dtmf\",", false).join();
      client.socket.sendText("\"id\":\"d1\",\"digits\":\"12#\"}", true).join();
      assertThat(client.next()).isEqualTo(new Ack("d1"));
      assertThat(gateway.handled).containsExactly(new AgentClientMessage.Dtmf("d1", "12#"));

      String head = "{\"type\":\"disposition\",\"id\":\"big\",";
      String tail = "\"code\":\"SALE\",\"notes\":\"" + "x".repeat(AgentSocketRoute.MAX_MESSAGE_CHARS) + "\"}";
      client.socket.sendText(head, false).join();
      client.socket.sendText(tail, true).join();
      assertThat(client.next()).isEqualTo(new Error(null,
          "the message has " + (head.length() + tail.length()) + " characters; the limit is " + AgentSocketRoute.MAX_MESSAGE_CHARS));

      client.send("{\"type\":\"ready\",\"id\":\"r1\"}");
      assertThat(client.next()).isEqualTo(new Ack("r1"));
    }
  }

  @Test
  void everyClientMessageReachesTheSessionAndItsReplyComesBackWithTheSameId() {
    List<AgentClientMessage> messages =
        List.of(
            new AgentClientMessage.Ready("m1"),
            new AgentClientMessage.Pause("m2", "lunch"),
            new AgentClientMessage.Hold("m3"),
            new AgentClientMessage.Unhold("m4"),
            new AgentClientMessage.Dtmf("m5", "5"),
            new AgentClientMessage.Hangup("m6"),
            new AgentClientMessage.Disposition("m7", "SALE", "nice", Instant.parse("2030-01-02T10:00:00Z"), true, true, "break"),
            new AgentClientMessage.Logout("m8"));
    // the node refuses some: those come back as errors with the node's words
    gateway.replies = m -> m instanceof AgentClientMessage.Hold || m instanceof AgentClientMessage.Unhold
        ? new Error(m.id(), "not on a call") : new Ack(m.id());
    try (TestWebSocket client = authenticated()) {
      List<AgentServerMessage> replies = new ArrayList<>();
      for (AgentClientMessage message : messages) {
        client.send(io.autodial.http.Json.MAPPER.writerFor(AgentClientMessage.class).writeValueAsString(message));
        replies.add(client.next());
      }
      assertThat(gateway.handled).containsExactlyElementsOf(messages);
      assertThat(replies).containsExactly(
          new Ack("m1"), new Ack("m2"), new Error("m3", "not on a call"), new Error("m4", "not on a call"),
          new Ack("m5"), new Ack("m6"), new Ack("m7"), new Ack("m8"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aFailingSessionIsReportedAsAnErrorForThatMessage() {
    gateway.replies = m -> { throw new IllegalStateException("shard unavailable"); };
    try (TestWebSocket client = authenticated()) {
      client.send("{\"type\":\"ready\",\"id\":\"r1\"}");
      assertThat(client.next()).isEqualTo(new Error("r1", "the node could not carry out \"ready\": shard unavailable"));
      assertThat(client.isOpen()).isTrue();
    }
  }

  @Test
  void aSecondAuthenticateIsRefused() {
    try (TestWebSocket client = authenticated()) {
      client.sendAuthenticate("a2", AGENT_TOKEN);
      assertThat(client.next()).isEqualTo(new Error("a2", "this connection is already authenticated"));
      assertThat(gateway.attached).hasSize(1);
    }
  }

  @Test
  void closingTheSocketDetachesTheSessionOnce() throws Exception {
    for (int i = 1; i <= 10; i++) { // repeated: the close races the stream's own teardown
      TestWebSocket client = authenticated();
      client.close();
      assertThat(client.awaitClose()).isEqualTo(1000);
      int expected = i;
      Eventually.within(Duration.ofSeconds(5), "detached " + i + " times", () -> gateway.detaches.get() == expected);
    }
    Thread.sleep(300);
    assertThat(gateway.detaches.get()).isEqualTo(10);
  }

  @Test
  void aDroppedConnectionDetachesTheSessionOnce() throws Exception {
    for (int i = 1; i <= 10; i++) { // repeated: the close races the stream's own teardown
      authenticated().socket.abort();
      int expected = i;
      Eventually.within(Duration.ofSeconds(5), "detached " + i + " times", () -> gateway.detaches.get() == expected);
    }
    Thread.sleep(300);
    assertThat(gateway.detaches.get()).isEqualTo(10);
  }

  @Test
  void aConnectionThatNeverAuthenticatedDetachesNothing() throws Exception {
    TestWebSocket client = connect();
    client.close();
    Thread.sleep(300);
    assertThat(gateway.detaches.get()).isZero();
  }

  @Test
  void pushesFromAnotherThreadArriveInOrder() throws Exception {
    try (TestWebSocket client = authenticated()) {
      Thread pusher = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          gateway.push.accept(new AgentServerMessage.CallEnded("call-" + i, "NORMAL_CLEARING"));
          if (i % 20 == 19) sleepQuietly(); // paced like a node's pushes, well within the buffer
        }
      });
      pusher.start();
      for (int i = 0; i < 200; i++)
        assertThat(client.next()).isEqualTo(new AgentServerMessage.CallEnded("call-" + i, "NORMAL_CLEARING"));
      pusher.join();
    }
  }

  @Test
  void aClientThatCannotKeepUpIsDroppedAndTheNodeIsNeverBlocked() {
    server.close();
    server = bind(8);
    try (TestWebSocket client = authenticated()) {
      long start = System.nanoTime();
      for (int i = 0; i < 10_000; i++) gateway.push.accept(new AgentServerMessage.CallEnded("call-" + i, "x".repeat(1000)));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(client.awaitClose()).isNotEqualTo(1000);
      Eventually.within(Duration.ofSeconds(5), "detached", () -> gateway.detaches.get() == 1);
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
