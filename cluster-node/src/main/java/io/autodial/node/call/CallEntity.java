package io.autodial.node.call;

import io.autodial.freeswitch.api.CallControl;
import io.autodial.freeswitch.api.LiveChannel;
import io.autodial.freeswitch.api.OriginateRequest;
import io.autodial.freeswitch.api.OriginateRequest.LegKind;
import io.autodial.node.campaign.pacing.PacingConfig;
import io.autodial.node.metrics.CallMetrics;
import io.autodial.protocol.CborSerializable;
import io.autodial.protocol.call.SwitchEvent;
import io.autodial.protocol.call.SwitchEvent.AmdResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One call leg, from the originate to the hangup: it asks the switch to dial, persists what the
 * switch reports about the leg, and after a node restart comes back (remembered by sharding) to
 * check its channel against the switch. The entity id is the leg's uuid on the switch.
 */
public final class CallEntity
    extends EventSourcedBehaviorWithEnforcedReplies<CallEntity.Command, CallEntity.Event, CallEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Call");
  public static final List<String> TAGS = List.of("call-0", "call-1", "call-2", "call-3");

  /** After a failed originate job, how long to wait for the channel's own hangup report. */
  static final Duration FAILED_JOB_SETTLE = Duration.ofSeconds(3);
  /** How often, and how many times, a recovered call retries checking its channel. */
  static final Duration CHANNEL_CHECK_RETRY = Duration.ofSeconds(1);
  static final int CHANNEL_CHECK_ATTEMPTS = 30;
  /**
   * A live answer not connected to an agent within this is abandoned. The FCC/TSR rule allows 2
   * seconds, but the safe-harbor message must also start within those 2 seconds: deciding at 1.5 s
   * leaves the persist and the switch's round trip half a second to start it in time.
   */
  public static final Duration ABANDON_AFTER = Duration.ofMillis(1500);
  /** How long an answer waits for the AMD verdict before it is taken as a person's. */
  public static final Duration DEFAULT_AMD_TIMEOUT = Duration.ofSeconds(4);
  /** A machine whose beep is not heard within this gets its message anyway. */
  static final Duration BEEP_WAIT = Duration.ofSeconds(10);
  /** A message whose end the switch never reports is cut off after this. */
  static final Duration MESSAGE_MAX = Duration.ofMinutes(2);
  /** An unanswered call is not hung up by the dialer before it has rung this long (FCC, TSR, Ofcom). */
  static final Duration MIN_RING_BEFORE_DROP = Duration.ofMillis(PacingConfig.MIN_RING_BEFORE_DROP);

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  public record Dial(DialSpec spec, ActorRef<DialReply> replyTo) implements Command {}

  public record Hangup(String cause, ActorRef<Ack> replyTo) implements Command {}

  public record GetCall(ActorRef<CallSnapshot> replyTo) implements Command {}

  /** A typed switch event for this leg, routed here by the ESL layer. */
  public record SwitchEventReceived(SwitchEvent event) implements Command {}

  /** The campaign chose an agent for this answered call: bridge it to the agent's parked leg. */
  public record ConnectAgent(String agentId, String agentLegUuid, ActorRef<Ack> replyTo) implements Command {}

  /** The agent closed wrap-up with a disposition. */
  public record RecordDisposition(
      String agentId, String code, String notes, Instant callbackAt, boolean dnc, ActorRef<Ack> replyTo)
      implements Command {}

  /**
   * Predictive pacing would rather this call were not answered (no agent is likely to be free):
   * it is hung up unanswered once it has rung {@link #MIN_RING_BEFORE_DROP}, at once if it has. A
   * call already answered is kept; one answered before the drop is due is kept too.
   */
  public record DropUnanswered(ActorRef<Ack> replyTo) implements Command {}

  /** A drop asked for before the minimum ring is due now. */
  record DropDue() implements Command {}

  /** No agent took the answered call in time. */
  record AbandonIfUnconnected() implements Command {}

  /** Recovered with an agent assigned but no bridge: the node died between the two. */
  record AbandonUnbridged() implements Command {}

  /** AMD gave no verdict in time: the answer is taken as a person's. */
  record AmdTimedOut() implements Command {}

  /** A machine's beep did not come: its message is played anyway. */
  record BeepWaitOver() implements Command {}

  /** The switch never said the message ended: the call is hung up. */
  record MessageOverdue() implements Command {}

  record OriginateSent(String switchId, String jobUuid) implements Command {}

  record OriginateRefused(String reason) implements Command {}

  record ChannelChecked(String switchId, boolean present, boolean answered) implements Command {}

  record ChannelCheckFailed(int attempt) implements Command {}

  record CheckChannel(int attempt) implements Command {}

  record SettleFailedJob() implements Command {}

  /**
   * What to dial: a customer's number or an agent's extension, with the leg's own ring timeout,
   * and why it is dialed.
   */
  public record DialSpec(
      LegKind kind,
      String destination,
      String callerIdNumber,
      String callerIdName,
      Duration ringTimeout,
      Map<String, String> variables,
      CallContext context)
      implements CborSerializable {
    public static DialSpec customer(String number, String callerId, Duration ringTimeout) {
      return new DialSpec(LegKind.CUSTOMER, number, callerId, "", ringTimeout, Map.of(), CallContext.NONE);
    }

    public static DialSpec agentLeg(String agentId, Duration ringTimeout) {
      return new DialSpec(LegKind.AGENT, agentId, "", "", ringTimeout, Map.of(), CallContext.agentLeg(agentId));
    }

    public DialSpec withVariables(Map<String, String> vars) {
      return new DialSpec(kind, destination, callerIdNumber, callerIdName, ringTimeout, vars, context);
    }

    public DialSpec withContext(CallContext ctx) {
      return new DialSpec(kind, destination, callerIdNumber, callerIdName, ringTimeout, variables, ctx);
    }
  }

  public sealed interface DialReply extends CborSerializable {}

  public record DialAccepted(String uuid) implements DialReply {}

  public record DialRejected(String reason) implements DialReply {}

  public record Ack(boolean ok, String message) implements CborSerializable {}

  /** {@code call} is null when nothing was dialed under this id. */
  public record CallSnapshot(String uuid, CallInfo call) implements CborSerializable {
    public Optional<CallInfo.Phase> phase() {
      return call == null ? Optional.empty() : Optional.of(call.phase());
    }
  }

  // ---- events ----

  public sealed interface Event extends CborSerializable {
    Instant at();
  }

  public record DialRequested(String uuid, DialSpec spec, Instant at) implements Event {}

  public record Dialed(String switchId, String jobUuid, Instant at) implements Event {}

  /** No channel was ever created: the switch or the ESL layer refused the originate. */
  public record DialFailed(String cause, Instant at) implements Event {}

  public record Ringing(Instant at) implements Event {}

  public record Answered(Instant at) implements Event {}

  public record AmdDetected(AmdResult result, String source, Instant at) implements Event {}

  /**
   * With AMD on, the answer is a live person's from now: {@code basis} HUMAN or NOTSURE (AMD's
   * verdict), AMD_TIMEOUT (no verdict in time) or AMD_UNHEARD (answered while nobody listened).
   * The 2-second abandonment clock starts here, at the end of the greeting.
   */
  public record LiveAnswerConfirmed(String basis, Instant at) implements Event {}

  /** A recorded message started playing to the callee (a broadcast, or a machine after its beep). */
  public record MessageStarted(String path, Instant at) implements Event {}

  /** The message played to its end. */
  public record MessagePlayed(String path, Instant at) implements Event {}

  public record Bridged(String otherUuid, Instant at) implements Event {}

  public record Unbridged(String otherUuid, Instant at) implements Event {}

  public record RecordingStarted(String path, Instant at) implements Event {}

  /** The campaign gave this answered call to an agent; the bridge was requested. */
  public record AgentAssigned(String agentId, String agentLegUuid, Instant at) implements Event {}

  /** Nobody took the answered call within the abandonment threshold: we hung up on a live person. */
  public record Abandoned(Instant at) implements Event {}

  /** The callee pressed the opt-out digit during the safe-harbor message. */
  public record OptedOut(String digit, Instant at) implements Event {}

  public record Dispositioned(String agentId, String code, String notes, Instant callbackAt, boolean dnc, Instant at)
      implements Event {}

  /** The originate job reported failure ({@code LOST}: it never reported at all). */
  public record OriginateJobFailed(String cause, Instant at) implements Event {}

  public record HungUp(String cause, int sipStatus, long durationSec, long billSec, Instant at)
      implements Event {}

  // ---- state ----

  public sealed interface State extends CborSerializable {}

  public record Idle() implements State {}

  public record Active(CallInfo call) implements State {}

  public record Ended(CallInfo call) implements State {}

  // ---- wiring ----

  /** {@code timeScale}: above 1 only against a time-scaled simulator; the 2-second rule and the AMD timeout shrink with it. */
  public static void init(ActorSystem<?> system, CallControl callControl, CallListener listener, double timeScale) {
    var config = system.settings().config();
    Duration amdTimeout = scaled(
        config.hasPath("autodial.calls.amd-timeout") ? config.getDuration("autodial.calls.amd-timeout") : DEFAULT_AMD_TIMEOUT, timeScale);
    Duration abandonAfter = scaled(ABANDON_AFTER, timeScale);
    Duration minRing = scaled(MIN_RING_BEFORE_DROP, timeScale);
    ClusterSharding.get(system)
        .init(
            Entity.of(
                    ENTITY_KEY,
                    ctx -> create(ctx.getEntityId(), callControl, listener, Optional.of(ctx.getShard()), amdTimeout, abandonAfter, minRing))
                // a node that restarts brings its live calls back to reconcile them
                .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
  }

  private static Duration scaled(Duration d, double timeScale) {
    return Duration.ofNanos((long) (d.toNanos() / timeScale));
  }

  public static Behavior<Command> create(
      String uuid,
      CallControl callControl,
      CallListener listener,
      Optional<ActorRef<ClusterSharding.ShardCommand>> shard) {
    return create(uuid, callControl, listener, shard, DEFAULT_AMD_TIMEOUT);
  }

  public static Behavior<Command> create(
      String uuid,
      CallControl callControl,
      CallListener listener,
      Optional<ActorRef<ClusterSharding.ShardCommand>> shard,
      Duration amdTimeout) {
    return create(uuid, callControl, listener, shard, amdTimeout, ABANDON_AFTER, MIN_RING_BEFORE_DROP);
  }

  public static Behavior<Command> create(
      String uuid,
      CallControl callControl,
      CallListener listener,
      Optional<ActorRef<ClusterSharding.ShardCommand>> shard,
      Duration amdTimeout,
      Duration abandonAfter,
      Duration minRingBeforeDrop) {
    return Behaviors.setup(
        ctx -> Behaviors.withTimers(timers ->
            new CallEntity(uuid, callControl, listener, shard, amdTimeout, abandonAfter, minRingBeforeDrop, ctx, timers)));
  }

  public static String tagFor(String uuid) {
    return TAGS.get(Math.floorMod(uuid.hashCode(), TAGS.size()));
  }

  private final String uuid;
  private final CallControl callControl;
  private final CallListener listener;
  private final Optional<ActorRef<ClusterSharding.ShardCommand>> shard;
  private final Duration amdTimeout;
  private final Duration abandonAfter;
  private final Duration minRingBeforeDrop;
  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;

  private CallEntity(
      String uuid,
      CallControl callControl,
      CallListener listener,
      Optional<ActorRef<ClusterSharding.ShardCommand>> shard,
      Duration amdTimeout,
      Duration abandonAfter,
      Duration minRingBeforeDrop,
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers) {
    super(PersistenceId.of(ENTITY_KEY.name(), uuid));
    this.amdTimeout = amdTimeout;
    this.abandonAfter = abandonAfter;
    this.minRingBeforeDrop = minRingBeforeDrop;
    this.uuid = uuid;
    this.callControl = callControl;
    this.listener = listener;
    this.shard = shard;
    this.ctx = ctx;
    this.timers = timers;
  }

  @Override
  public State emptyState() {
    return new Idle();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tagFor(uuid));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            state -> {
              if (state instanceof Active active) {
                checkChannel(active.call(), 1);
                CallInfo call = active.call();
                if (awaitsAgent(call)) startAbandonTimer(call);
                if (assignedButUnbridged(call)) ctx.getSelf().tell(new AbandonUnbridged());
                if (awaitingAmd(call)) startAmdTimer(call);
                if (awaitingBeep(call)) timers.startSingleTimer(new BeepWaitOver(), BEEP_WAIT);
                if (call.message() != null && call.messagePlayedAt() == null) timers.startSingleTimer(new MessageOverdue(), MESSAGE_MAX);
              } else if (state instanceof Ended) {
                passivate();
              }
            })
        .build();
  }

  // ---- commands, per state ----

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    CommandHandlerWithReplyBuilder<Command, Event, State> builder = newCommandHandlerWithReplyBuilder();
    builder
        .forStateType(Idle.class)
        .onCommand(Dial.class, this::dial)
        .onCommand(GetCall.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new CallSnapshot(uuid, null)))
        .onCommand(Hangup.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "no call " + uuid)))
        .onCommand(DropUnanswered.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "no call " + uuid)))
        .onCommand(ConnectAgent.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "no call " + uuid)))
        .onCommand(RecordDisposition.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "no call " + uuid)))
        .onAnyCommand(cmd -> Effect().noReply());
    builder
        .forStateType(Active.class)
        .onCommand(Dial.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new DialRejected("call " + uuid + " was already dialed")))
        .onCommand(GetCall.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new CallSnapshot(uuid, state.call())))
        .onCommand(Hangup.class, this::hangup)
        .onCommand(DropUnanswered.class, this::dropUnanswered)
        .onCommand(DropDue.class, (state, cmd) -> Effect().none().thenRun(s -> dropIfUnanswered(state.call())).thenNoReply())
        .onCommand(ConnectAgent.class, this::connectAgent)
        // the agent may finish before the switch's hangup report reaches this call (a restart
        // delays it): the disposition is kept all the same
        .onCommand(RecordDisposition.class, (state, cmd) -> recordDisposition(state.call(), cmd))
        .onCommand(AbandonIfUnconnected.class, this::abandonIfUnconnected)
        .onCommand(AbandonUnbridged.class, this::abandonUnbridged)
        .onCommand(AmdTimedOut.class, this::amdTimedOut)
        .onCommand(BeepWaitOver.class, this::beepWaitOver)
        .onCommand(MessageOverdue.class, (state, cmd) ->
            Effect().none().thenRun(s -> hangUp(state.call())).thenNoReply())
        .onCommand(SwitchEventReceived.class, (state, cmd) -> onSwitchEvent(state.call(), cmd.event()))
        .onCommand(OriginateSent.class, (state, cmd) ->
            state.call().switchId() != null ? Effect().noReply() : Effect().persist(new Dialed(cmd.switchId(), cmd.jobUuid(), Instant.now())).thenNoReply())
        .onCommand(OriginateRefused.class, (state, cmd) -> Effect().persist(new DialFailed(cmd.reason(), Instant.now())).thenRun(this::ended).thenNoReply())
        .onCommand(SettleFailedJob.class, (state, cmd) -> endWithoutSwitchReport(state.call(), state.call().jobFailureCause()))
        .onCommand(CheckChannel.class, (state, cmd) -> Effect().none().thenRun(s -> checkChannel(state.call(), cmd.attempt())).thenNoReply())
        .onCommand(ChannelCheckFailed.class, this::retryChannelCheck)
        .onCommand(ChannelChecked.class, this::onChannelChecked);
    builder
        .forStateType(Ended.class)
        .onCommand(Dial.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new DialRejected("call " + uuid + " has ended")))
        .onCommand(GetCall.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new CallSnapshot(uuid, state.call())))
        .onCommand(Hangup.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(true, "call " + uuid + " has already ended")))
        .onCommand(DropUnanswered.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(true, "call " + uuid + " has already ended")))
        .onCommand(ConnectAgent.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "call " + uuid + " has ended")))
        .onCommand(RecordDisposition.class, (state, cmd) -> recordDisposition(state.call(), cmd))
        .onAnyCommand(cmd -> Effect().noReply());
    return builder.build();
  }

  private ReplyEffect<Event, State> dial(Idle state, Dial cmd) {
    DialSpec spec = cmd.spec();
    if (spec.destination() == null || spec.destination().isBlank())
      return Effect().reply(cmd.replyTo(), new DialRejected("a destination is required"));
    if (spec.ringTimeout() == null || spec.ringTimeout().toSeconds() < 1)
      return Effect().reply(cmd.replyTo(), new DialRejected("the ring timeout must be at least one second"));
    return Effect()
        .persist(new DialRequested(uuid, spec, Instant.now()))
        .thenRun(s -> originate(spec))
        .thenReply(cmd.replyTo(), s -> new DialAccepted(uuid));
  }

  private ReplyEffect<Event, State> hangup(Active state, Hangup cmd) {
    String switchId = state.call().switchId();
    if (switchId == null)
      return Effect().reply(cmd.replyTo(), new Ack(false, "call " + uuid + " is not on a switch yet; try again"));
    return Effect()
        .none()
        .thenRun(s -> callControl.hangup(switchId, uuid, cmd.cause()))
        .thenReply(cmd.replyTo(), s -> new Ack(true, "hangup sent"));
  }

  private ReplyEffect<Event, State> dropUnanswered(Active state, DropUnanswered cmd) {
    CallInfo call = state.call();
    if (call.answeredAt() != null) return Effect().reply(cmd.replyTo(), new Ack(false, "call " + uuid + " was answered"));
    Instant ringingSince = call.ringingAt() != null ? call.ringingAt() : call.startedAt();
    Duration left = minRingBeforeDrop.minus(Duration.between(ringingSince, Instant.now()));
    boolean rungEnough = left.isNegative() || left.isZero();
    return Effect()
        .none()
        .thenRun(s -> {
          if (rungEnough) dropIfUnanswered(call);
          else timers.startSingleTimer(new DropDue(), left);
        })
        .thenReply(cmd.replyTo(), s -> new Ack(true, rungEnough ? "hangup sent" : "hangup in " + left.toMillis() + " ms"));
  }

  /** The switch reports the hangup (ORIGINATOR_CANCEL: a no-answer for the lead) like any other. */
  private void dropIfUnanswered(CallInfo call) {
    if (call.answeredAt() == null && call.switchId() != null) callControl.hangup(call.switchId(), uuid, "ORIGINATOR_CANCEL");
  }

  private ReplyEffect<Event, State> connectAgent(Active state, ConnectAgent cmd) {
    CallInfo call = state.call();
    if (!awaitsAgent(call))
      return Effect().reply(cmd.replyTo(), new Ack(false, "call " + uuid + " is not waiting for an agent"));
    return Effect()
        .persist(new AgentAssigned(cmd.agentId(), cmd.agentLegUuid(), Instant.now()))
        .thenRun(
            s -> {
              timers.cancel(AbandonIfUnconnected.class);
              callControl.bridge(call.switchId(), uuid, cmd.agentLegUuid());
            })
        .thenReply(cmd.replyTo(), s -> new Ack(true, "bridging to " + cmd.agentId()));
  }

  /**
   * No agent took the live answer in time: it is abandoned. The campaign's safe-harbor message
   * plays at once (the seller's name, a number for do-not-call requests, the opt-out digit), and
   * the call is hung up when it ends; without a message it is hung up at once.
   */
  private ReplyEffect<Event, State> abandonIfUnconnected(Active state, AbandonIfUnconnected cmd) {
    CallInfo call = state.call();
    if (!awaitsAgent(call)) return Effect().noReply();
    Instant now = Instant.now();
    String safeHarbor = call.context().answerPlan().safeHarborMessage();
    if (safeHarbor == null) {
      return Effect()
          .persist(new Abandoned(now))
          .thenRun(s -> {
            callControl.hangup(call.switchId(), uuid, "NORMAL_CLEARING");
            listener.abandoned(((Active) s).call());
          })
          .thenNoReply();
    }
    return Effect()
        .persist(List.of(new Abandoned(now), new MessageStarted(safeHarbor, now)))
        .thenRun(s -> {
          CallInfo abandoned = ((Active) s).call();
          play(abandoned);
          listener.abandoned(abandoned);
        })
        .thenNoReply();
  }

  /** The callee pressed the opt-out digit during the safe-harbor message: the number goes on the DNC list. */
  private ReplyEffect<Event, State> onDtmf(CallInfo call, SwitchEvent.DtmfReceived dtmf, Instant at) {
    String optOut = call.context().answerPlan().optOutDigit();
    boolean hearingSafeHarbor = call.abandoned() && call.message() != null && call.messagePlayedAt() == null;
    if (!hearingSafeHarbor || optOut == null || !optOut.equals(dtmf.digit()) || call.optedOutAt() != null) return Effect().noReply();
    return Effect()
        .persist(new OptedOut(dtmf.digit(), at))
        .thenRun(s -> listener.optedOut(((Active) s).call()))
        .thenNoReply();
  }

  private ReplyEffect<Event, State> recordDisposition(CallInfo call, RecordDisposition cmd) {
    if (call.agentId() == null || !call.agentId().equals(cmd.agentId()))
      return Effect().reply(cmd.replyTo(), new Ack(false, "call " + uuid + " was not taken by agent " + cmd.agentId()));
    if (call.disposition() != null)
      return Effect().reply(cmd.replyTo(), new Ack(true, "already recorded"));
    return Effect()
        .persist(new Dispositioned(cmd.agentId(), cmd.code(), cmd.notes(), cmd.callbackAt(), cmd.dnc(), Instant.now()))
        .thenReply(cmd.replyTo(), s -> new Ack(true, "recorded"));
  }

  /**
   * The bridge to the assigned agent was asked for but never reported, and far more than 2 s have
   * passed: the customer is hung up and the call counts as abandoned.
   */
  private ReplyEffect<Event, State> abandonUnbridged(Active state, AbandonUnbridged cmd) {
    CallInfo call = state.call();
    if (!assignedButUnbridged(call)) return Effect().noReply();
    return Effect()
        .persist(new Abandoned(Instant.now()))
        .thenRun(s -> callControl.hangup(call.switchId(), uuid, "NORMAL_CLEARING"))
        .thenNoReply();
  }

  private static boolean assignedButUnbridged(CallInfo call) {
    return call.context().forCampaign() && call.answeredAt() != null && call.agentId() != null
        && call.bridgedTo() == null && call.hangup() == null && !call.abandoned() && call.switchId() != null;
  }

  /** A campaign's live customer call that no agent has taken yet (and is to be given one). */
  private static boolean awaitsAgent(CallInfo call) {
    return call.context().forCampaign()
        && !call.context().bound()
        && !call.context().answerPlan().broadcast()
        && call.liveAt() != null
        && call.agentId() == null
        && !call.abandoned()
        && call.hangup() == null;
  }

  private ReplyEffect<Event, State> onSwitchEvent(CallInfo call, SwitchEvent event) {
    Instant at = Instant.ofEpochSecond(0, event.atMicros() * 1000);
    if (event instanceof SwitchEvent.Ringing || event instanceof SwitchEvent.EarlyMedia) {
      return call.ringingAt() == null ? Effect().persist(new Ringing(at)).thenNoReply() : Effect().noReply();
    } else if (event instanceof SwitchEvent.Answered) {
      if (call.answeredAt() != null) return Effect().noReply();
      long latencyMicros = System.currentTimeMillis() * 1000 - event.atMicros();
      // an agent's phone answers at once, often before the originate's own acceptance is back:
      // the event names the switch, so the call knows where it is before anyone is told
      List<Event> events = new ArrayList<>();
      if (call.switchId() == null) events.add(new Dialed(event.switchId(), "", at));
      events.add(new Answered(at));
      // without AMD the answer is live now; with it, AMD's verdict decides (see amdDetected)
      if (!detectsMachines(call)) events.addAll(onLive(call, at));
      return Effect()
          .persist(events)
          .thenRun(
              s -> {
                CallMetrics.ANSWER_TO_ENTITY.recordMicros(latencyMicros);
                CallInfo now = ((Active) s).call();
                if (now.liveAt() != null) {
                  afterLive(now);
                } else {
                  startAmdTimer(now);
                  listener.pickedUp(now);
                }
              })
          .thenNoReply();
    } else if (event instanceof SwitchEvent.AmdDetected amd) {
      return amdDetected(call, amd, at);
    } else if (event instanceof SwitchEvent.DtmfReceived dtmf) {
      return onDtmf(call, dtmf, at);
    } else if (event instanceof SwitchEvent.PlaybackStopped stopped) {
      if (call.message() == null || call.messagePlayedAt() != null) return Effect().noReply();
      // played to the end: delivered; cut short (the callee hung up, or a break): not delivered
      return stopped.completed()
          ? Effect().persist(new MessagePlayed(call.message(), at)).thenRun(s -> hangUp(call)).thenNoReply()
          : Effect().none().thenRun(s -> hangUp(call)).thenNoReply();
    } else if (event instanceof SwitchEvent.Bridged b) {
      boolean firstBridge = call.bridgedTo() == null;
      return Effect()
          .persist(new Bridged(b.otherUuid(), at))
          .thenRun(s -> {
            CallInfo bridged = ((Active) s).call();
            if (firstBridge) startRecording(bridged);
            listener.connected(bridged);
          })
          .thenNoReply();
    } else if (event instanceof SwitchEvent.Unbridged u) {
      return Effect().persist(new Unbridged(u.otherUuid(), at)).thenNoReply();
    } else if (event instanceof SwitchEvent.RecordingStarted r) {
      return Effect().persist(new RecordingStarted(r.path(), at)).thenNoReply();
    } else if (event instanceof SwitchEvent.HungUp h) {
      return Effect()
          .persist(new HungUp(h.cause(), h.sipStatus(), h.durationSec(), h.billSec(), at))
          .thenRun(this::ended)
          .thenNoReply();
    } else if (event instanceof SwitchEvent.OriginateCompleted done && !done.ok()) {
      if (call.answeredAt() != null) {
        // the channel answered, so it exists whatever its job says: its own hangup will come
        return Effect().persist(new OriginateJobFailed(done.cause(), at)).thenNoReply();
      }
      return Effect()
          .persist(new OriginateJobFailed(done.cause(), at))
          .thenRun(
              s -> {
                // a lost job may have left a ringing channel behind: make sure it is gone
                if ("LOST".equals(done.cause()) && call.switchId() != null)
                  callControl.hangup(call.switchId(), uuid, "ORIGINATOR_CANCEL");
                timers.startSingleTimer(new SettleFailedJob(), FAILED_JOB_SETTLE);
              })
          .thenNoReply();
    } else if (event instanceof SwitchEvent.ChannelLost) {
      return endWithoutSwitchReport(call, "LOST_WHILE_DISCONNECTED");
    }
    return Effect().noReply();
  }

  /** The switch will not report this hangup (it happened while we could not hear it). */
  private ReplyEffect<Event, State> endWithoutSwitchReport(CallInfo call, String cause) {
    Instant now = Instant.now();
    return Effect()
        .persist(new HungUp(cause, 0, call.secondsSinceStart(now), call.secondsSinceAnswer(now), now))
        .thenRun(this::ended)
        .thenNoReply();
  }

  private void ended(State state) {
    timers.cancelAll();
    if (state instanceof Ended ended) listener.ended(ended.call());
    passivate();
  }

  private ReplyEffect<Event, State> onChannelChecked(Active state, ChannelChecked cmd) {
    CallInfo call = state.call();
    if (!cmd.present()) return endWithoutSwitchReport(call, "LOST_WHILE_DOWN");
    List<Event> events = new ArrayList<>();
    Instant now = Instant.now();
    if (call.switchId() == null) events.add(new Dialed(cmd.switchId(), "", now));
    // answered while nobody listened (e.g. the node was down): act on it as on the switch's report
    boolean answeredUnheard = cmd.answered() && call.answeredAt() == null;
    if (answeredUnheard) {
      events.add(new Answered(now));
      // the AMD verdict, if any, went by unheard: the person has waited long enough already
      if (detectsMachines(call)) events.add(new LiveAnswerConfirmed("AMD_UNHEARD", now));
      events.addAll(onLive(call, now));
    }
    if (events.isEmpty()) return Effect().noReply();
    return Effect()
        .persist(events)
        .thenRun(s -> {
          if (answeredUnheard) afterLive(((Active) s).call());
        })
        .thenNoReply();
  }

  // ---- answering machines, messages, agent-bound calls ----

  /**
   * AMD's verdict (source amd) or a machine's beep (source avmd). While the answer waits for AMD,
   * a person (or a verdict AMD is not sure of) makes it live; a machine is never offered to an
   * agent. Otherwise the verdict is only recorded, as before AMD was acted on.
   */
  private ReplyEffect<Event, State> amdDetected(CallInfo call, SwitchEvent.AmdDetected amd, Instant at) {
    AmdDetected detected = new AmdDetected(amd.result(), amd.source(), at);
    boolean beep = "avmd".equals(amd.source()) && amd.result() == AmdResult.MACHINE;
    Answering plan = call.context().answerPlan();
    if (awaitingAmd(call)) {
      if (amd.result() == AmdResult.MACHINE) {
        List<Event> events = new ArrayList<>(List.of(detected));
        if (plan.leaveMessage() && beep) events.add(new MessageStarted(plan.machineMessage(), at));
        return Effect()
            .persist(events)
            .thenRun(s -> {
              CallInfo now = ((Active) s).call();
              timers.cancel(AmdTimedOut.class);
              listener.machineDetected(now);
              if (now.message() != null) play(now);
              else if (plan.leaveMessage()) timers.startSingleTimer(new BeepWaitOver(), BEEP_WAIT);
              else hangUp(now);
            })
            .thenNoReply();
      }
      List<Event> events = new ArrayList<>(List.of(detected));
      events.add(new LiveAnswerConfirmed(amd.result() == AmdResult.HUMAN ? "HUMAN" : "NOTSURE", at));
      events.addAll(onLive(call, at));
      return Effect()
          .persist(events)
          .thenRun(s -> {
            timers.cancel(AmdTimedOut.class);
            afterLive(((Active) s).call());
          })
          .thenNoReply();
    }
    if (awaitingBeep(call) && beep) {
      return Effect()
          .persist(List.of(detected, new MessageStarted(plan.machineMessage(), at)))
          .thenRun(s -> {
            timers.cancel(BeepWaitOver.class);
            play(((Active) s).call());
          })
          .thenNoReply();
    }
    return Effect().persist(detected).thenNoReply();
  }

  private ReplyEffect<Event, State> amdTimedOut(Active state, AmdTimedOut cmd) {
    CallInfo call = state.call();
    if (!awaitingAmd(call)) return Effect().noReply();
    Instant now = Instant.now();
    List<Event> events = new ArrayList<>(List.of(new LiveAnswerConfirmed("AMD_TIMEOUT", now)));
    events.addAll(onLive(call, now));
    return Effect().persist(events).thenRun(s -> afterLive(((Active) s).call())).thenNoReply();
  }

  private ReplyEffect<Event, State> beepWaitOver(Active state, BeepWaitOver cmd) {
    CallInfo call = state.call();
    if (!awaitingBeep(call)) return Effect().noReply();
    return Effect()
        .persist(new MessageStarted(call.context().answerPlan().machineMessage(), Instant.now()))
        .thenRun(s -> play(((Active) s).call()))
        .thenNoReply();
  }

  /**
   * What a live answer sets going, as events: a broadcast's message, or for an agent-bound call its
   * agent (bridged at once: that agent is waiting, so there is nothing to abandon).
   */
  private static List<Event> onLive(CallInfo call, Instant at) {
    CallContext context = call.context();
    if (!context.forCampaign()) return List.of();
    if (context.answerPlan().broadcast()) return List.of(new MessageStarted(context.answerPlan().humanMessage(), at));
    if (context.bound()) return List.of(new AgentAssigned(context.boundAgent().agentId(), context.boundAgent().legUuid(), at));
    return List.of();
  }

  /** The side effects of a live answer, from the state {@link #onLive} made. */
  private void afterLive(CallInfo call) {
    if (call.message() != null) play(call);
    else if (call.context().bound() && call.agentId() != null) callControl.bridge(call.switchId(), uuid, call.context().boundAgent().legUuid());
    else answered(call);
  }

  /** A campaign customer call whose answer AMD classifies. */
  private static boolean detectsMachines(CallInfo call) {
    return call.context().forCampaign() && call.context().answerPlan().amd();
  }

  /** Answered, AMD on, no verdict yet. */
  private static boolean awaitingAmd(CallInfo call) {
    return detectsMachines(call) && call.answeredAt() != null && call.liveAt() == null
        && call.amdResult() != AmdResult.MACHINE && call.hangup() == null;
  }

  /** A machine that is to hear a message, waiting for its beep. */
  private static boolean awaitingBeep(CallInfo call) {
    return detectsMachines(call) && call.context().answerPlan().leaveMessage() && call.amdResult() == AmdResult.MACHINE
        && call.liveAt() == null && call.message() == null && call.hangup() == null;
  }

  private void startAmdTimer(CallInfo call) {
    Duration left = amdTimeout.minus(Duration.between(call.answeredAt(), Instant.now()));
    timers.startSingleTimer(new AmdTimedOut(), left.isNegative() ? Duration.ZERO : left);
  }

  private void play(CallInfo call) {
    callControl.playFile(call.switchId(), uuid, call.message());
    timers.startSingleTimer(new MessageOverdue(), MESSAGE_MAX);
  }

  /**
   * A campaign that records starts when the customer reaches the agent; a callee who is to hear
   * the recording notice hears it then (on the customer's leg only), as the recording starts.
   */
  private void startRecording(CallInfo call) {
    Answering plan = call.context().answerPlan();
    if (plan.recordingPath() == null || call.switchId() == null) return;
    if (plan.recordingNotice() != null) callControl.playFile(call.switchId(), uuid, plan.recordingNotice());
    callControl.startRecording(call.switchId(), uuid, plan.recordingPath());
  }

  private void hangUp(CallInfo call) {
    if (call.switchId() != null) callControl.hangup(call.switchId(), uuid, "NORMAL_CLEARING");
  }

  /** A live answer: its campaign (or, for an agent's own leg, its agent) hears of it; a customer no agent takes is abandoned. */
  private void answered(CallInfo call) {
    if (awaitsAgent(call)) startAbandonTimer(call);
    listener.answered(call);
  }

  /**
   * The 2 seconds run from the live answer as the switch timed it (its answer, or with AMD the
   * verdict at the end of the greeting), not from when this entity heard of it: time lost in
   * transit counts against the customer's wait.
   */
  private void startAbandonTimer(CallInfo call) {
    Duration left = abandonAfter.minus(Duration.between(call.liveAt(), Instant.now()));
    timers.startSingleTimer(new AbandonIfUnconnected(), left.isNegative() ? Duration.ZERO : left);
  }

  private ReplyEffect<Event, State> retryChannelCheck(Active state, ChannelCheckFailed cmd) {
    if (cmd.attempt() >= CHANNEL_CHECK_ATTEMPTS) {
      ctx.getLog().warn("call {}: could not check its channel after {} attempts; waiting for switch events", uuid, cmd.attempt());
      return Effect().noReply();
    }
    timers.startSingleTimer(new CheckChannel(cmd.attempt() + 1), CHANNEL_CHECK_RETRY);
    return Effect().noReply();
  }

  // ---- side effects ----

  private void originate(DialSpec spec) {
    OriginateRequest request =
        new OriginateRequest(
            uuid, spec.kind(), spec.destination(), spec.callerIdNumber(), spec.callerIdName(),
            spec.ringTimeout(), spec.variables(),
            // an agent-bound call must be on the switch that holds the agent's leg, to bridge them
            Optional.ofNullable(spec.context().boundAgent()).map(CallContext.BoundAgent::switchId));
    ctx.pipeToSelf(
        callControl.originate(request),
        (accepted, failure) ->
            failure == null
                ? new OriginateSent(accepted.switchId(), accepted.jobUuid())
                : new OriginateRefused(rootMessage(failure)));
  }

  /**
   * Follows the channel again and asks the switch (the one it was on, or every switch if it was
   * never confirmed) whether it still exists.
   */
  private void checkChannel(CallInfo call, int attempt) {
    List<String> switches = call.switchId() != null ? List.of(call.switchId()) : callControl.switchIds();
    switches.forEach(id -> callControl.track(id, uuid));
    ctx.pipeToSelf(
        find(switches),
        (found, failure) -> {
          if (failure != null) return new ChannelCheckFailed(attempt);
          return found
              .map(f -> new ChannelChecked(f.switchId, true, f.channel.answered()))
              .orElseGet(() -> new ChannelChecked(call.switchId(), false, false));
        });
  }

  private record Located(String switchId, LiveChannel channel) {}

  private CompletionStage<Optional<Located>> find(List<String> switches) {
    CompletionStage<Optional<Located>> result = CompletableFuture.completedFuture(Optional.empty());
    for (String id : switches) {
      result =
          result.thenCompose(
              found ->
                  found.isPresent()
                      ? CompletableFuture.completedFuture(found)
                      : callControl
                          .liveChannels(id)
                          .thenApply(list -> list.stream().filter(c -> c.uuid().equals(uuid)).findFirst().map(c -> new Located(id, c))));
    }
    return result;
  }

  private void passivate() {
    shard.ifPresent(s -> s.tell(new ClusterSharding.Passivate<>(ctx.getSelf())));
  }

  private static String rootMessage(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  // ---- events ----

  @Override
  public EventHandler<State, Event> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder.forStateType(Idle.class).onEvent(DialRequested.class, (state, e) -> new Active(CallInfo.dialing(e.uuid(), e.spec(), e.at())));
    builder
        .forStateType(Active.class)
        .onEvent(Dialed.class, (state, e) -> active(state, c -> c.switchId = e.switchId()))
        .onEvent(Ringing.class, (state, e) -> active(state, c -> c.ringingAt = e.at()))
        .onEvent(Answered.class, (state, e) -> active(state, c -> {
          c.answeredAt = e.at();
          if (!detectsMachines(state.call())) c.liveAt = e.at();
        }))
        .onEvent(AmdDetected.class, (state, e) -> active(state, c -> c.amdResult = e.result()))
        .onEvent(LiveAnswerConfirmed.class, (state, e) -> active(state, c -> c.liveAt = e.at()))
        .onEvent(MessageStarted.class, (state, e) -> active(state, c -> c.message = e.path()))
        .onEvent(MessagePlayed.class, (state, e) -> active(state, c -> c.messagePlayedAt = e.at()))
        .onEvent(AgentAssigned.class, (state, e) -> active(state, c -> c.agentId = e.agentId()))
        .onEvent(Abandoned.class, (state, e) -> active(state, c -> c.abandoned = true))
        .onEvent(OptedOut.class, (state, e) -> active(state, c -> c.optedOutAt = e.at()))
        .onEvent(Bridged.class, (state, e) -> active(state, c -> c.bridgedTo = e.otherUuid()))
        .onEvent(Unbridged.class, (state, e) -> state)
        .onEvent(RecordingStarted.class, (state, e) -> active(state, c -> c.recordingPath = e.path()))
        .onEvent(OriginateJobFailed.class, (state, e) -> active(state, c -> c.jobFailureCause = e.cause()))
        .onEvent(DialFailed.class, (state, e) -> new Ended(state.call().with(c -> {
          c.jobFailureCause = e.cause();
          c.hangup = new CallInfo.Hangup(e.at(), e.cause(), 0, 0, 0);
        })))
        .onEvent(HungUp.class, (state, e) -> new Ended(state.call().with(c ->
            c.hangup = new CallInfo.Hangup(e.at(), e.cause(), e.sipStatus(), e.durationSec(), e.billSec()))))
        .onEvent(Dispositioned.class, (state, e) -> active(state, c ->
            c.disposition = new CallInfo.Disposition(e.agentId(), e.code(), e.notes(), e.callbackAt(), e.dnc(), e.at())));
    builder
        .forStateType(Ended.class)
        .onEvent(Dispositioned.class, (state, e) -> new Ended(state.call().with(c ->
            c.disposition = new CallInfo.Disposition(e.agentId(), e.code(), e.notes(), e.callbackAt(), e.dnc(), e.at()))));
    return builder.build();
  }

  private static Active active(Active state, java.util.function.Consumer<CallInfo.Copy> change) {
    return new Active(state.call().with(change));
  }
}
