package io.autodial.freeswitch.esl;

import io.autodial.freeswitch.api.CallControlException;
import io.autodial.freeswitch.api.LiveChannel;
import io.autodial.protocol.call.SwitchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import link.thingscloud.freeswitch.esl.InboundClient;
import link.thingscloud.freeswitch.esl.inbound.option.ConnectState;
import link.thingscloud.freeswitch.esl.inbound.option.ServerOption;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One switch as this node sees it: its Event Socket connection, the legs this node follows on it,
 * and what happens when the connection drops (reconnect with backoff, then reconcile).
 */
final class SwitchConnection {
  private static final Logger log = LoggerFactory.getLogger(SwitchConnection.class);
  private static final Duration AUTH_WAIT = Duration.ofSeconds(30);

  private final SwitchSettings settings;
  private final String address;
  private final EslSettings eslSettings;
  private final ExecutorService commands;
  private final ScheduledExecutorService timers;
  private final Consumer<SwitchEvent> sink;
  private final Map<String, TrackedLeg> legs = new ConcurrentHashMap<>();
  private final SessionRateLimiter rateLimiter;
  private final InboundClient client;
  /** Threads blocked in the client's synchronous calls: released when the socket drops. */
  private final Set<Thread> waitingForReplies = ConcurrentHashMap.newKeySet();
  private volatile int backoffSeconds = 1;
  private volatile boolean closed;
  /** Events are subscribed on the current socket: only then is the switch used for new calls. */
  private volatile boolean eventsFlowing;

  SwitchConnection(
      SwitchSettings settings,
      EslSettings eslSettings,
      ExecutorService commands,
      ScheduledExecutorService timers,
      Consumer<SwitchEvent> sink) {
    this.settings = settings;
    this.address = settings.address();
    this.eslSettings = eslSettings;
    this.commands = commands;
    this.timers = timers;
    this.sink = sink;
    this.rateLimiter = new SessionRateLimiter(settings.sessionsPerSecond());
    this.client = SharedInboundClient.register(this);
  }

  SwitchSettings settings() {
    return settings;
  }

  String address() {
    return address;
  }

  String id() {
    return settings.id();
  }

  /** Authenticated and subscribed: a call placed now is followed from its first event. */
  boolean connected() {
    return eventsFlowing && authenticated();
  }

  private boolean authenticated() {
    ServerOption option = SharedInboundClient.serverOption(address);
    return option != null && option.state() == ConnectState.AUTHED;
  }

  int liveLegs() {
    return legs.size();
  }

  void track(String uuid, boolean jobPending) {
    legs.putIfAbsent(uuid, new TrackedLeg(uuid, jobPending));
  }

  void forget(String uuid) {
    TrackedLeg leg = legs.remove(uuid);
    if (leg != null) leg.cancelDeadline();
  }

  /** Sends {@code bgapi originate} once the sessions-per-second budget allows it. */
  CompletableFuture<String> originate(String uuid, String argument, Duration ringTimeout) {
    track(uuid, true);
    CompletableFuture<String> accepted = new CompletableFuture<>();
    long delayNanos = rateLimiter.reserve(System.nanoTime());
    timers.schedule(
        () ->
            commands.execute(
                () -> {
                  try {
                    String jobUuid = awaitingReply(() -> client.sendAsyncApiCommand(address, "originate", argument));
                    armJobDeadline(uuid, ringTimeout.plus(eslSettings.originateGrace()));
                    accepted.complete(jobUuid);
                  } catch (RuntimeException e) {
                    forget(uuid);
                    accepted.completeExceptionally(
                        new CallControlException("switch " + id() + " did not take the originate: " + e.getMessage(), e));
                  }
                }),
        delayNanos,
        TimeUnit.NANOSECONDS);
    return accepted.orTimeout(eslSettings.commandTimeout().toMillis() + TimeUnit.NANOSECONDS.toMillis(delayNanos), TimeUnit.MILLISECONDS);
  }

  /** Runs a synchronous {@code api} command; fails unless the reply starts with {@code +OK}. */
  CompletableFuture<String> apiOk(String command, String argument) {
    return api(command, argument)
        .thenApply(
            reply -> {
              if (!reply.startsWith("+OK"))
                throw new CallControlException(
                    "switch " + id() + " refused " + command + " " + argument + ": " + reply.trim());
              return reply;
            });
  }

