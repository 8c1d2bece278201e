package io.autodial.node.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An agent's softphone as a test drives it: logs in, authenticates on {@code /ws/agent}, sends
 * protocol messages and waits for what the node pushes.
 */
public final class AgentSocket implements AutoCloseable {
  private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  /** Arrived and not yet taken by an await, oldest first. */
  private final List<JsonNode> pending = new ArrayList<>();
  private final List<JsonNode> seen = new ArrayList<>();
  private final WebSocket socket;
  private final ApiClient api;
  private int nextId = 1;

  public AgentSocket(URI httpBase, ApiClient loggedInAgent, String token) {
    this.api = loggedInAgent;
    URI ws = URI.create("ws://" + httpBase.getRawAuthority() + "/ws/agent");
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, new Listener()).join();
    String id = send(ApiClient.JSON.createObjectNode().put("type", "authenticate").put("token", token));
    awaitReply(id);
  }

  /** Logs {@code username} in over HTTP and opens its socket. */
  public static AgentSocket open(ApiClient http, String username, String password) {
    ApiClient agent = new ApiClient(new java.net.InetSocketAddress(http.base().getHost(), http.base().getPort()));
    ApiClient.Response login = agent.post("/api/login", ApiClient.JSON.createObjectNode().put("username", username).put("password", password));
    agent.login(username, password);
    return new AgentSocket(http.base(), agent, login.body().get("token").asText());
  }

  /** The agent's own HTTP client, with its token. */
  public ApiClient api() {
    return api;
  }

  /** Sends a message of {@code type} with {@code fields}; returns its id. */
  public String send(String type, Object... fields) {
    ObjectNode m = ApiClient.JSON.createObjectNode().put("type", type);
    for (int i = 0; i < fields.length; i += 2) m.set((String) fields[i], ApiClient.JSON.valueToTree(fields[i + 1]));
    return send(m);
  }

  private synchronized String send(ObjectNode message) {
    String id = "t" + nextId++;
    message.put("id", id);
    socket.sendText(message.toString(), true).join();
    return id;
  }

  /** The ack or error answering message {@code id}. */
  public JsonNode awaitReply(String id) {
    return await(m -> ("ack".equals(m.path("type").asText()) || "error".equals(m.path("type").asText())) && id.equals(m.path("id").asText()), Duration.ofSeconds(10));
  }

  /** Sends and expects an ack. */
  public void ok(String type, Object... fields) {
    JsonNode reply = awaitReply(send(type, fields));
    if (!"ack".equals(reply.path("type").asText())) throw new AssertionError(type + " was refused: " + reply);
  }

  /** The oldest push of {@code type} not yet taken by an await. */
  public JsonNode awaitPush(String type, Duration max) {
    return await(m -> type.equals(m.path("type").asText()), max);
  }

  public JsonNode awaitState(String status, Duration max) {
    return await(m -> "state".equals(m.path("type").asText()) && status.equals(m.path("status").asText()), max);
  }

  /** The oldest message not yet taken that {@code wanted} accepts; others stay for later awaits. */
  public synchronized JsonNode await(Predicate<JsonNode> wanted, Duration max) {
    for (int i = 0; i < pending.size(); i++) if (wanted.test(pending.get(i))) return pending.remove(i);
    long deadline = System.nanoTime() + max.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonNode m = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
        if (m == null) throw new AssertionError("nothing wanted arrived in " + max + "; seen " + seen);
        seen.add(m);
        if (wanted.test(m)) return m;
        pending.add(m);
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done");
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          received.add(ApiClient.JSON.readTree(partial.toString()));
        } catch (Exception e) {
          received.add(ApiClient.JSON.createObjectNode().put("type", "unreadable").put("text", partial.toString()));
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
