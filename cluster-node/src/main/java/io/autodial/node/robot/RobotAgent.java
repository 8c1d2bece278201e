package io.autodial.node.robot;

import io.autodial.http.Json;
import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import io.autodial.protocol.agent.CallDetails;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A robot that works as an agent through the same protocol as the agent page ({@code
 * protocol/AGENT-PROTOCOL.md}): logs in over HTTP, authenticates on {@code /ws/agent}, goes ready,
 * talks for {@link RobotBehaviour#talkTime()}, hangs up, dispositions after {@link
 * RobotBehaviour#wrapUpTime()}, and again, until {@link #stop()}. A dropped socket is reopened and
 * re-authenticated; the robot then carries on from the state the node pushes.
 *
 * <p>Many robots share two timer threads, so a benchmark can run hundreds. Each robot decides under
 * its own lock, one event at a time; the socket's callbacks only hand events over, and nothing
 * blocks (sends are chained, login is asynchronous).
 */
public final class RobotAgent {
  private static final Logger log = LoggerFactory.getLogger(RobotAgent.class);
  private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(200);
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(5);

  private final URI httpBase;
  private final String username;
  private final String password;
  private final RobotBehaviour behaviour;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ScheduledExecutorService TIMERS =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "robot-agents");
            t.setDaemon(true);
            return t;
          });

  private final AtomicInteger callsOffered = new AtomicInteger();
  private final AtomicInteger callsConnected = new AtomicInteger();
  private final AtomicInteger hangupsSent = new AtomicInteger();
  private final AtomicInteger dispositionsSent = new AtomicInteger();
  private final AtomicInteger errorsReceived = new AtomicInteger();
  private final AtomicInteger reconnects = new AtomicInteger();
  private final AtomicInteger previewsDialed = new AtomicInteger();
  private final AtomicInteger previewsSkipped = new AtomicInteger();
  /** The preview uuid last answered, so a preview pushed twice (preview, then state) is answered once. */
  private String previewAnswered;
  private final ConcurrentLinkedQueue<Duration> offerToConnect = new ConcurrentLinkedQueue<>();

  // Guarded by this: only touched in onRobot / later.
  private String token;
  private WebSocket socket;
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
  private int nextId = 1;
  private String authenticateId;
  private String readyId;
  private Duration reconnectDelay = FIRST_RECONNECT_DELAY;
  private boolean stopped;
  private CallProgress call;

  private RobotAgent(URI httpBase, String username, String password, RobotBehaviour behaviour) {
    this.httpBase = httpBase;
    this.username = username;
    this.password = password;
    this.behaviour = behaviour;
  }

  /** Logs in and starts working in the background; login or connection failures are retried. */
  public static RobotAgent start(URI httpBase, String username, String password, RobotBehaviour behaviour) {
    RobotAgent robot = new RobotAgent(httpBase, username, password, behaviour);
    robot.onRobot(robot::connect);
    return robot;
  }

  public RobotStats stats() {
    return new RobotStats(
        callsOffered.get(), callsConnected.get(), hangupsSent.get(), dispositionsSent.get(), errorsReceived.get(), reconnects.get(),
        List.copyOf(offerToConnect));
  }

  public String username() {
    return username;
  }

  /**
   * Stops working and closes the socket. The agent keeps its state on the node, as when a browser
   * closes (a call in progress stays up).
   */
  public void stop() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    onRobot(
        () -> {
          stopped = true;
          if (call != null) call.ended();
          WebSocket open = socket;
          socket = null;
          if (open != null)
            lastSend.handle((r, e) -> open.sendClose(WebSocket.NORMAL_CLOSURE, "robot stopped")).whenComplete((r, e) -> closed.complete(null));
          else closed.complete(null);
        });
    try {
      closed.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing is best effort: the node notices the dropped socket either way
    }
  }

  // ---- connecting -------------------------------------------------------------------------------

  private void connect() {
    if (stopped) return;
    if (token == null) {
      AgentLogin.token(HTTP, httpBase, username, password)
          .whenComplete((loggedIn, failure) -> onRobot(() -> {
            if (failure != null) {
              log.debug("robot {} could not log in: {}", username, failure.toString());
              reconnectLater();
            } else {
              token = loggedIn;
              connect();
            }
          }));
      return;
    }
    HTTP.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .buildAsync(AgentLogin.socketUri(httpBase), new Listener())
        .whenComplete((opened, failure) -> onRobot(() -> {
              if (failure != null) {
                log.debug("robot {} could not connect: {}", username, failure.toString());
                reconnectLater();
                return;
              }
              if (stopped) {
                opened.sendClose(WebSocket.NORMAL_CLOSURE, "robot stopped");
                return;
              }
              socket = opened;
              lastSend = CompletableFuture.completedFuture(null);
              authenticateId = send(id -> new AgentClientMessage.Authenticate(id, token));
            }));
  }

  /** Runs a step of the robot's logic, one at a time per robot. */
  private void onRobot(Runnable step) {
    TIMERS.execute(() -> runLocked(step));
  }

  private ScheduledFuture<?> later(Duration delay, Runnable step) {
    return TIMERS.schedule(() -> runLocked(step), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void runLocked(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.warn("robot {} failed a step", username, e);
    }
  }

  private void reconnectLater() {
    if (stopped) return;
    reconnects.incrementAndGet();
    Duration delay = reconnectDelay;
    reconnectDelay = reconnectDelay.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY : reconnectDelay.multipliedBy(2);
    later(delay, this::connect);
  }

  private void onClosed(WebSocket which) {
    if (which != socket) return; // an older socket, or stop() already let it go
    socket = null;
    authenticateId = null;
    readyId = null;
    previewAnswered = null; // the answer may be lost with the socket: the state pushed again decides
    // What was planned or sent for the call may be lost with the socket: forget it, and let the
    // state pushed after re-authenticating (ON_CALL or WRAP_UP) drive it again.
    if (call != null) call.forgetPlans();
    reconnectLater();
  }

  // ---- the protocol -----------------------------------------------------------------------------

  private void onMessage(AgentServerMessage message) {
    if (stopped) return;
    if (message instanceof AgentServerMessage.Ack ack) onAck(ack);
    else if (message instanceof AgentServerMessage.Error error) onError(error);
    else if (message instanceof AgentServerMessage.State state) onState(state);
    else if (message instanceof AgentServerMessage.CallOffered offered) onOffered(offered.call().callUuid());
    else if (message instanceof AgentServerMessage.CallConnected connected) onConnected(connected.call().callUuid());
    else if (message instanceof AgentServerMessage.CallEnded ended) call(ended.callUuid()).ended();
    else if (message instanceof AgentServerMessage.WrapUpStarted wrapUp) dispositionLater(wrapUp.callUuid(), wrapUp.dispositions());
    else if (message instanceof AgentServerMessage.Preview preview) answerPreview(preview.call());
  }

  private void onAck(AgentServerMessage.Ack ack) {
    if (ack.id().equals(authenticateId)) reconnectDelay = FIRST_RECONNECT_DELAY;
    if (ack.id().equals(readyId)) readyId = null;
  }

  private void onError(AgentServerMessage.Error error) {
    errorsReceived.incrementAndGet();
    if (error.id() != null && error.id().equals(authenticateId)) token = null; // log in again on reconnect
    if (error.id() != null && error.id().equals(readyId)) readyId = null;
  }

  /** The node's word on where the agent is; after a reconnect this is how the robot picks up. */
  private void onState(AgentServerMessage.State state) {
    AgentStatus status = state.status();
    if ((status == AgentStatus.LOGGED_OUT || status == AgentStatus.PAUSED) && readyId == null)
      readyId = send(AgentClientMessage.Ready::new);
    CallDetails call = state.call();
    if (call == null) return;
    if (status == AgentStatus.PREVIEW) answerPreview(call);
    if (status == AgentStatus.ON_CALL) hangupLater(call(call.callUuid()));
    if (status == AgentStatus.WRAP_UP) dispositionLater(call.callUuid(), call.dispositions());
  }

  /** Preview mode: dial the lead, or skip a share of them, as an agent reading the screen would. */
  private void answerPreview(CallDetails preview) {
    if (preview.callUuid().equals(previewAnswered)) return;
    previewAnswered = preview.callUuid();
    if (java.util.concurrent.ThreadLocalRandom.current().nextDouble() < behaviour.previewSkipShare()) {
      previewsSkipped.incrementAndGet();
      send(id -> new AgentClientMessage.PreviewSkip(id, "robot skipped"));
    } else {
      previewsDialed.incrementAndGet();
      send(AgentClientMessage.PreviewDial::new);
    }
  }

  /** Previews this robot dialed and skipped. */
  public int previewsDialed() {
    return previewsDialed.get();
  }

  public int previewsSkipped() {
    return previewsSkipped.get();
  }

  private void onOffered(String callUuid) {
    callsOffered.incrementAndGet();
    call(callUuid).offeredAtNanos = System.nanoTime();
  }

  private void onConnected(String callUuid) {
    CallProgress progress = call(callUuid);
    if (progress.connectedCounted) return;
    progress.connectedCounted = true;
    callsConnected.incrementAndGet();
    if (progress.offeredAtNanos != 0) offerToConnect.add(Duration.ofNanos(System.nanoTime() - progress.offeredAtNanos));
    hangupLater(progress);
  }

  private void hangupLater(CallProgress progress) {
    if (progress.hangup != null || progress.isEnded) return;
    progress.hangup =
        later(
            behaviour.talkTime().get(),
            () -> {
              if (stopped || progress.isEnded || call != progress) return;
              send(AgentClientMessage.Hangup::new);
              hangupsSent.incrementAndGet();
            });
  }

  private void dispositionLater(String callUuid, List<String> dispositions) {
    CallProgress progress = call(callUuid);
    progress.ended();
    if (progress.disposition != null) return; // wrapUpStarted and the WRAP_UP state both say so
    String code = behaviour.disposition().apply(dispositions);
    progress.disposition =
        later(
            behaviour.wrapUpTime().get(),
            () -> {
              if (stopped || call != progress) return;
              send(id -> new AgentClientMessage.Disposition(id, code, "worked by robot " + username, null, false, false, null));
              dispositionsSent.incrementAndGet();
            });
  }

  /** The call in progress; an agent has one at a time, so a new uuid starts afresh. */
  private CallProgress call(String callUuid) {
    if (call == null || !call.uuid.equals(callUuid)) call = new CallProgress(callUuid);
    return call;
  }

  /** What the robot has seen and planned for one call. */
  private static final class CallProgress {
    final String uuid;
    long offeredAtNanos;
    boolean connectedCounted;
    ScheduledFuture<?> hangup;
    boolean isEnded;
    /** Planned or sent; kept after sending so duplicate events do not send twice. */
    ScheduledFuture<?> disposition;

    CallProgress(String uuid) {
      this.uuid = uuid;
    }

    /** The call is over (the customer may have hung up first): no hangup to send. */
    void ended() {
      isEnded = true;
      if (hangup != null) hangup.cancel(false);
    }

    void forgetPlans() {
      if (hangup != null) hangup.cancel(false);
      if (disposition != null) disposition.cancel(false);
      hangup = null;
      disposition = null;
    }
  }

  /** Sends a message with a fresh id; sends are chained because the JDK socket takes one at a time. */
  private String send(java.util.function.Function<String, AgentClientMessage> message) {
    String id = username + "-" + nextId++;
    WebSocket target = socket;
    if (target == null) return id;
    String json;
    try {
      json = Json.MAPPER.writerFor(AgentClientMessage.class).writeValueAsString(message.apply(id));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    lastSend = lastSend.handle((r, e) -> null).thenCompose(ignored -> target.sendText(json, true));
    return id;
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        onRobot(() -> onText(text));
      }
      webSocket.request(1);
      return null;
    }

    private void onText(String text) {
      try {
        onMessage(Json.MAPPER.readValue(text, AgentServerMessage.class));
      } catch (Exception e) {
        errorsReceived.incrementAndGet(); // a message the robot cannot read counts as an error
        log.debug("robot {}: unreadable message {}: {}", username, text, e.toString());
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      onRobot(() -> onClosed(webSocket));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      onRobot(() -> onClosed(webSocket));
    }
  }
}
