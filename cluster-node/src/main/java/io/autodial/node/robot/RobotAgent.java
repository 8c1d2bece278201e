package io.autodial.node.robot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A robot agent: logs in over HTTP and works calls through the same WebSocket protocol as the
 * browser softphone. Goes ready, talks for a while on each connected call and hangs up (unless the
 * customer did first), picks a disposition after a wrap-up time, and goes on until stopped. Drops
 * of the socket are survived by logging in and connecting again.
 */
public final class RobotAgent {
  private static final Logger log = LoggerFactory.getLogger(RobotAgent.class);
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ScheduledExecutorService TIMERS =
      Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "robot-agents");
        t.setDaemon(true);
        return t;
      });
  private static final Duration RECONNECT = Duration.ofSeconds(1);

  private final URI httpBase;
  private final String username;
  private final String password;
  private final RobotBehaviour behaviour;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, ScheduledFuture<?>> pendingHangups = new ConcurrentHashMap<>();
  private final AtomicInteger offered = new AtomicInteger();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger dispositions = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger reconnects = new AtomicInteger();
  private volatile WebSocket socket;
  private volatile boolean stopped;

  private RobotAgent(URI httpBase, String username, String password, RobotBehaviour behaviour) {
    this.httpBase = httpBase;
    this.username = username;
    this.password = password;
    this.behaviour = behaviour;
  }

  /** Starts working in the background; {@code httpBase} is e.g. {@code http://127.0.0.1:8080}. */
  public static RobotAgent start(URI httpBase, String username, String password, RobotBehaviour behaviour) {
    RobotAgent robot = new RobotAgent(httpBase, username, password, behaviour);
    robot.connect();
    return robot;
  }

  public RobotStats stats() {
    return new RobotStats(offered.get(), connected.get(), dispositions.get(), errors.get(), reconnects.get());
  }

  public String username() {
    return username;
  }

  public void stop() {
    stopped = true;
    WebSocket ws = socket;
    if (ws != null) ws.sendClose(WebSocket.NORMAL_CLOSURE, "robot stopped");
  }

  private void connect() {
    if (stopped) return;
    login()
        .thenCompose(token ->
            HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(httpBase.toString().replaceFirst("^http", "ws") + "/ws/agent"), new Listener())
                .thenAccept(ws -> {
                  socket = ws;
                  send(new AgentClientMessage.Authenticate(nextId(), token));
                }))
        .exceptionally(failure -> {
          log.debug("robot {} could not connect: {}", username, failure.toString());
          reconnectLater();
          return null;
        });
  }

  private CompletionStage<String> login() {
    String body = "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}";
    HttpRequest request =
        HttpRequest.newBuilder(httpBase.resolve("/api/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(10))
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> {
          if (response.statusCode() != 200) throw new IllegalStateException("login of " + username + " refused: " + response.body());
          try {
            return JSON.readTree(response.body()).get("token").asText();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private void reconnectLater() {
    if (stopped) return;
    reconnects.incrementAndGet();
    TIMERS.schedule(this::connect, RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void onMessage(AgentServerMessage message) {
    if (message instanceof AgentServerMessage.Error error) {
      errors.incrementAndGet();
      log.debug("robot {}: server said {}", username, error.message());
    } else if (message instanceof AgentServerMessage.State state) {
      // after a (re)connect, or a pause someone else caused: get back to work
      if (state.status() == AgentStatus.LOGGED_OUT || state.status() == AgentStatus.PAUSED) send(new AgentClientMessage.Ready(nextId()));
    } else if (message instanceof AgentServerMessage.CallOffered) {
      offered.incrementAndGet();
    } else if (message instanceof AgentServerMessage.CallConnected c) {
      connected.incrementAndGet();
      String call = c.call().callUuid();
      pendingHangups.put(call, TIMERS.schedule(() -> {
        pendingHangups.remove(call);
        send(new AgentClientMessage.Hangup(nextId()));
      }, behaviour.talkTime().get().toMillis(), TimeUnit.MILLISECONDS));
    } else if (message instanceof AgentServerMessage.CallEnded ended) {
      ScheduledFuture<?> hangup = pendingHangups.remove(ended.callUuid());
      if (hangup != null) hangup.cancel(false);
    } else if (message instanceof AgentServerMessage.WrapUpStarted wrap) {
      String code = behaviour.disposition().apply(wrap.dispositions());
      TIMERS.schedule(() -> {
        dispositions.incrementAndGet();
        send(new AgentClientMessage.Disposition(nextId(), code, "worked by robot " + username, null, false, false, null));
      }, behaviour.wrapUpTime().get().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void send(AgentClientMessage message) {
    WebSocket ws = socket;
    if (ws == null || stopped) return;
    try {
      String text = JSON.writeValueAsString(message);
      synchronized (this) {
        // the JDK WebSocket allows one outstanding send at a time
        ws.sendText(text, true).join();
      }
    } catch (Exception e) {
      log.debug("robot {} could not send: {}", username, e.toString());
    }
  }

  private String nextId() {
    return username + "-" + ids.incrementAndGet();
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          onMessage(JSON.readValue(text, AgentServerMessage.class));
        } catch (Exception e) {
          errors.incrementAndGet();
          log.debug("robot {}: unreadable message {}: {}", username, text, e.toString());
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      socket = null;
      reconnectLater();
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      socket = null;
      reconnectLater();
    }
  }
}