  CompletableFuture<String> api(String command, String argument) {
    // the client's synchronous call blocks until the reply arrives and would never return if the
    // socket dropped meanwhile; it runs on the command pool and a drop interrupts it
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                EslMessage reply = awaitingReply(() -> client.sendSyncApiCommand(address, command, argument));
                return String.join("\n", reply.getBodyLines());
              } catch (RuntimeException e) {
                throw new CallControlException(
                    "switch " + id() + " could not run " + command + ": " + e.getMessage(), e);
              }
            },
            commands)
        .orTimeout(eslSettings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  CompletableFuture<List<LiveChannel>> liveChannels() {
    return api("show", "channels").thenApply(ShowChannels::parse);
  }

  /**
   * Runs one of the client's blocking calls, registered so that a dropped socket interrupts it:
   * the client would otherwise wait forever for a reply that cannot come.
   */
  private <T> T awaitingReply(java.util.function.Supplier<T> call) {
    Thread me = Thread.currentThread();
    waitingForReplies.add(me);
    try {
      return call.get();
    } finally {
      waitingForReplies.remove(me);
      Thread.interrupted(); // a late interrupt must not leak into the pool's next task
    }
  }

  // ---- events, on the socket's thread: translate, update what we know, hand over ----

  void onEslEvent(EslEvent event) {
    if (closed) return;
    EslEventTranslator.translate(id(), event).ifPresent(this::route);
  }

  private void route(SwitchEvent event) {
    if (event instanceof SwitchEvent.Bridged b) {
      // fired once, on the originator leg: the other leg learns of it too
      deliver(b);
      deliver(new SwitchEvent.Bridged(b.otherUuid(), b.switchId(), b.atMicros(), b.uuid()));
    } else if (event instanceof SwitchEvent.Unbridged u) {
      deliver(u);
      deliver(new SwitchEvent.Unbridged(u.otherUuid(), u.switchId(), u.atMicros(), u.uuid()));
    } else {
      deliver(event);
    }
  }

  private void deliver(SwitchEvent event) {
    TrackedLeg leg = event.uuid() == null ? null : legs.get(event.uuid());
    if (leg == null) return;
    leg.seen = true;
    if (event instanceof SwitchEvent.Answered) leg.answered = true;
    if (event instanceof SwitchEvent.HungUp) leg.hungUp = true;
    if (event instanceof SwitchEvent.OriginateCompleted) {
      leg.jobPending = false;
      leg.cancelDeadline();
    }
    if (leg.finished()) legs.remove(leg.uuid, leg);
    sink.accept(event);
  }

  private void armJobDeadline(String uuid, Duration after) {
    TrackedLeg leg = legs.get(uuid);
    if (leg == null || !leg.jobPending) return;
    leg.jobDeadline =
        timers.schedule(
            () -> {
              if (leg.jobPending) {
                log.warn("switch {}: originate job for {} unanswered after {}; reporting it LOST", id(), uuid, after);
                deliver(new SwitchEvent.OriginateCompleted(uuid, id(), nowMicros(), false, "LOST"));
              }
            },
            after.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  // ---- connection lifecycle ----

  void onSocketClosed(ServerOption option) {
    if (closed) return;
    log.warn("switch {} ({}): ESL connection closed; reconnecting in {} s", id(), address, backoffSeconds);
    eventsFlowing = false;
    waitingForReplies.forEach(Thread::interrupt);
    option.timeoutSeconds(backoffSeconds);
    backoffSeconds = (int) Math.min(backoffSeconds * 2L, Math.max(1, eslSettings.maxReconnectBackoff().toSeconds()));
  }

  void onSocketOpened() {
    if (closed) return;
    commands.execute(this::reconcileWhenAuthenticated);
  }

  /**
   * After a (re)connect: wait for authentication, make sure events flow, then compare every leg
   * this node follows with what the switch has. A leg the switch no longer has hung up while we
   * were away; a leg it shows as answered was answered while we were away.
   */
  private void reconcileWhenAuthenticated() {
    long deadline = System.nanoTime() + AUTH_WAIT.toNanos();
    while (!authenticated()) {
      if (closed || System.nanoTime() > deadline) return;
      sleepQuietly(20);
    }
    try {
      client.setEventSubscriptions(address, "plain", String.join(" ", EslEventTranslator.SUBSCRIPTIONS));
      eventsFlowing = true;
      // only legs the switch had shown before the query can be judged by its answer: a leg that
      // shows up meanwhile may be missing from it and still be alive
      List<TrackedLeg> followed = legs.values().stream().filter(leg -> leg.seen).toList();
      List<LiveChannel> live = liveChannels().get(eslSettings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
      reconcile(followed, live);
      backoffSeconds = 1;
      log.info("switch {} ({}): connected; {} followed legs reconciled against {} live channels", id(), address, legs.size(), live.size());
    } catch (Exception e) {
      log.warn("switch {}: reconciliation failed, will retry on the next connect: {}", id(), e.toString());
    }
  }

  private void reconcile(List<TrackedLeg> followed, List<LiveChannel> live) {
    Map<String, LiveChannel> byUuid = live.stream().collect(Collectors.toMap(LiveChannel::uuid, c -> c, (a, b) -> a));
    for (TrackedLeg leg : followed) {
      LiveChannel channel = byUuid.get(leg.uuid);
      if (channel == null) {
        // a leg never seen is judged by its job deadline instead, should it never show
        if (leg.hungUp) continue;
        leg.hungUp = true;
        leg.jobPending = false;
        leg.cancelDeadline();
        legs.remove(leg.uuid, leg);
        sink.accept(new SwitchEvent.ChannelLost(leg.uuid, id(), nowMicros()));
      } else if (channel.answered() && !leg.answered) {
        deliver(new SwitchEvent.Answered(leg.uuid, id(), nowMicros()));
      }
    }
  }

  void close() {
    closed = true;
    legs.values().forEach(TrackedLeg::cancelDeadline);
    SharedInboundClient.unregister(this);
  }

  private static long nowMicros() {
    return System.currentTimeMillis() * 1000;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
