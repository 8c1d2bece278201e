package io.autodial.http.agent;

import static org.apache.pekko.http.javadsl.server.Directives.handleWebSocketMessages;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.autodial.http.Json;
import io.autodial.http.auth.TokenVerifier;
import io.autodial.protocol.agent.AgentServerMessage;
import java.time.Duration;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * {@code /ws/agent}: the agents' softphone socket, speaking the JSON protocol of {@code
 * protocol/AGENT-PROTOCOL.md}. Each connection authenticates with a token, then its messages go to
 * the node's {@link AgentGateway} and the node's pushes come back on the same socket.
 */
public final class AgentSocketRoute {
  /** Larger than any real message (a disposition with notes); anything bigger is refused. */
  static final int MAX_MESSAGE_CHARS = 64 * 1024;

  static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(10);

  /** Room for a burst of pushes to a client that reads a little late; beyond it, the client is dropped. */
  static final int OUTGOING_BUFFER = 256;

  /** Keep-alive ping after this much silence: under the server's 60 s idle-timeout, and proxies'. */
  public static final Duration KEEP_ALIVE_IDLE = Duration.ofSeconds(20);

  private static final ObjectWriter WRITER = Json.MAPPER.writerFor(AgentServerMessage.class);

  private final TokenVerifier verifier;
  private final AgentGateway gateway;
  private final Duration authenticationTimeout;
  private final int outgoingBuffer;

  public AgentSocketRoute(TokenVerifier verifier, AgentGateway gateway) {
    this(verifier, gateway, AUTHENTICATION_TIMEOUT, OUTGOING_BUFFER);
  }

  /** For tests that cannot wait 10 s or need a tiny buffer to overflow. */
  AgentSocketRoute(TokenVerifier verifier, AgentGateway gateway, Duration authenticationTimeout, int outgoingBuffer) {
    this.verifier = verifier;
    this.gateway = gateway;
    this.authenticationTimeout = authenticationTimeout;
    this.outgoingBuffer = outgoingBuffer;
  }

  public Route route() {
    return pathPrefix("ws", () -> path("agent", () -> handleWebSocketMessages(connection())));
  }

  /**
   * Server settings that ping every WebSocket after {@link #KEEP_ALIVE_IDLE} of silence, so an idle
   * agent is not cut by the idle-timeout and a vanished one surfaces as a failed write. Pekko-http
   * only takes this per binding: bind the node with {@code newServerAt(..).withSettings(
   * AgentSocketRoute.withKeepAlivePings(ServerSettings.create(system)))}.
   */
  public static ServerSettings withKeepAlivePings(ServerSettings settings) {
    return settings.withWebsocketSettings(
        settings.getWebsocketSettings().withPeriodicKeepAliveMode("ping").withPeriodicKeepAliveMaxIdle(KEEP_ALIVE_IDLE));
  }

  /** A fresh flow per materialization, i.e. per accepted WebSocket. */
  private Flow<Message, Message, ?> connection() {
    return Flow.fromMaterializer(
        (materializer, attributes) -> {
          Outbox outbox = new Outbox();
          AgentConnection connection = new AgentConnection(verifier, gateway, outbox);
          Sink<Message, NotUsed> incoming =
              Flow.<Message>create()
                  .<IncomingFrames.Frame>mapAsync(1, message -> IncomingFrames.read(message, materializer, MAX_MESSAGE_CHARS))
                  .mapAsync(1, connection::receive)
                  .to(Sink.ignore());
          Source<Message, BoundedSourceQueue<AgentServerMessage>> outgoing =
              Source.<AgentServerMessage>queue(outgoingBuffer).map(AgentSocketRoute::toText);
          // Coupled: when the client goes, the outgoing side stops; when the server closes the
          // outbox, the socket closes. Either way the session is detached once.
          return Flow.fromSinkAndSourceCoupledMat(incoming, outgoing, Keep.right())
              .watchTermination(
                  (queue, terminated) -> {
                    // materialized before any message flows, so the outbox has its queue in time
                    outbox.open(queue);
                    connection.expireAuthenticationAfter(materializer, authenticationTimeout);
                    terminated.whenComplete((done, failure) -> connection.closed());
                    return NotUsed.notUsed();
                  });
        });
  }

  private static Message toText(AgentServerMessage message) throws JsonProcessingException {
    return TextMessage.create(WRITER.writeValueAsString(message));
  }
}
