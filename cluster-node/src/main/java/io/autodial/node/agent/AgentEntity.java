package io.autodial.node.agent;

import io.autodial.freeswitch.api.CallControl;
import io.autodial.protocol.CborSerializable;
import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import io.autodial.protocol.agent.CallDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * One agent: logged out → ready ⇄ paused → reserved → on call → wrap-up → ready (or paused after
 * "submit & pause"). A disposition is required to leave wrap-up; one call at a time. While ready
 * the agent keeps its own leg up on the switch, so an answered customer is bridged to a leg that
 * is already there. Softphone connections attach and detach; the state outlives them.
 */
public final class AgentEntity
    extends EventSourcedBehaviorWithEnforcedReplies<AgentEntity.Command, AgentEntity.Event, AgentEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Agent");
  public static final List<String> TAGS = List.of("agent-0", "agent-1");
  static final Duration LEG_RETRY = Duration.ofSeconds(2);
  /** Far beyond the milliseconds a reserve-then-bridge takes. */
  static final Duration RESERVATION_TIMEOUT = Duration.ofSeconds(10);
  /** Beyond the longest ring timeout (120 s): an agent's own call that never reported is given up. */
  static final Duration BOUND_DIAL_TIMEOUT = Duration.ofSeconds(180);

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  /** A softphone connection: it gets the current state now and every push from then on. */
  public record Attach(ActorRef<AgentServerMessage> subscriber) implements Command {}

  public record Detach(ActorRef<AgentServerMessage> subscriber) implements Command {}

  /** A message from the agent's softphone; answered with an Ack or an Error for its id. */
  public record Client(AgentClientMessage message, ActorRef<AgentServerMessage> replyTo) implements Command {}

  public record AssignCampaign(String campaignId, ActorRef<Ack> replyTo) implements Command {}

  public record GetState(ActorRef<AgentServerMessage.State> replyTo) implements Command {}

  /** The campaign's dialer offers an answered call; refused unless ready with a leg up. */
  public record Reserve(CallDetails call, ActorRef<ReserveReply> replyTo) implements Command {}

  /** Preview mode: the dialer offers a reserved lead to look at first; refused unless ready with a leg up. */
  public record OfferPreview(CallDetails call, ActorRef<ReserveReply> replyTo) implements Command {}

  /**
   * The dialer reserved the lead this agent asked to dial and is about to place its call, bound to
   * this agent; refused unless ready or paused with a leg up.
   */
  public record BindCall(CallDetails call, ActorRef<ReserveReply> replyTo) implements Command {}

  /** The reserved call could not be connected after all. */
  public record ReleaseReservation(String callUuid) implements Command {}

  /** The campaign's dialer (re)started and wants to know who is ready. */
  public record AnnounceAvailability() implements Command {}

  public record LegAnswered(String legUuid, String switchId) implements Command {}

  public record LegEnded(String legUuid) implements Command {}

  public record CustomerConnected(String callUuid) implements Command {}

  public record CustomerCallEnded(String callUuid, String cause) implements Command {}

  record EnsureLeg() implements Command {}

  /** The campaign's answer to a {@code dialLead} from the softphone, to answer that message with. */
  record LeadDialAnswered(String messageId, LeadDialResult result, ActorRef<AgentServerMessage> replyTo) implements Command {}

  /** The agent's own call never reported an answer or an end. */
  record BoundDialExpired(String callUuid) implements Command {}

  /** A reservation the call never confirmed (its node died before the bridge) is given up. */
  record ReservationExpired(String callUuid) implements Command {}

  public record Ack(boolean ok, String message) implements CborSerializable {}

  public sealed interface ReserveReply extends CborSerializable {}

  public record Reserved(String agentId, String legUuid, String switchId) implements ReserveReply {}

  public record Refused(String agentId, String reason) implements ReserveReply {}

  // ---- events ----

  public sealed interface Event extends CborSerializable {
    Instant at();
  }

  public record CampaignAssigned(String campaignId, Instant at) implements Event {}

  public record WentReady(Instant at) implements Event {}

  public record WentPaused(String reason, Instant at) implements Event {}

  public record LoggedOut(Instant at) implements Event {}

  public record LegRequested(String legUuid, Instant at) implements Event {}

  public record LegWentUp(String legUuid, String switchId, Instant at) implements Event {}

  public record LegWentDown(String legUuid, Instant at) implements Event {}

  public record CallReserved(CallDetails call, Instant at) implements Event {}

  public record ReservationReleased(String callUuid, Instant at) implements Event {}

  public record CallConnected(String callUuid, Instant at) implements Event {}

  public record CallEnded(String callUuid, String cause, Instant at) implements Event {}

  public record PreviewOffered(CallDetails call, Instant at) implements Event {}

  /** The agent skipped the preview: its lead goes back to the pool, the reason is kept. */
  public record PreviewSkipped(String callUuid, long leadId, String campaignId, String reason, Instant at) implements Event {}

  /**
   * The agent's own call to a lead started (a dialed preview or a manual dial); {@code pausedReason}
   * is set when the agent dialed while paused, and it goes back to that pause if nobody answers.
   */
  public record CustomerDialStarted(CallDetails call, String pausedReason, Instant at) implements Event {}

  /** The agent's own call ended unanswered (no answer, busy, a machine...): back to ready or paused. */
  public record CustomerNotReached(String callUuid, String cause, String pausedReason, Instant at) implements Event {}

  public record DispositionSubmitted(
      String callUuid, String code, String notes, Instant callbackAt, boolean dnc, boolean pauseAfter, String pauseReason, Instant at)
      implements Event {}

  // ---- state ----

  public sealed interface State extends CborSerializable {
    Desk desk();
  }

  public record LoggedOutState(Desk desk) implements State {}

  public record ReadyState(Desk desk) implements State {}

  public record PausedState(Desk desk, String reason) implements State {}

  public record ReservedState(Desk desk, CallDetails call) implements State {}

  public record OnCallState(Desk desk, CallDetails call) implements State {}

  public record WrapUpState(Desk desk, CallDetails call) implements State {}

  public record PreviewState(Desk desk, CallDetails call) implements State {}

  public record DialingState(Desk desk, CallDetails call, String pausedReason) implements State {}

  // ---- wiring ----

  public static void init(ActorSystem<?> system, CallControl callControl, AgentCalls calls, AgentListener listener, AgentCampaign campaign) {
    ClusterSharding.get(system)
        .init(
            Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), callControl, calls, listener, campaign))
                // an agent on a call or ready comes back after a restart, with its leg
                .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
  }

  public static Behavior<Command> create(String agentId, CallControl callControl, AgentCalls calls, AgentListener listener) {
    return create(agentId, callControl, calls, listener, AgentCampaign.NONE);
  }

  public static Behavior<Command> create(
      String agentId, CallControl callControl, AgentCalls calls, AgentListener listener, AgentCampaign campaign) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new AgentEntity(agentId, callControl, calls, listener, campaign, ctx, timers)));
  }

  private final String agentId;
  private final CallControl callControl;
  private final AgentListener listener;
  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final AgentCalls calls;
  private final AgentCampaign campaign;
  /** Live softphone connections: not persisted, they attach again after a restart. */
  private final Set<ActorRef<AgentServerMessage>> subscribers = new HashSet<>();

  private AgentEntity(
      String agentId,
      CallControl callControl,
      AgentCalls calls,
      AgentListener listener,
      AgentCampaign campaign,
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers) {
    super(PersistenceId.of(ENTITY_KEY.name(), agentId));
    this.campaign = campaign;
    this.agentId = agentId;
    this.callControl = callControl;
    this.listener = listener;
    this.ctx = ctx;
    this.timers = timers;
    this.calls = calls;
  }

  @Override
  public State emptyState() {
    return new LoggedOutState(Desk.empty());
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(TAGS.get(Math.floorMod(agentId.hashCode(), TAGS.size())));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            state -> {
              if (state instanceof ReadyState || state instanceof PausedState) timers.startSingleTimer(new EnsureLeg(), Duration.ZERO);
              if (state instanceof ReservedState r) timers.startSingleTimer(new ReservationExpired(r.call().callUuid()), RESERVATION_TIMEOUT);
              if (state instanceof DialingState d) timers.startSingleTimer(new BoundDialExpired(d.call().callUuid()), BOUND_DIAL_TIMEOUT);
              announce(state);
            })
        .build();
  }

  // ---- commands ----

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    CommandHandlerWithReplyBuilder<Command, Event, State> b = newCommandHandlerWithReplyBuilder();
    b.forAnyState()
        .onCommand(Attach.class, this::attach)
        .onCommand(Detach.class, (state, cmd) -> Effect().none().thenRun(s -> subscribers.remove(cmd.subscriber())).thenNoReply())
        .onCommand(GetState.class, (state, cmd) -> Effect().reply(cmd.replyTo(), view(state)))
        .onCommand(AnnounceAvailability.class, (state, cmd) -> Effect().none().thenRun(this::announce).thenNoReply())
        .onCommand(LegAnswered.class, this::legAnswered)
        .onCommand(LegEnded.class, this::legEnded)
        .onCommand(EnsureLeg.class, this::ensureLeg)
        .onCommand(LeadDialAnswered.class, (state, cmd) ->
            Effect().reply(cmd.replyTo(), cmd.result().ok()
                ? new AgentServerMessage.Ack(cmd.messageId())
                : new AgentServerMessage.Error(cmd.messageId(), cmd.result().message())));
    b.forStateType(LoggedOutState.class)
        .onCommand(AssignCampaign.class, this::assignCampaign)
        .onCommand(Client.class, (state, cmd) -> client(state, cmd));
    b.forStateType(ReadyState.class)
        .onCommand(AssignCampaign.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "agent " + agentId + " is working; pause or log out first")))
        .onCommand(Reserve.class, this::reserve)
        .onCommand(OfferPreview.class, this::offerPreview)
        .onCommand(BindCall.class, this::bindCall)
        .onCommand(Client.class, (state, cmd) -> client(state, cmd));
    b.forStateType(PausedState.class)
        .onCommand(AssignCampaign.class, this::assignCampaign)
        .onCommand(BindCall.class, this::bindCall)
        .onCommand(Client.class, (state, cmd) -> client(state, cmd));
    b.forStateType(PreviewState.class)
        .onCommand(AssignCampaign.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "agent " + agentId + " is looking at a preview")))
        .onCommand(Client.class, (state, cmd) -> client(state, cmd));
    b.forStateType(DialingState.class)
        .onCommand(AssignCampaign.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "agent " + agentId + " is on a call")))
        .onCommand(CustomerConnected.class, this::boundConnected)
        .onCommand(CustomerCallEnded.class, (state, cmd) -> notReached(state, cmd.callUuid(), cmd.cause()))
        .onCommand(BoundDialExpired.class, (state, cmd) -> notReached(state, cmd.callUuid(), "NO_REPORT"))
        .onCommand(Client.class, (state, cmd) -> client(state, cmd));
    b.forStateType(ReservedState.class)
        .onCommand(AssignCampaign.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "agent " + agentId + " is on a call")))
        .onCommand(ReleaseReservation.class, this::release)
        .onCommand(ReservationExpired.class, (state, cmd) -> release(state, new ReleaseReservation(cmd.callUuid())))
        .onCommand(CustomerConnected.class, this::connected)
        .onCommand(CustomerCallEnded.class, this::reservedCallEnded)
        .onCommand(Client.class, (state, cmd) -> client(state, cmd));
    b.forStateType(OnCallState.class)
        .onCommand(AssignCampaign.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "agent " + agentId + " is on a call")))
        .onCommand(CustomerCallEnded.class, this::callEnded)
        .onCommand(Client.class, (state, cmd) -> client(state, cmd));
    b.forStateType(WrapUpState.class)
        .onCommand(AssignCampaign.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Ack(false, "agent " + agentId + " is in wrap-up")))
        .onCommand(Client.class, (state, cmd) -> client(state, cmd));
    b.forAnyState()
        .onCommand(Reserve.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Refused(agentId, "not ready")))
        .onCommand(OfferPreview.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Refused(agentId, "not ready")))
        .onCommand(BindCall.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Refused(agentId, "on a call or logged out")))
        .onAnyCommand(cmd -> Effect().noReply());
    return b.build();
  }

  private ReplyEffect<Event, State> attach(State state, Attach cmd) {
    return Effect()
        .none()
        .thenRun(
            s -> {
              subscribers.add(cmd.subscriber());
              ctx.watchWith(cmd.subscriber(), new Detach(cmd.subscriber()));
              cmd.subscriber().tell(view(s));
            })
        .thenNoReply();
  }

  private ReplyEffect<Event, State> assignCampaign(State state, AssignCampaign cmd) {
    if (cmd.campaignId() == null || cmd.campaignId().isBlank())
      return Effect().reply(cmd.replyTo(), new Ack(false, "campaignId is required"));
    return Effect()
        .persist(new CampaignAssigned(cmd.campaignId(), Instant.now()))
        .thenRun(s -> push(view(s)))
        .thenReply(cmd.replyTo(), s -> new Ack(true, "assigned to " + cmd.campaignId()));
  }

  /** The softphone's messages: what each state allows, everything else refused with a reason. */
  private ReplyEffect<Event, State> client(State state, Client cmd) {
    AgentClientMessage m = cmd.message();
    String id = m.id();
    if (m instanceof AgentClientMessage.Ready) {
      if (state instanceof LoggedOutState || state instanceof PausedState) return goReady(state, id, cmd.replyTo());
      return refuse(cmd, state instanceof ReadyState ? "already ready" : "finish the call first");
    } else if (m instanceof AgentClientMessage.PreviewDial) {
      if (!(state instanceof PreviewState preview)) return refuse(cmd, "no preview to dial");
      return dialPreview(preview, id, cmd.replyTo());
    } else if (m instanceof AgentClientMessage.PreviewSkip skip) {
      if (!(state instanceof PreviewState preview)) return refuse(cmd, "no preview to skip");
      if (skip.reason() == null || skip.reason().isBlank()) return refuse(cmd, "say why the lead is skipped (reason)");
      CallDetails call = preview.call();
      return Effect()
          .persist(new PreviewSkipped(call.callUuid(), call.lead().id(), call.campaignId(), skip.reason().trim(), Instant.now()))
          .thenRun(s -> stateChanged(state, s))
          .thenReply(cmd.replyTo(), s -> new AgentServerMessage.Ack(id));
    } else if (m instanceof AgentClientMessage.DialLead dial) {
      return dialLead(state, dial, cmd.replyTo());
    } else if (m instanceof AgentClientMessage.Pause p) {
      if (state instanceof ReadyState || state instanceof PausedState || state instanceof LoggedOutState)
        return Effect()
            .persist(new WentPaused(reason(p.reason()), Instant.now()))
            .thenRun(s -> stateChanged(state, s))
            .thenReply(cmd.replyTo(), s -> new AgentServerMessage.Ack(id));
      if (state instanceof PreviewState) return refuse(cmd, "dial or skip the preview first");
      return refuse(cmd, state instanceof WrapUpState ? "submit a disposition first (submit & pause pauses after it)" : "you are on a call");
    } else if (m instanceof AgentClientMessage.Logout) {
      if (state instanceof ReadyState || state instanceof PausedState || state instanceof LoggedOutState)
        return Effect()
            .persist(new LoggedOut(Instant.now()))
            .thenRun(s -> {
              stateChanged(state, s);
              hangUpLeg(state.desk());
            })
            .thenReply(cmd.replyTo(), s -> new AgentServerMessage.Ack(id));
      return refuse(cmd, state instanceof PreviewState ? "dial or skip the preview first" : "finish the call first");
    } else if (m instanceof AgentClientMessage.Hangup) {
      Optional<CallDetails> call = currentCall(state);
      if (call.isEmpty() || state instanceof WrapUpState || state instanceof PreviewState) return refuse(cmd, "no call to hang up");
      return Effect()
          .none()
          .thenRun(s -> calls.hangup(call.get().callUuid()))
          .thenReply(cmd.replyTo(), s -> new AgentServerMessage.Ack(id));
    } else if (m instanceof AgentClientMessage.Hold || m instanceof AgentClientMessage.Unhold || m instanceof AgentClientMessage.Dtmf) {
      if (!(state instanceof OnCallState onCall)) return refuse(cmd, "no connected call");
      String customer = onCall.call().callUuid();
      String switchId = state.desk().legSwitchId();
      return Effect()
          .none()
          .thenRun(s -> {
            if (m instanceof AgentClientMessage.Hold) callControl.hold(switchId, customer, true);
            else if (m instanceof AgentClientMessage.Unhold) callControl.hold(switchId, customer, false);
            else callControl.sendDtmf(switchId, customer, ((AgentClientMessage.Dtmf) m).digits());
          })
          .thenReply(cmd.replyTo(), s -> new AgentServerMessage.Ack(id));
    } else if (m instanceof AgentClientMessage.Disposition d) {
      if (!(state instanceof WrapUpState wrap)) return refuse(cmd, "no call is in wrap-up");
      Optional<String> code = wrap.call().dispositions().stream().filter(c -> c.equalsIgnoreCase(d.code() == null ? "" : d.code().trim())).findFirst();
      if (code.isEmpty()) return refuse(cmd, "unknown disposition '" + d.code() + "'; use one of " + wrap.call().dispositions());
      if (d.callbackAt() != null && d.callbackAt().isBefore(Instant.now()))
        return refuse(cmd, "the callback time " + d.callbackAt() + " is in the past");
      DispositionSubmitted submitted =
          new DispositionSubmitted(wrap.call().callUuid(), code.get(), d.notes(), d.callbackAt(), d.dnc(), d.pauseAfter(), d.pauseAfter() ? reason(d.pauseReason()) : null, Instant.now());
      return Effect()
          .persist(submitted)
          .thenRun(s -> {
            calls.recordDisposition(submitted.callUuid(), agentId, submitted.code(), submitted.notes(), submitted.callbackAt(), submitted.dnc());
            stateChanged(state, s);
            if (s instanceof ReadyState && !s.desk().legUp()) ctx.getSelf().tell(new EnsureLeg());
          })
          .thenReply(cmd.replyTo(), s -> new AgentServerMessage.Ack(id));
    } else if (m instanceof AgentClientMessage.Authenticate) {
      return refuse(cmd, "already authenticated");
    }
    return refuse(cmd, "unsupported message");
  }

  private ReplyEffect<Event, State> goReady(State state, String id, ActorRef<AgentServerMessage> replyTo) {
    Desk desk = state.desk();
    if (desk.campaignId() == null)
      return Effect().reply(replyTo, new AgentServerMessage.Error(id, "agent " + agentId + " is not assigned to a campaign; ask an admin"));
    Instant now = Instant.now();
    boolean needLeg = desk.legUuid() == null;
    String legUuid = needLeg ? UUID.randomUUID().toString() : desk.legUuid();
    List<Event> events = needLeg ? List.of(new WentReady(now), new LegRequested(legUuid, now)) : List.of(new WentReady(now));
    return Effect()
        .persist(events)
        .thenRun(s -> {
          if (needLeg) dialLeg(legUuid);
          stateChanged(state, s);
        })
        .thenReply(replyTo, s -> new AgentServerMessage.Ack(id));
  }

  private ReplyEffect<Event, State> reserve(ReadyState state, Reserve cmd) {
    Desk desk = state.desk();
    if (!desk.legUp()) return Effect().reply(cmd.replyTo(), new Refused(agentId, "agent leg is not up"));
    if (!cmd.call().campaignId().equals(desk.campaignId()))
      return Effect().reply(cmd.replyTo(), new Refused(agentId, "works campaign " + desk.campaignId()));
    return Effect()
        .persist(new CallReserved(cmd.call(), Instant.now()))
        .thenRun(s -> {
          push(new AgentServerMessage.CallOffered(cmd.call()));
          timers.startSingleTimer(new ReservationExpired(cmd.call().callUuid()), RESERVATION_TIMEOUT);
        })
        .thenReply(cmd.replyTo(), s -> new Reserved(agentId, desk.legUuid(), desk.legSwitchId()));
  }

  private ReplyEffect<Event, State> offerPreview(ReadyState state, OfferPreview cmd) {
    Desk desk = state.desk();
    if (!desk.legUp()) return Effect().reply(cmd.replyTo(), new Refused(agentId, "agent leg is not up"));
    if (!cmd.call().campaignId().equals(desk.campaignId()))
      return Effect().reply(cmd.replyTo(), new Refused(agentId, "works campaign " + desk.campaignId()));
    return Effect()
        .persist(new PreviewOffered(cmd.call(), Instant.now()))
        .thenRun(s -> {
          push(new AgentServerMessage.Preview(cmd.call()));
          stateChanged(state, s);
        })
        .thenReply(cmd.replyTo(), s -> new Reserved(agentId, desk.legUuid(), desk.legSwitchId()));
  }

  /** The agent dials its preview: it waits on its leg while the dialer places the call. */
  private ReplyEffect<Event, State> dialPreview(PreviewState state, String id, ActorRef<AgentServerMessage> replyTo) {
    Desk desk = state.desk();
    if (!desk.legUp()) return Effect().reply(replyTo, new AgentServerMessage.Error(id, "your phone is not connected yet; try again in a moment"));
    CallDetails call = state.call();
    return Effect()
        .persist(new CustomerDialStarted(call, null, Instant.now()))
        .thenRun(s -> {
          campaign.placePreviewCall(call.campaignId(), agentId, call, desk.legUuid(), desk.legSwitchId());
          timers.startSingleTimer(new BoundDialExpired(call.callUuid()), BOUND_DIAL_TIMEOUT);
          stateChanged(state, s);
        })
        .thenReply(replyTo, s -> new AgentServerMessage.Ack(id));
  }

  /**
   * A manual dial: the campaign reserves the lead and binds this agent (BindCall) before it places
   * the call; the softphone's message is answered when the campaign says how it went.
   */
  private ReplyEffect<Event, State> dialLead(State state, AgentClientMessage.DialLead dial, ActorRef<AgentServerMessage> replyTo) {
    String id = dial.id();
    if (dial.leadId() == null) return Effect().reply(replyTo, new AgentServerMessage.Error(id, "leadId is required"));
    if (!(state instanceof ReadyState || state instanceof PausedState))
      return Effect().reply(replyTo, new AgentServerMessage.Error(id, state instanceof LoggedOutState ? "go ready first" : "finish the current call first"));
    Desk desk = state.desk();
    if (desk.campaignId() == null) return Effect().reply(replyTo, new AgentServerMessage.Error(id, "agent " + agentId + " is not assigned to a campaign; ask an admin"));
    if (!desk.legUp()) return Effect().reply(replyTo, new AgentServerMessage.Error(id, "your phone is not connected yet; go ready and try again in a moment"));
    long leadId = dial.leadId();
    return Effect()
        .none()
        .thenRun(s -> ctx.pipeToSelf(
            campaign.dialLead(desk.campaignId(), agentId, leadId),
            (result, failure) -> new LeadDialAnswered(id,
                failure == null ? result : LeadDialResult.refused(LeadDialResult.Problem.FAILED, "the campaign did not answer; try again"), replyTo)))
        .thenNoReply();
  }

  private ReplyEffect<Event, State> bindCall(State state, BindCall cmd) {
    Desk desk = state.desk();
    if (!desk.legUp()) return Effect().reply(cmd.replyTo(), new Refused(agentId, "agent leg is not up"));
    if (!cmd.call().campaignId().equals(desk.campaignId()))
      return Effect().reply(cmd.replyTo(), new Refused(agentId, "works campaign " + desk.campaignId()));
    String pausedReason = state instanceof PausedState p ? p.reason() : null;
    return Effect()
        .persist(new CustomerDialStarted(cmd.call(), pausedReason, Instant.now()))
        .thenRun(s -> {
          timers.startSingleTimer(new BoundDialExpired(cmd.call().callUuid()), BOUND_DIAL_TIMEOUT);
          stateChanged(state, s);
        })
        .thenReply(cmd.replyTo(), s -> new Reserved(agentId, desk.legUuid(), desk.legSwitchId()));
  }

  private ReplyEffect<Event, State> boundConnected(DialingState state, CustomerConnected cmd) {
    if (!state.call().callUuid().equals(cmd.callUuid())) return Effect().noReply();
    return Effect()
        .persist(new CallConnected(cmd.callUuid(), Instant.now()))
        .thenRun(s -> {
          timers.cancel(BoundDialExpired.class);
          push(new AgentServerMessage.CallConnected(state.call()));
          push(view(s));
        })
        .thenNoReply();
  }

  /** Nobody answered the agent's own call (or a machine did): back to ready, or to the pause it dialed from. */
  private ReplyEffect<Event, State> notReached(DialingState state, String callUuid, String cause) {
    if (!state.call().callUuid().equals(callUuid)) return Effect().noReply();
    return Effect()
        .persist(new CustomerNotReached(callUuid, cause, state.pausedReason(), Instant.now()))
        .thenRun(s -> {
          timers.cancel(BoundDialExpired.class);
          push(new AgentServerMessage.CallEnded(callUuid, cause));
          stateChanged(state, s);
        })
        .thenNoReply();
  }

  private ReplyEffect<Event, State> release(ReservedState state, ReleaseReservation cmd) {
    if (!state.call().callUuid().equals(cmd.callUuid())) return Effect().noReply();
    return Effect().persist(new ReservationReleased(cmd.callUuid(), Instant.now())).thenRun(s -> stateChanged(state, s)).thenNoReply();
  }

  private ReplyEffect<Event, State> connected(ReservedState state, CustomerConnected cmd) {
    if (!state.call().callUuid().equals(cmd.callUuid())) return Effect().noReply();
    return Effect()
        .persist(new CallConnected(cmd.callUuid(), Instant.now()))
        .thenRun(s -> {
          push(new AgentServerMessage.CallConnected(state.call()));
          push(view(s));
        })
        .thenNoReply();
  }

  /** The customer left before the bridge: nothing happened on this agent's side to wrap up. */
  private ReplyEffect<Event, State> reservedCallEnded(ReservedState state, CustomerCallEnded cmd) {
    if (!state.call().callUuid().equals(cmd.callUuid())) return Effect().noReply();
    return Effect()
        .persist(new ReservationReleased(cmd.callUuid(), Instant.now()))
        .thenRun(s -> {
          push(new AgentServerMessage.CallEnded(cmd.callUuid(), cmd.cause()));
          stateChanged(state, s);
        })
        .thenNoReply();
  }

  private ReplyEffect<Event, State> callEnded(OnCallState state, CustomerCallEnded cmd) {
    if (!state.call().callUuid().equals(cmd.callUuid())) return Effect().noReply();
    return Effect()
        .persist(new CallEnded(cmd.callUuid(), cmd.cause(), Instant.now()))
        .thenRun(s -> {
          push(new AgentServerMessage.CallEnded(cmd.callUuid(), cmd.cause()));
          push(new AgentServerMessage.WrapUpStarted(cmd.callUuid(), state.call().dispositions()));
          push(view(s));
        })
        .thenNoReply();
  }

  private ReplyEffect<Event, State> legAnswered(State state, LegAnswered cmd) {
    if (!cmd.legUuid().equals(state.desk().legUuid()) || state.desk().legUp()) return Effect().noReply();
    return Effect()
        .persist(new LegWentUp(cmd.legUuid(), cmd.switchId(), Instant.now()))
        .thenRun(this::announce)
        .thenNoReply();
  }

  private ReplyEffect<Event, State> legEnded(State state, LegEnded cmd) {
    if (!cmd.legUuid().equals(state.desk().legUuid())) return Effect().noReply();
    return Effect()
        .persist(new LegWentDown(cmd.legUuid(), Instant.now()))
        .thenRun(s -> {
          if (s instanceof ReadyState) {
            listener.unavailable(agentId, s.desk().campaignId());
            // a dropped agent leg is dialed again while the agent is ready
            timers.startSingleTimer(new EnsureLeg(), LEG_RETRY);
          }
        })
        .thenNoReply();
  }

  private ReplyEffect<Event, State> ensureLeg(State state, EnsureLeg cmd) {
    if (!(state instanceof ReadyState) || state.desk().legUuid() != null) return Effect().noReply();
    String legUuid = UUID.randomUUID().toString();
    return Effect().persist(new LegRequested(legUuid, Instant.now())).thenRun(s -> dialLeg(legUuid)).thenNoReply();
  }

  private ReplyEffect<Event, State> refuse(Client cmd, String reason) {
    return Effect().reply(cmd.replyTo(), new AgentServerMessage.Error(cmd.message().id(), reason));
  }

  // ---- side effects ----

  private void dialLeg(String legUuid) {
    calls.dialAgentLeg(legUuid, agentId);
  }

  private void hangUpLeg(Desk desk) {
    if (desk.legUuid() != null) calls.hangup(desk.legUuid());
  }

  /** Tells the campaign whether this agent can take a call, and the softphones the new state. */
  private void stateChanged(State before, State after) {
    push(view(after));
    // leaving READY, or ending a call in a pause or a logout (not ready again): the campaign's
    // pacer must stop counting this agent as about to be free
    boolean away = after instanceof PausedState || after instanceof LoggedOutState;
    if ((before instanceof ReadyState || away) && !(after instanceof ReadyState) && before.getClass() != after.getClass()
        && after.desk().campaignId() != null)
      listener.unavailable(agentId, after.desk().campaignId());
    announce(after);
  }

  private void announce(State state) {
    Desk d = state.desk();
    if (state instanceof ReadyState && d.legUp() && d.campaignId() != null)
      listener.available(agentId, d.campaignId(), d.since().toEpochMilli(), d.legUuid(), d.legSwitchId());
  }

  private void push(AgentServerMessage message) {
    subscribers.forEach(s -> s.tell(message));
  }

  private static String reason(String reason) {
    return reason == null || reason.isBlank() ? "break" : reason.trim();
  }

  private static Optional<CallDetails> currentCall(State state) {
    if (state instanceof ReservedState r) return Optional.of(r.call());
    if (state instanceof PreviewState p) return Optional.of(p.call());
    if (state instanceof DialingState d) return Optional.of(d.call());
    if (state instanceof OnCallState o) return Optional.of(o.call());
    if (state instanceof WrapUpState w) return Optional.of(w.call());
    return Optional.empty();
  }

  AgentServerMessage.State view(State state) {
    Desk d = state.desk();
    AgentStatus status =
        state instanceof ReadyState ? AgentStatus.READY
            : state instanceof PausedState ? AgentStatus.PAUSED
            : state instanceof ReservedState ? AgentStatus.RESERVED
            : state instanceof OnCallState ? AgentStatus.ON_CALL
            : state instanceof WrapUpState ? AgentStatus.WRAP_UP
            : state instanceof PreviewState ? AgentStatus.PREVIEW
            : state instanceof DialingState ? AgentStatus.DIALING
            : AgentStatus.LOGGED_OUT;
    return new AgentServerMessage.State(
        agentId, status, state instanceof PausedState p ? p.reason() : null, d.since().toEpochMilli(), d.campaignId(), currentCall(state).orElse(null));
  }

  // ---- events ----

  @Override
  public EventHandler<State, Event> eventHandler() {
    var b = newEventHandlerBuilder();
    b.forAnyState()
        .onEvent(CampaignAssigned.class, (state, e) -> withDesk(state, state.desk().campaign(e.campaignId())))
        .onEvent(LegRequested.class, (state, e) -> withDesk(state, state.desk().legRequested(e.legUuid())))
        .onEvent(LegWentUp.class, (state, e) -> withDesk(state, state.desk().legUp(e.switchId())))
        .onEvent(LegWentDown.class, (state, e) -> withDesk(state, state.desk().legDown()))
        .onEvent(WentReady.class, (state, e) -> new ReadyState(state.desk().since(e.at())))
        .onEvent(WentPaused.class, (state, e) -> new PausedState(state.desk().since(e.at()), e.reason()))
        .onEvent(LoggedOut.class, (state, e) -> new LoggedOutState(state.desk().since(e.at()).legDown()))
        .onEvent(CallReserved.class, (state, e) -> new ReservedState(state.desk().since(e.at()), e.call()))
        .onEvent(ReservationReleased.class, (state, e) -> new ReadyState(state.desk().since(e.at())))
        .onEvent(CallConnected.class, (state, e) -> new OnCallState(state.desk().since(e.at()), currentCall(state).orElseThrow()))
        .onEvent(CallEnded.class, (state, e) -> new WrapUpState(state.desk().since(e.at()), currentCall(state).orElseThrow()))
        .onEvent(PreviewOffered.class, (state, e) -> new PreviewState(state.desk().since(e.at()), e.call()))
        .onEvent(PreviewSkipped.class, (state, e) -> new ReadyState(state.desk().since(e.at())))
        .onEvent(CustomerDialStarted.class, (state, e) -> new DialingState(state.desk().since(e.at()), e.call(), e.pausedReason()))
        .onEvent(CustomerNotReached.class, (state, e) ->
            e.pausedReason() != null ? new PausedState(state.desk().since(e.at()), e.pausedReason()) : new ReadyState(state.desk().since(e.at())))
        .onEvent(DispositionSubmitted.class, (state, e) ->
            e.pauseAfter() ? new PausedState(state.desk().since(e.at()), e.pauseReason()) : new ReadyState(state.desk().since(e.at())));
    return b.build();
  }

  private static State withDesk(State state, Desk desk) {
    if (state instanceof ReadyState) return new ReadyState(desk);
    if (state instanceof PausedState p) return new PausedState(desk, p.reason());
    if (state instanceof ReservedState r) return new ReservedState(desk, r.call());
    if (state instanceof OnCallState o) return new OnCallState(desk, o.call());
    if (state instanceof WrapUpState w) return new WrapUpState(desk, w.call());
    if (state instanceof PreviewState p) return new PreviewState(desk, p.call());
    if (state instanceof DialingState d) return new DialingState(desk, d.call(), d.pausedReason());
    return new LoggedOutState(desk);
  }
}
