package io.autodial.node.campaign;

import io.autodial.node.agent.AgentEntity;
import io.autodial.node.call.CallContext;
import io.autodial.node.call.CallEntity;
import io.autodial.node.campaign.pacing.Pacer;
import io.autodial.node.compliance.ComplianceRules;
import io.autodial.node.compliance.abandonment.AbandonmentGuard;
import io.autodial.node.compliance.abandonment.AbandonmentLedger;
import io.autodial.node.compliance.abandonment.HourTotals;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.AuditTrail;
import io.autodial.node.compliance.eligibility.Block;
import io.autodial.node.compliance.eligibility.DialGate;
import io.autodial.node.compliance.eligibility.LeadLocations;
import io.autodial.node.agent.LeadDialResult;
import io.autodial.node.leads.Lead;
import io.autodial.node.leads.LeadPick;
import io.autodial.node.leads.LeadRepository;
import io.autodial.node.leads.ReservedLead;
import io.autodial.protocol.CborSerializable;
import io.autodial.protocol.agent.CallDetails;
import io.autodial.protocol.agent.LeadDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The live side of a campaign, on the node where the campaign lives. While active it places as
 * many calls as its {@link io.autodial.node.campaign.pacing.Pacer} says (one per ready agent in
 * progressive, ready agents × multiplier in power, the predictive forecast in predictive; the
 * campaign's maximum at {@code callsPerSecond} in broadcast), reserving each lead in PostgreSQL for
 * exactly one attempt, and hands every live answer to the longest-idle ready agent. In preview mode it offers each ready agent a reserved
 * lead instead and places the call the agent chooses to dial; any agent may also dial a lead by
 * id. Nothing here is persisted: agents and calls report in again after a restart.
 */
public final class CampaignDialer extends AbstractBehavior<CampaignDialer.Command> {
  static final Duration TICK = Duration.ofSeconds(1);
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(2);
  /** Leads reserved per query at most; the switch's sessions-per-second cap paces the rest. */
  static final int RESERVE_BATCH = 50;
  /** Who the audit trail names for the dialer's own decisions. */
  static final String DIALER = "dialer";

  /**
   * What the dialer needs from the node: the leads store, the compliance gate every dial passes,
   * the abandonment counts, the audit trail, where blocking JDBC runs, and where the switch
   * writes call recordings.
   */
  public record Dependencies(
      LeadRepository leads, DialGate gate, AbandonmentLedger ledger, AuditTrail audit, Executor blocking, double timeScale, String recordingsDir) {}

  public sealed interface Command {}

  record Configure(CampaignSettings settings, CampaignEntity.Status status, List<String> agentIds) implements Command {}

  record AgentAvailable(String agentId, long readySinceMillis, String legUuid, String switchId) implements Command {}

  record AgentUnavailable(String agentId) implements Command {}

  /** A live answer: with AMD, once the switch said it is a person, not when it answered. */
  record CallAnswered(String callUuid, String switchId, Long leadId) implements Command {}

  /** AMD found a machine: it is never offered to an agent, so it no longer counts as ringing. */
  public record CallReachedMachine(String callUuid) implements Command {}

  /** Picked up while AMD listens: a person or a machine within seconds; no longer droppable. */
  public record CallPickedUp(String callUuid) implements Command {}

  /** An agent dials a lead by id: reserve it, bind the agent, place the call, say how it went. */
  record DialLeadForAgent(String agentId, long leadId, ActorRef<LeadDialResult> replyTo) implements Command {}

  /** An agent chose to dial its preview: place that lead's call, bound to the agent's leg. */
  record PlacePreviewCall(String agentId, CallDetails preview, String legUuid, String switchId) implements Command {}

  record CallEnded(String callUuid) implements Command {}

  record GetStats(ActorRef<Stats> replyTo) implements Command {}

  private record Tick() implements Command {}

  private record LeadsReserved(List<ReservedLead> leads) implements Command {}

  /** The campaign's abandonment counts over its legal window, read when it starts. */
  private record LedgerLoaded(List<HourTotals> hours) implements Command {}

  private record ReservationFailed(String reason) implements Command {}

  private record LeadLoaded(String callUuid, String switchId, Optional<Lead> lead) implements Command {}

  private record AgentReplied(String callUuid, String switchId, AgentEntity.ReserveReply reply) implements Command {}

  private record CallConnectReplied(String callUuid, String agentId, boolean ok) implements Command {}

  /** The Call answered a drop: {@code refused} when it had been answered meanwhile and is kept. */
  private record DropReplied(String callUuid, boolean refused) implements Command {}

  private record PreviewLeadsReserved(Map<String, ReservedLead> byAgent) implements Command {}

  private record PreviewReplied(String agentId, ReservedLead lead, AgentEntity.ReserveReply reply) implements Command {}

  private record ManualLeadPicked(DialLeadForAgent request, UUID callUuid, LeadPick pick, DialGate.Admission admission, String failure) implements Command {}

  private record ManualAgentReplied(DialLeadForAgent request, ReservedLead lead, AgentEntity.ReserveReply reply) implements Command {}

  /** A broadcast originate whose slot under {@code callsPerSecond} has come. */
  private record DialNow(ReservedLead lead) implements Command {}

  /** The dial level right now, for supervisors. */
  public record Stats(
      String status, String mode, int readyAgents, int dialing, int waitingForAgent, int connecting, double multiplier, int target,
      Pacer.Estimates pacing, Abandonment abandonment)
      implements CborSerializable {}

  /** The abandonment limit as the dialer holds it now (see {@link AbandonmentGuard}). */
  public record Abandonment(long windowHours, AbandonmentGuard.Rate rate, double limitPercent, boolean forcedProgressive) implements CborSerializable {}

  private record Available(String agentId, long readySinceMillis, String legUuid, String switchId) {}

  public static Behavior<Command> create(String campaignId, Dependencies deps) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new CampaignDialer(campaignId, deps, ctx, timers)));
  }

  private final String campaignId;
  private final Dependencies deps;
  private final TimerScheduler<Command> timers;
  private final ClusterSharding sharding;
  private CampaignSettings settings;
  private CampaignEntity.Status status = CampaignEntity.Status.PAUSED;
  private final Map<String, Available> ready = new HashMap<>();
  /** Placed and not answered yet, with the lead each one dials. */
  private final Map<String, Lead> dialing = new HashMap<>();
  /** Answered, no agent yet (the Call abandons it after 2 s). */
  private final LinkedHashMap<String, String> waiting = new LinkedHashMap<>();
  /** Answered calls an agent is being reserved or bridged for. */
  private final Map<String, Lead> connecting = new HashMap<>();
  private final Map<String, Lead> leadsOfAnswered = new HashMap<>();
  private boolean reserving;
  /** Paces progressive, power and predictive dialing; made with the first settings. */
  private FloorPacing floor;
  private final OriginateSpacing spacing = new OriginateSpacing();
  /** The abandonment limit over the legal window: it can hold pacing to progressive, or pause. */
  private AbandonmentGuard guard;
  /** No call is placed before the campaign's abandonment rate over its window is known. */
  private boolean ledgerLoaded;

  private CampaignDialer(String campaignId, Dependencies deps, ActorContext<Command> ctx, TimerScheduler<Command> timers) {
    super(ctx);
    this.campaignId = campaignId;
    this.deps = deps;
    this.timers = timers;
    this.sharding = ClusterSharding.get(ctx.getSystem());
    // decisions follow events; the tick catches what time alone changes (an agent's talk getting
    // long, the calls-per-second allowance refilling)
    timers.startTimerWithFixedDelay(new Tick(), Duration.ofMillis(Math.max(50, (long) (TICK.toMillis() / deps.timeScale()))));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Configure.class, this::configure)
        .onMessage(AgentAvailable.class, this::agentAvailable)
        .onMessage(AgentUnavailable.class, m -> {
          ready.remove(m.agentId());
          if (floor != null) floor.agentUnavailable(m.agentId());
          return this;
        })
        .onMessage(CallAnswered.class, this::callAnswered)
        .onMessage(CallEnded.class, this::callEnded)
        .onMessage(CallReachedMachine.class, m -> {
          // a broadcast's machine still holds a line until its message ends: it counts until then
          if (settings == null || settings.mode() != DialMode.BROADCAST) dialing.remove(m.callUuid());
          if (floor != null) floor.callReachedMachine(m.callUuid());
          if (guard != null) guard.machine(Instant.now());
          return pace();
        })
        .onMessage(CallPickedUp.class, m -> {
          if (floor != null) floor.callPickedUp(m.callUuid());
          return this;
        })
        .onMessage(DialLeadForAgent.class, this::dialLeadForAgent)
        .onMessage(ManualLeadPicked.class, this::manualLeadPicked)
        .onMessage(ManualAgentReplied.class, this::manualAgentReplied)
        .onMessage(PlacePreviewCall.class, this::placePreviewCall)
        .onMessage(PreviewLeadsReserved.class, this::previewLeadsReserved)
        .onMessage(PreviewReplied.class, this::previewReplied)
        .onMessage(DialNow.class, m -> {
          // a paced broadcast waited for its slot: the lists and the hours are checked again
          if (blockedAtTheLastMoment(m.lead())) dialing.remove(m.lead().callUuid().toString());
          else dial(m.lead());
          return this;
        })
        .onMessage(GetStats.class, this::stats)
        .onMessage(Tick.class, m -> {
          // the window moves on: a rate can fall back under the limit with time
          if (ledgerLoaded && status == CampaignEntity.Status.ACTIVE) act(guard.evaluate(Instant.now()));
          return pace();
        })
        .onMessage(LedgerLoaded.class, m -> {
          guard.seed(m.hours());
          ledgerLoaded = true;
          act(guard.evaluate(Instant.now()));
          return pace();
        })
        .onMessage(LeadsReserved.class, this::leadsReserved)
        .onMessage(ReservationFailed.class, m -> {
          reserving = false;
          getContext().getLog().warn("campaign {}: could not reserve leads: {}", campaignId, m.reason());
          return this;
        })
        .onMessage(LeadLoaded.class, m -> {
          m.lead().ifPresent(lead -> leadsOfAnswered.put(m.callUuid(), lead));
          return offer(m.callUuid(), m.switchId());
        })
        .onMessage(AgentReplied.class, this::agentReplied)
        .onMessage(CallConnectReplied.class, this::callConnectReplied)
        .onMessage(DropReplied.class, m -> {
          if (m.refused() && floor != null) floor.dropRefused(m.callUuid());
          return this;
        })
        .build();
  }

  private Behavior<Command> configure(Configure m) {
    boolean firstTime = settings == null;
    boolean starting = m.status() == CampaignEntity.Status.ACTIVE && (firstTime || status != CampaignEntity.Status.ACTIVE);
    settings = m.settings();
    status = m.status();
    if (floor == null) floor = new FloorPacing(settings, deps.timeScale());
    else floor.configure(settings);
    if (guard == null) guard = new AbandonmentGuard(guardSettings(settings));
    else guard.configure(guardSettings(settings));
    if (starting) {
      ledgerLoaded = false;
      loadLedger();
    }
    if (firstTime) {
      // this dialer (re)started: its agents say again who is ready
      m.agentIds().forEach(id -> sharding.entityRefFor(AgentEntity.ENTITY_KEY, id).tell(new AgentEntity.AnnounceAvailability()));
    }
    return pace();
  }

  private Behavior<Command> agentAvailable(AgentAvailable m) {
    ready.put(m.agentId(), new Available(m.agentId(), m.readySinceMillis(), m.legUuid(), m.switchId()));
    if (floor != null) floor.agentReady(m.agentId());
    // an answered call may be waiting for exactly this agent
    if (!waiting.isEmpty()) {
      var first = waiting.entrySet().iterator().next();
      waiting.remove(first.getKey());
      offer(first.getKey(), first.getValue());
    }
    return pace();
  }

  private Behavior<Command> callAnswered(CallAnswered m) {
    if (floor != null) floor.callAnsweredLive(m.callUuid());
    if (guard != null) {
      guard.liveAnswer(Instant.now());
      act(guard.evaluate(Instant.now()));
    }
    Lead lead = dialing.remove(m.callUuid());
    if (lead != null) {
      leadsOfAnswered.put(m.callUuid(), lead);
      return offer(m.callUuid(), m.switchId());
    }
    // a call placed before this dialer (re)started: fetch its lead for the screen pop
    if (m.leadId() != null) {
      getContext().pipeToSelf(
          CompletableFuture.supplyAsync(() -> deps.leads().find(m.leadId()), deps.blocking()),
          (found, failure) -> new LeadLoaded(m.callUuid(), m.switchId(), failure == null ? found : Optional.empty()));
      return this;
    }
    return offer(m.callUuid(), m.switchId());
  }

  /** Gives the answered call to the longest-idle ready agent on its switch, or queues it. */
  private Behavior<Command> offer(String callUuid, String switchId) {
    Optional<Available> agent =
        ready.values().stream()
            .filter(a -> switchId == null || a.switchId() == null || switchId.equals(a.switchId()))
            .min(Comparator.comparingLong(Available::readySinceMillis));
    if (agent.isEmpty()) {
      waiting.put(callUuid, switchId);
      return this;
    }
    Available a = agent.get();
    ready.remove(a.agentId());
    if (floor != null) floor.agentReserved(a.agentId(), callUuid);
    Lead lead = leadsOfAnswered.get(callUuid);
    connecting.put(callUuid, lead);
    CallDetails details = details(callUuid, lead);
    getContext().pipeToSelf(
        sharding.entityRefFor(AgentEntity.ENTITY_KEY, a.agentId()).<AgentEntity.ReserveReply>ask(r -> new AgentEntity.Reserve(details, r), ASK_TIMEOUT),
        (reply, failure) -> new AgentReplied(callUuid, switchId, failure == null ? reply : new AgentEntity.Refused(a.agentId(), "no answer: " + failure.getMessage())));
    return this;
  }

  private Behavior<Command> agentReplied(AgentReplied m) {
    if (m.reply() instanceof AgentEntity.Reserved reserved) {
      getContext().pipeToSelf(
          sharding.entityRefFor(CallEntity.ENTITY_KEY, m.callUuid())
              .<CallEntity.Ack>ask(r -> new CallEntity.ConnectAgent(reserved.agentId(), reserved.legUuid(), r), ASK_TIMEOUT),
          (ack, failure) -> new CallConnectReplied(m.callUuid(), reserved.agentId(), failure == null && ack.ok()));
      return this;
    }
    // that agent could not take it (paused meanwhile, leg down, slow to answer): the next one
    // may; and it is asked to say again whether it is ready, so no ready agent drops out of reach
    connecting.remove(m.callUuid());
    if (m.reply() instanceof AgentEntity.Refused refused) {
      if (floor != null) floor.agentRefused(refused.agentId(), m.callUuid());
      sharding.entityRefFor(AgentEntity.ENTITY_KEY, refused.agentId()).tell(new AgentEntity.AnnounceAvailability());
    }
    return offer(m.callUuid(), m.switchId());
  }

  private Behavior<Command> callConnectReplied(CallConnectReplied m) {
    connecting.remove(m.callUuid());
    leadsOfAnswered.remove(m.callUuid());
    if (!m.ok()) {
      // the call ended or was abandoned before the bridge: the agent is free again
      if (floor != null) floor.connectFailed(m.agentId(), m.callUuid());
      if (guard != null) act(guard.abandoned(Instant.now()));
      sharding.entityRefFor(AgentEntity.ENTITY_KEY, m.agentId()).tell(new AgentEntity.ReleaseReservation(m.callUuid()));
    }
    return pace();
  }

  private Behavior<Command> callEnded(CallEnded m) {
    dialing.remove(m.callUuid());
    boolean wasWaiting = waiting.remove(m.callUuid()) != null;
    if (floor != null) floor.callEnded(m.callUuid(), wasWaiting);
    if (wasWaiting && guard != null) act(guard.abandoned(Instant.now()));
    leadsOfAnswered.remove(m.callUuid());
    return pace();
  }

  private Behavior<Command> pace() {
    if (settings == null || status != CampaignEntity.Status.ACTIVE || !ledgerLoaded || reserving || settings.leadsetIds().isEmpty()) return this;
    if (settings.mode() == DialMode.PREVIEW) return offerPreviews();
    int want;
    if (settings.mode() == DialMode.BROADCAST) {
      want = Math.min(settings.maxConcurrentCalls() - dialing.size() - waiting.size(), spacing.room(settings.pacing().callsPerSecond(), System.nanoTime()));
    } else {
      want = floor.callsToPlace();
      dropCallsNoAgentWillTake();
    }
    if (want <= 0) return this;
    reserving = true;
    int batch = Math.min(want, RESERVE_BATCH);
    List<Long> leadsets = settings.leadsetIds();
    ComplianceRules rules = settings.compliance();
    getContext().pipeToSelf(
        CompletableFuture.supplyAsync(() -> {
              Instant now = Instant.now();
              return deps.gate().admit(campaignId, rules, deps.leads().reserve(leadsets, batch, UUID::randomUUID, now), DIALER, now).admitted();
            }, deps.blocking()),
        (leads, failure) -> failure == null ? new LeadsReserved(leads) : new ReservationFailed(failure.toString()));
    return this;
  }

  /** Predictive pacing hangs up, after the legal minimum ring, calls likely to be answered with no agent free. */
  private void dropCallsNoAgentWillTake() {
    for (String callUuid : floor.callsToDrop())
      getContext().pipeToSelf(
          sharding.entityRefFor(CallEntity.ENTITY_KEY, callUuid).<CallEntity.Ack>ask(CallEntity.DropUnanswered::new, ASK_TIMEOUT),
          (ack, failure) -> new DropReplied(callUuid, failure == null && !ack.ok()));
  }

  private Behavior<Command> leadsReserved(LeadsReserved m) {
    reserving = false;
    // just admitted by the compliance check: dialed now, or (a paced broadcast) checked again when its slot comes
    for (ReservedLead r : m.leads()) {
      dialing.put(r.callUuid().toString(), r.lead());
      if (settings.mode() != DialMode.BROADCAST) {
        floor.callPlaced(r.callUuid().toString());
        dial(r);
        continue;
      }
      Duration wait = spacing.book(settings.pacing().callsPerSecond(), System.nanoTime());
      if (wait.isZero()) dial(r);
      else getContext().scheduleOnce(wait, getContext().getSelf(), new DialNow(r));
    }
    // more may be wanted (agents became ready meanwhile); an empty list means no dialable lead now
    return m.leads().isEmpty() ? this : pace();
  }

  private void dial(ReservedLead r) {
    CustomerDials.Callee callee = new CustomerDials.Callee(r.callUuid().toString(), r.lead().id(), r.lead().phone(), LeadLocations.region(r.lead()));
    CallEntity.DialSpec spec = CustomerDials.spec(settings, campaignId, callee, deps.recordingsDir());
    sharding.entityRefFor(CallEntity.ENTITY_KEY, r.callUuid().toString()).tell(new CallEntity.Dial(spec, getContext().getSystem().ignoreRef()));
  }

  // ---- preview: each ready agent gets a lead to look at first ----

  private Behavior<Command> offerPreviews() {
    List<String> agents =
        ready.values().stream().sorted(Comparator.comparingLong(Available::readySinceMillis)).map(Available::agentId).toList();
    if (agents.isEmpty()) return this;
    reserving = true;
    List<Long> leadsets = settings.leadsetIds();
    ComplianceRules rules = settings.compliance();
    getContext().pipeToSelf(
        CompletableFuture.supplyAsync(() -> {
              Instant now = Instant.now();
              Map<String, ReservedLead> byAgent = deps.leads().reserveForAgents(leadsets, agents, UUID::randomUUID, now);
              Set<ReservedLead> admitted = Set.copyOf(deps.gate().admit(campaignId, rules, List.copyOf(byAgent.values()), DIALER, now).admitted());
              Map<String, ReservedLead> offered = new HashMap<>(byAgent);
              offered.values().removeIf(r -> !admitted.contains(r));
              return offered;
            }, deps.blocking()),
        (byAgent, failure) -> failure == null ? new PreviewLeadsReserved(byAgent) : new ReservationFailed(failure.toString()));
    return this;
  }

  private Behavior<Command> previewLeadsReserved(PreviewLeadsReserved m) {
    reserving = false;
    m.byAgent().forEach((agentId, lead) -> {
      // out of the ready set while the offer is out, so it is not offered twice
      Available agent = ready.remove(agentId);
      if (agent == null) {
        release(lead);
        return;
      }
      CallDetails preview = details(lead.callUuid().toString(), lead.lead());
      getContext().pipeToSelf(
          sharding.entityRefFor(AgentEntity.ENTITY_KEY, agentId).<AgentEntity.ReserveReply>ask(r -> new AgentEntity.OfferPreview(preview, r), ASK_TIMEOUT),
          (reply, failure) -> new PreviewReplied(agentId, lead, failure == null ? reply : new AgentEntity.Refused(agentId, "no answer")));
    });
    return this;
  }

  private Behavior<Command> previewReplied(PreviewReplied m) {
    if (!(m.reply() instanceof AgentEntity.Reserved)) {
      release(m.lead());
      sharding.entityRefFor(AgentEntity.ENTITY_KEY, m.agentId()).tell(new AgentEntity.AnnounceAvailability());
    }
    return this;
  }

  // ---- agent-bound calls: a lead dialed by hand, a preview dialed ----

  private Behavior<Command> dialLeadForAgent(DialLeadForAgent m) {
    if (settings == null) {
      m.replyTo().tell(LeadDialResult.refused(LeadDialResult.Problem.FAILED, "campaign " + campaignId + " is not set up"));
      return this;
    }
    UUID callUuid = UUID.randomUUID();
    List<Long> leadsets = settings.leadsetIds();
    ComplianceRules rules = settings.compliance();
    String actor = "agent:" + m.agentId();
    getContext().pipeToSelf(
        CompletableFuture.supplyAsync(() -> {
              Instant now = Instant.now();
              LeadPick pick = deps.leads().reserveOne(m.leadId(), leadsets, callUuid, now);
              // a manual dial passes the same checks as the dialer's own
              DialGate.Admission admission =
                  pick instanceof LeadPick.Reserved r ? deps.gate().admit(campaignId, rules, List.of(r.lead()), actor, now) : null;
              return new ManualLeadPicked(m, callUuid, pick, admission, null);
            }, deps.blocking()),
        (picked, failure) -> failure == null ? picked : new ManualLeadPicked(m, callUuid, null, null, failure.toString()));
    return this;
  }

  private Behavior<Command> manualLeadPicked(ManualLeadPicked m) {
    DialLeadForAgent request = m.request();
    long leadId = request.leadId();
    LeadDialResult refusal =
        m.failure() != null ? LeadDialResult.refused(LeadDialResult.Problem.FAILED, "could not reserve lead " + leadId + ": " + m.failure())
            : m.pick() instanceof LeadPick.NoSuchLead ? LeadDialResult.refused(LeadDialResult.Problem.NO_SUCH_LEAD, "no lead " + leadId)
            : m.pick() instanceof LeadPick.NotInLeadsets
                ? LeadDialResult.refused(LeadDialResult.Problem.NOT_IN_CAMPAIGN, "lead " + leadId + " is not in a leadset of campaign " + campaignId)
            : m.pick() instanceof LeadPick.NotDialable n
                ? LeadDialResult.refused(LeadDialResult.Problem.NOT_DIALABLE,
                    n.reserved() ? "lead " + leadId + " is being dialed already" : "lead " + leadId + " is " + n.status() + " and is not dialed")
            : m.admission().admitted().isEmpty()
                ? LeadDialResult.refused(LeadDialResult.Problem.BLOCKED_BY_COMPLIANCE, "lead " + leadId + " may not be dialed now: " + m.admission().why())
            : null;
    if (refusal != null) {
      request.replyTo().tell(refusal);
      return this;
    }
    ReservedLead lead = ((LeadPick.Reserved) m.pick()).lead();
    CallDetails details = details(m.callUuid().toString(), lead.lead());
    getContext().pipeToSelf(
        sharding.entityRefFor(AgentEntity.ENTITY_KEY, request.agentId()).<AgentEntity.ReserveReply>ask(r -> new AgentEntity.BindCall(details, r), ASK_TIMEOUT),
        (reply, failure) -> new ManualAgentReplied(request, lead, failure == null ? reply : new AgentEntity.Refused(request.agentId(), "the agent did not answer")));
    return this;
  }

  private Behavior<Command> manualAgentReplied(ManualAgentReplied m) {
    if (m.reply() instanceof AgentEntity.Reserved bound) {
      Lead lead = m.lead().lead();
      placeBound(bound.agentId(), new CustomerDials.Callee(m.lead().callUuid().toString(), lead.id(), lead.phone(), LeadLocations.region(lead)),
          bound.legUuid(), bound.switchId());
      m.request().replyTo().tell(LeadDialResult.dialed(m.lead().callUuid().toString()));
    } else {
      release(m.lead());
      String reason = m.reply() instanceof AgentEntity.Refused r ? r.reason() : "refused";
      m.request().replyTo().tell(LeadDialResult.refused(LeadDialResult.Problem.AGENT_BUSY, "agent " + m.request().agentId() + " cannot dial now: " + reason));
    }
    return this;
  }

  /** The customer call of an agent who is waiting on its parked leg for exactly this call. */
  private void placeBound(String agentId, CustomerDials.Callee callee, String legUuid, String switchId) {
    String callUuid = callee.callUuid();
    CallEntity.DialSpec spec = CustomerDials.bound(settings, campaignId, callee, deps.recordingsDir(), new CallContext.BoundAgent(agentId, legUuid, switchId));
    sharding.entityRefFor(CallEntity.ENTITY_KEY, callUuid).tell(new CallEntity.Dial(spec, getContext().getSystem().ignoreRef()));
  }

  /** A reservation that will not be dialed goes back to the pool (blocking JDBC, off this actor). */
  private void release(ReservedLead lead) {
    var log = getContext().getLog();
    CompletableFuture.runAsync(() -> deps.leads().release(lead.callUuid(), Instant.now()), deps.blocking())
        .exceptionally(failure -> {
          // the sweep of stale reservations takes it back later
          log.warn("campaign {}: could not release lead {}: {}", campaignId, lead.lead().id(), failure.toString());
          return null;
        });
  }

  // ---- compliance: the last-moment check, and the abandonment limit ----

  /**
   * A lead admitted a while ago (a broadcast waiting for its slot) is checked once more, in memory,
   * before its dial command: a number put on a DNC list, or hours that ended, since still stop it.
   */
  private boolean blockedAtTheLastMoment(ReservedLead r) {
    Optional<Block> block = deps.gate().lastMoment(r.lead().phone(), r.lead().timeZone(), r.lead().custom(), campaignId, settings.compliance(), Instant.now());
    if (block.isEmpty()) return false;
    releaseBlocked(r.callUuid(), r.lead().id(), r.lead().phone(), block.get(), DIALER);
    return true;
  }

  private void releaseBlocked(UUID callUuid, long leadId, String phone, Block block, String actor) {
    String campaign = campaignId;
    var log = getContext().getLog();
    CompletableFuture.runAsync(() -> deps.gate().releaseBlocked(callUuid, leadId, phone, campaign, block, actor, Instant.now()), deps.blocking())
        .exceptionally(failure -> {
          log.warn("campaign {}: could not release blocked lead {}: {}", campaign, leadId, failure.toString());
          return null;
        });
  }

  private Behavior<Command> placePreviewCall(PlacePreviewCall m) {
    LeadDetails lead = m.preview().lead();
    Optional<Block> block = deps.gate().lastMoment(lead.phone(), lead.timeZone(), lead.custom(), campaignId, settings.compliance(), Instant.now());
    if (block.isPresent()) {
      // the agent looked at the lead while it became undialable: it goes back, the agent too
      getContext().getLog().info("campaign {}: preview of lead {} blocked at dial time: {}", campaignId, lead.id(), block.get().reason());
      releaseBlocked(UUID.fromString(m.preview().callUuid()), lead.id(), lead.phone(), block.get(), "agent:" + m.agentId());
      sharding.entityRefFor(AgentEntity.ENTITY_KEY, m.agentId()).tell(new AgentEntity.ReleaseReservation(m.preview().callUuid()));
      return this;
    }
    placeBound(m.agentId(), new CustomerDials.Callee(m.preview().callUuid(), lead.id(), lead.phone(), LeadLocations.region(lead.custom())),
        m.legUuid(), m.switchId());
    return this;
  }

  private static AbandonmentGuard.Settings guardSettings(CampaignSettings s) {
    ComplianceRules c = s.compliance();
    return new AbandonmentGuard.Settings(c.abandonmentWindow(), c.warningAbandonmentPercent(), s.pacing().maxAbandonmentPercent(), c.amdFalsePositivePercent());
  }

  /** The campaign (re)starts: its rate over the window comes from the ledger, not from zero. */
  private void loadLedger() {
    String campaign = campaignId;
    Instant since = Instant.now().minus(settings.compliance().abandonmentWindow());
    getContext().pipeToSelf(
        CompletableFuture.supplyAsync(() -> deps.ledger().load(campaign, since), deps.blocking()),
        (hours, failure) -> {
          if (failure != null) getContext().getLog().warn("campaign {}: could not read its abandonment counts: {}", campaign, failure.toString());
          return new LedgerLoaded(failure == null ? hours : List.of());
        });
  }

  /** What the abandonment limit asks: each step audited, pacing held or freed, the campaign paused. */
  private void act(List<AbandonmentGuard.Step> steps) {
    if (steps.isEmpty()) return;
    Instant now = Instant.now();
    AbandonmentGuard.Rate rate = guard.rate(now);
    String detail = String.format(java.util.Locale.ROOT, "%.2f%% abandoned: %d of %d live answers%s over the last %s (limit %.1f%%)",
        rate.percent(), rate.abandoned(), rate.live(),
        rate.estimatedFalsePositives() > 0 ? String.format(java.util.Locale.ROOT, " (with %.1f estimated AMD false positives)", rate.estimatedFalsePositives()) : "",
        settings.compliance().abandonmentWindow().toHours() >= 48 ? settings.compliance().abandonmentWindow().toDays() + " days" : settings.compliance().abandonmentWindow().toHours() + " hours",
        settings.pacing().maxAbandonmentPercent());
    for (AbandonmentGuard.Step step : steps) {
      switch (step) {
        case WARNING_REACHED -> record(AuditKind.ABANDONMENT_WARNING, "ABANDONMENT_LIMIT", "warning: " + detail);
        case FORCED_PROGRESSIVE -> record(AuditKind.PACING_FORCED_PROGRESSIVE, "ABANDONMENT_LIMIT", "one more abandoned call would cross the limit: " + detail);
        case PROGRESSIVE_LIFTED -> getContext().getLog().info("campaign {}: pacing no longer held to progressive: {}", campaignId, detail);
        case PAUSE -> {
          if (status == CampaignEntity.Status.ACTIVE) {
            record(AuditKind.CAMPAIGN_PAUSED, "ABANDONMENT_LIMIT", "paused at the limit: " + detail);
            status = CampaignEntity.Status.PAUSED;
            sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId)
                .tell(new CampaignEntity.ChangeStatus(CampaignEntity.Status.PAUSED, getContext().getSystem().ignoreRef()));
          }
        }
      }
    }
    if (floor != null) floor.forceProgressive(guard.forcedProgressive());
  }

  private void record(AuditKind kind, String rule, String detail) {
    getContext().getLog().warn("campaign {}: {} {}", campaignId, kind, detail);
    deps.audit().record(new AuditEntry(Instant.now(), kind, campaignId, null, null, rule, detail, DIALER));
  }

  private Behavior<Command> stats(GetStats m) {
    m.replyTo().tell(new Stats(status.name(), settings == null ? DialMode.POWER.name() : settings.mode().name(), ready.size(), dialing.size(), waiting.size(), connecting.size(),
        settings == null ? 0 : settings.multiplier(), dialing.size() + waiting.size(), floor == null ? null : floor.estimates(),
        guard == null || !ledgerLoaded ? null
            : new Abandonment(settings.compliance().abandonmentWindow().toHours(), guard.rate(Instant.now()), settings.pacing().maxAbandonmentPercent(), guard.forcedProgressive())));
    return this;
  }

  private CallDetails details(String callUuid, Lead lead) {
    LeadDetails leadDetails =
        lead == null
            ? new LeadDetails(0, "", "", "", "", "", "", Map.of())
            : new LeadDetails(lead.id(), lead.phone(), nz(lead.firstName()), nz(lead.lastName()), nz(lead.email()), nz(lead.company()), nz(lead.timeZone()), lead.custom());
    return new CallDetails(callUuid, campaignId, leadDetails, ScriptTemplate.fill(settings.script(), leadDetails), settings.dispositions());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
