package io.autodial.http.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.http.Json;
import io.autodial.protocol.agent.AgentServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that queues what the server sends, for tests to take in order. */
final class TestWebSocket implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final WebSocket socket;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  /** Completes with the close code, or -1 when the connection failed instead of closing. */
  final CompletableFuture<Integer> closed = new CompletableFuture<>();

  private TestWebSocket(URI uri) {
    socket = HTTP.newWebSocketBuilder().buildAsync(uri, new Listener()).join();
  }

  static TestWebSocket connect(URI uri) {
    return new TestWebSocket(uri);
  }

  void send(String json) {
    socket.sendText(json, true).join();
  }

  void sendAuthenticate(String id, String token) {
    send("{\"type\":\"authenticate\",\"id\":\"" + id + "\",\"token\":\"" + token + "\"}");
  }

  String nextText() {
    try {
      String text = received.poll(5, TimeUnit.SECONDS);
      assertThat(text).as("a message from the server within 5 s").isNotNull();
      return text;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next message, read back through the protocol's own types (so its "type" must be right). */
  AgentServerMessage next() {
    try {
      return Json.MAPPER.readValue(nextText(), AgentServerMessage.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  int awaitClose() {
    return closed.orTimeout(5, TimeUnit.SECONDS).join();
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  void assertNothingMoreWithin(Duration quiet) throws InterruptedException {
    assertThat(received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).isNull();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
