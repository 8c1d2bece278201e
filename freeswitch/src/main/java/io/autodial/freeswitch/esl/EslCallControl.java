package io.autodial.freeswitch.esl;

import io.autodial.freeswitch.api.CallControl;
import io.autodial.freeswitch.api.CallControlException;
import io.autodial.freeswitch.api.LiveChannel;
import io.autodial.freeswitch.api.OriginateAccepted;
import io.autodial.freeswitch.api.OriginateRequest;
import io.autodial.protocol.call.SwitchEvent;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@link CallControl} over FreeSWITCH's Event Socket, through the thingscloud ESL client (the
 * maintained descendant of esl-client). Works the same against a real FreeSWITCH and against the
 * built-in simulator.
 */
public final class EslCallControl implements CallControl {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Map<String, SwitchConnection> switches = new LinkedHashMap<>();
  /**
   * The client's calls block until the switch replies (about a millisecond on a LAN); this many
   * run at once, the rest queue. A dropped socket interrupts the ones it strands.
   */
  private static final int COMMAND_THREADS = 16;

  private final ExecutorService commands = Executors.newFixedThreadPool(COMMAND_THREADS, daemon("esl-command"));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemon("esl-timer"));
  private volatile Consumer<SwitchEvent> sink = event -> {};

  private EslCallControl(EslSettings settings) {
    for (SwitchSettings s : settings.switches()) {
      switches.put(s.id(), new SwitchConnection(s, settings, commands, timers, e -> sink.accept(e)));
    }
  }

  /** Connects to every configured switch; connections come up (and come back) in the background. */
  public static EslCallControl start(EslSettings settings) {
    return new EslCallControl(settings);
  }

  @Override
  public void onEvent(Consumer<SwitchEvent> sink) {
    this.sink = sink;
  }

  @Override
  public CompletionStage<OriginateAccepted> originate(OriginateRequest request) {
    SwitchConnection target;
    try {
      target = request.switchId().map(this::connection).orElseGet(this::leastLoaded);
    } catch (CallControlException e) {
      return CompletableFuture.failedFuture(e);
    }
    String argument = OriginateCommand.argument(request, target.settings());
    return target
        .originate(request.uuid(), argument, request.ringTimeout())
        .thenApply(job -> new OriginateAccepted(request.uuid(), target.id(), job));
  }

  @Override
  public CompletionStage<Void> bridge(String switchId, String uuid, String otherUuid) {
    return command(switchId, "uuid_bridge", uuid + " " + otherUuid);
  }

  @Override
  public CompletionStage<Void> hangup(String switchId, String uuid, String cause) {
    return command(switchId, "uuid_kill", uuid + " " + cause);
  }

  @Override
  public CompletionStage<Void> hold(String switchId, String uuid, boolean onHold) {
    return command(switchId, "uuid_hold", onHold ? uuid : "off " + uuid);
  }

  @Override
  public CompletionStage<Void> sendDtmf(String switchId, String uuid, String digits) {
    return command(switchId, "uuid_send_dtmf", uuid + " " + digits);
  }

  @Override
  public CompletionStage<Void> startRecording(String switchId, String uuid, String path) {
    return command(switchId, "uuid_record", uuid + " start " + path);
  }

  @Override
  public CompletionStage<Void> stopRecording(String switchId, String uuid, String path) {
    return command(switchId, "uuid_record", uuid + " stop " + path);
  }

  @Override
  public CompletionStage<Void> playFile(String switchId, String uuid, String path) {
    return command(switchId, "uuid_broadcast", uuid + " " + path + " aleg");
  }

  @Override
  public CompletionStage<List<LiveChannel>> liveChannels(String switchId) {
    try {
      return connection(switchId).liveChannels();
    } catch (CallControlException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public List<String> switchIds() {
    return List.copyOf(switches.keySet());
  }

  @Override
  public void track(String switchId, String uuid) {
    connection(switchId).track(uuid, false);
  }

  /** Whether the Event Socket of {@code switchId} is connected and authenticated right now. */
  public boolean connected(String switchId) {
    return connection(switchId).connected();
  }

  @Override
  public void close() {
    switches.values().forEach(SwitchConnection::close);
    timers.shutdownNow();
    commands.shutdownNow();
  }

  private CompletionStage<Void> command(String switchId, String api, String argument) {
    try {
      return connection(switchId).apiOk(api, argument).thenApply(reply -> null);
    } catch (CallControlException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private SwitchConnection connection(String switchId) {
    SwitchConnection connection = switches.get(switchId);
    if (connection == null) throw new CallControlException("no switch is configured with id " + switchId);
    return connection;
  }

  private SwitchConnection leastLoaded() {
    return switches.values().stream()
        .filter(SwitchConnection::connected)
        .min(Comparator.comparingInt(SwitchConnection::liveLegs))
        .orElseThrow(() -> new CallControlException("no switch is connected"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
