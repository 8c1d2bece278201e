package io.autodial.node.campaign;

import io.autodial.node.agent.AgentEntity;
import io.autodial.node.call.CallContext;
import io.autodial.node.call.CallEntity;
import io.autodial.node.leads.Lead;
import io.autodial.node.leads.LeadRepository;
import io.autodial.node.leads.ReservedLead;
import io.autodial.protocol.CborSerializable;
import io.autodial.protocol.agent.CallDetails;
import io.autodial.protocol.agent.LeadDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The live side of a campaign, on the node where the campaign lives. Power dialing: while active
 * it keeps {@code ready agents × multiplier − calls ringing or waiting} originates going (bounded
 * by the campaign's maximum), reserving each lead in PostgreSQL for exactly one attempt, and hands
 * every answered call to the longest-idle ready agent. Nothing here is persisted: agents and calls
 * report in again after a restart.
 */
public final class CampaignDialer extends AbstractBehavior<CampaignDialer.Command> {
  static final Duration TICK = Duration.ofSeconds(1);
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(2);
  /** Leads reserved per query at most; the switch's sessions-per-second cap paces the rest. */
  static final int RESERVE_BATCH = 50;

  /** What the dialer needs from the node: the leads store and where blocking JDBC runs. */
  public record Dependencies(LeadRepository leads, Executor blocking) {}

  public sealed interface Command {}

  record Configure(CampaignSettings settings, CampaignEntity.Status status, List<String> agentIds) implements Command {}

  record AgentAvailable(String agentId, long readySinceMillis, String legUuid, String switchId) implements Command {}

  record AgentUnavailable(String agentId) implements Command {}

  record CallAnswered(String callUuid, String switchId, Long leadId) implements Command {}

  record CallEnded(String callUuid) implements Command {}

  record GetStats(ActorRef<Stats> replyTo) implements Command {}

  private record Tick() implements Command {}

  private record LeadsReserved(List<ReservedLead> leads) implements Command {}

  private record ReservationFailed(String reason) implements Command {}

  private record LeadLoaded(String callUuid, String switchId, Optional<Lead> lead) implements Command {}

  private record AgentReplied(String callUuid, String switchId, AgentEntity.ReserveReply reply) implements Command {}

  private record CallConnectReplied(String callUuid, String agentId, boolean ok) implements Command {}

  /** The dial level right now, for supervisors. */
  public record Stats(
      String status, int readyAgents, int dialing, int waitingForAgent, int connecting, double multiplier, int target)
      implements CborSerializable {}

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

  private CampaignDialer(String campaignId, Dependencies deps, ActorContext<Command> ctx, TimerScheduler<Command> timers) {
    super(ctx);
    this.campaignId = campaignId;
    this.deps = deps;
    this.timers = timers;
    this.sharding = ClusterSharding.get(ctx.getSystem());
    timers.startTimerWithFixedDelay(new Tick(), TICK);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Configure.class, this::configure)
        .onMessage(AgentAvailable.class, this::agentAvailable)
        .onMessage(AgentUnavailable.class, m -> {
          ready.remove(m.agentId());
          return this;
        })
        .onMessage(CallAnswered.class, this::callAnswered)
        .onMessage(CallEnded.class, this::callEnded)
        .onMessage(GetStats.class, this::stats)
        .onMessage(Tick.class, m -> pace())
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
        .build();
  }

  private Behavior<Command> configure(Configure m) {
    boolean firstTime = settings == null;
    settings = m.settings();
    status = m.status();
    if (firstTime) {
      // this dialer (re)started: its agents say again who is ready
      m.agentIds().forEach(id -> sharding.entityRefFor(AgentEntity.ENTITY_KEY, id).tell(new AgentEntity.AnnounceAvailability()));
    }
    return pace();
  }

  private Behavior<Command> agentAvailable(AgentAvailable m) {
    ready.put(m.agentId(), new Available(m.agentId(), m.readySinceMillis(), m.legUuid(), m.switchId()));
    // an answered call may be waiting for exactly this agent
    if (!waiting.isEmpty()) {
      var first = waiting.entrySet().iterator().next();
      waiting.remove(first.getKey());
      offer(first.getKey(), first.getValue());
    }
    return pace();
  }

  private Behavior<Command> callAnswered(CallAnswered m) {
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
    if (m.reply() instanceof AgentEntity.Refused refused)
      sharding.entityRefFor(AgentEntity.ENTITY_KEY, refused.agentId()).tell(new AgentEntity.AnnounceAvailability());
    return offer(m.callUuid(), m.switchId());
  }

  private Behavior<Command> callConnectReplied(CallConnectReplied m) {
    connecting.remove(m.callUuid());
    leadsOfAnswered.remove(m.callUuid());
    if (!m.ok()) {
      // the call ended or was abandoned before the bridge: the agent is free again
      sharding.entityRefFor(AgentEntity.ENTITY_KEY, m.agentId()).tell(new AgentEntity.ReleaseReservation(m.callUuid()));
    }
    return pace();
  }

  private Behavior<Command> callEnded(CallEnded m) {
    dialing.remove(m.callUuid());
    waiting.remove(m.callUuid());
    leadsOfAnswered.remove(m.callUuid());
    return pace();
  }

  private Behavior<Command> pace() {
    if (settings == null || status != CampaignEntity.Status.ACTIVE || reserving || settings.leadsetIds().isEmpty()) return this;
    int want = target() - dialing.size() - waiting.size();
    if (want <= 0) return this;
    reserving = true;
    int batch = Math.min(want, RESERVE_BATCH);
    List<Long> leadsets = settings.leadsetIds();
    getContext().pipeToSelf(
        CompletableFuture.supplyAsync(() -> deps.leads().reserve(leadsets, batch, UUID::randomUUID, Instant.now()), deps.blocking()),
        (leads, failure) -> failure == null ? new LeadsReserved(leads) : new ReservationFailed(failure.toString()));
    return this;
  }

  private int target() {
    return Math.min(settings.maxConcurrentCalls(), (int) Math.floor(ready.size() * settings.multiplier()));
  }

  private Behavior<Command> leadsReserved(LeadsReserved m) {
    reserving = false;
    for (ReservedLead r : m.leads()) {
      String uuid = r.callUuid().toString();
      dialing.put(uuid, r.lead());
      CallEntity.DialSpec spec =
          CallEntity.DialSpec.customer(r.lead().phone(), settings.callerId(), Duration.ofSeconds(settings.ringTimeoutSeconds()))
              .withContext(CallContext.campaign(campaignId, r.lead().id(), settings.retryRules()));
      sharding.entityRefFor(CallEntity.ENTITY_KEY, uuid).tell(new CallEntity.Dial(spec, getContext().getSystem().ignoreRef()));
    }
    // more may be wanted (agents became ready meanwhile); an empty list means no dialable lead now
    return m.leads().isEmpty() ? this : pace();
  }

  private Behavior<Command> stats(GetStats m) {
    m.replyTo().tell(new Stats(status.name(), ready.size(), dialing.size(), waiting.size(), connecting.size(),
        settings == null ? 0 : settings.multiplier(), settings == null ? 0 : target()));
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
