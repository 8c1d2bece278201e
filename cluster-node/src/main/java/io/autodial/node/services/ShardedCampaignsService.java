package io.autodial.node.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autodial.http.campaigns.CampaignDto;
import io.autodial.http.campaigns.CampaignRequest;
import io.autodial.http.campaigns.CampaignStatsDto;
import io.autodial.http.campaigns.CampaignsService;
import io.autodial.node.agent.AgentEntity;
import io.autodial.node.campaign.CampaignDialer;
import io.autodial.node.campaign.CampaignEntity;
import io.autodial.node.campaign.CampaignSettings;
import io.autodial.node.compliance.CompanyNumbers;
import io.autodial.node.compliance.ComplianceRules;
import io.autodial.node.campaign.DialMode;
import io.autodial.node.leads.CallOutcome;
import io.autodial.node.leads.LeadCounts;
import io.autodial.node.leads.LeadRepository;
import io.autodial.node.leads.RetryRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/** Campaigns for the API: commands go to the Campaign entities, lists and stats to read models. */
public final class ShardedCampaignsService implements CampaignsService {
  private static final Duration ASK = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private final ClusterSharding sharding;
  private final DataSource readModel;
  private final LeadRepository leads;
  private final Executor blocking;

  public ShardedCampaignsService(ActorSystem<?> system, DataSource readModel, LeadRepository leads, Executor blocking) {
    this.sharding = ClusterSharding.get(system);
    this.readModel = readModel;
    this.leads = leads;
    this.blocking = blocking;
    this.companyNumbers = new CompanyNumbers(readModel);
  }

  private final CompanyNumbers companyNumbers;

  @Override
  public CompletionStage<CampaignDto> create(CampaignRequest request) {
    CampaignSettings settings = settings(request, null);
    String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
    return callerIdOwned(settings.callerId())
        .thenCompose(owned -> ask(id, r -> new CampaignEntity.Create(settings, r)))
        .thenApply(reply -> dto(orFail(reply)));
  }

  /** A campaign presents one of the company's own numbers, in E.164 (FCC 64.1601(e)). */
  private CompletionStage<Void> callerIdOwned(String callerId) {
    return CompletableFuture.runAsync(() -> companyNumbers.requireOwned(callerId), blocking);
  }

  @Override
  public CompletionStage<List<CampaignDto>> list() {
    return CompletableFuture.supplyAsync(
        () -> {
          List<CampaignDto> list = new ArrayList<>();
          try (Connection c = readModel.getConnection();
              PreparedStatement ps = c.prepareStatement("SELECT campaign_id, status, settings::text, agent_ids::text FROM campaigns ORDER BY name");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              CampaignSettings s = JSON.readValue(rs.getString(3), CampaignSettings.class);
              List<String> agents = List.of(JSON.readValue(rs.getString(4), String[].class));
              list.add(dto(new CampaignEntity.CampaignView(rs.getString(1), s, CampaignEntity.Status.valueOf(rs.getString(2)), agents)));
            }
            c.rollback();
          } catch (Exception e) {
            throw new IllegalStateException("could not list campaigns: " + e.getMessage(), e);
          }
          return list;
        },
        blocking);
  }

  @Override
  public CompletionStage<Optional<CampaignDto>> get(String id) {
    return ask(id, CampaignEntity.Get::new).thenApply(reply -> Optional.ofNullable(reply.campaign()).map(ShardedCampaignsService::dto));
  }

  @Override
  public CompletionStage<Optional<CampaignDto>> update(String id, CampaignRequest request) {
    return ask(id, CampaignEntity.Get::new)
        .thenCompose(current -> {
          if (!current.ok()) return CompletableFuture.completedFuture(Optional.<CampaignDto>empty());
          CampaignSettings merged = settings(request, current.campaign().settings());
          CompletionStage<Void> checked = request.callerId() == null ? CompletableFuture.completedFuture(null) : callerIdOwned(merged.callerId());
          return checked
              .thenCompose(owned -> ask(id, r -> new CampaignEntity.Update(merged, r)))
              .thenApply(reply -> Optional.of(dto(orFail(reply))));
        });
  }

  @Override
  public CompletionStage<Optional<CampaignDto>> changeStatus(String id, String action) {
    CampaignEntity.Status status =
        switch (action) {
          case "start" -> CampaignEntity.Status.ACTIVE;
          case "pause" -> CampaignEntity.Status.PAUSED;
          default -> CampaignEntity.Status.STOPPED;
        };
    return ask(id, r -> new CampaignEntity.ChangeStatus(status, r)).thenApply(reply -> present(id, reply));
  }

  @Override
  public CompletionStage<Optional<CampaignDto>> assignAgents(String id, List<String> agentIds) {
    return ask(id, r -> new CampaignEntity.AssignAgents(agentIds, r))
        .thenCompose(reply -> {
          if (reply.campaign() == null) return CompletableFuture.completedFuture(Optional.<CampaignDto>empty());
          List<CompletableFuture<AgentEntity.Ack>> acks = new ArrayList<>();
          for (String agentId : agentIds)
            acks.add(sharding.entityRefFor(AgentEntity.ENTITY_KEY, agentId).<AgentEntity.Ack>ask(r -> new AgentEntity.AssignCampaign(id, r), ASK).toCompletableFuture());
          return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
              .thenApply(done -> {
                List<String> refused = acks.stream().map(CompletableFuture::join).filter(a -> !a.ok()).map(AgentEntity.Ack::message).toList();
                if (!refused.isEmpty()) throw new IllegalArgumentException("some agents were not assigned: " + refused);
                return Optional.of(dto(reply.campaign()));
              });
        });
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return ask(id, CampaignEntity.Delete::new).thenApply(CampaignEntity.Reply::ok);
  }

  @Override
  public CompletionStage<Optional<CampaignStatsDto>> stats(String id) {
    return ask(id, CampaignEntity.Get::new)
        .thenCompose(reply -> {
          if (!reply.ok()) return CompletableFuture.completedFuture(Optional.<CampaignStatsDto>empty());
          CompletionStage<CampaignDialer.Stats> dialer =
              sharding.entityRefFor(CampaignEntity.ENTITY_KEY, id).ask(CampaignEntity.GetDialerStats::new, ASK);
          CompletableFuture<CampaignStatsDto> fromTables =
              CompletableFuture.supplyAsync(() -> readStats(id, reply.campaign().settings().leadsetIds()), blocking);
          return dialer.thenCombine(fromTables, (d, t) ->
              Optional.of(new CampaignStatsDto(id, t.agents(), t.calls(), t.leads(),
                  new CampaignStatsDto.Dialer(d.status(), d.mode(), d.readyAgents(), d.dialing(), d.waitingForAgent(), d.multiplier(), d.target(), pacing(d.pacing()), abandonment(d.abandonment())),
                  t.broadcast())));
        });
  }

  private CampaignStatsDto readStats(String id, List<Long> leadsetIds) {
    try (Connection c = readModel.getConnection()) {
      Map<String, Integer> agents = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM agent_states WHERE campaign_id = ? GROUP BY status")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) agents.put(rs.getString(1), rs.getInt(2));
        }
      }
      CampaignStatsDto.Calls calls;
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT count(*) FILTER (WHERE ended_at IS NULL AND answered_at IS NULL),
                 count(*) FILTER (WHERE ended_at IS NULL AND bridged_to IS NOT NULL),
                 count(*) FILTER (WHERE ended_at IS NULL AND answered_at IS NOT NULL AND bridged_to IS NULL),
                 count(*), count(*) FILTER (WHERE answered_at IS NOT NULL), count(*) FILTER (WHERE abandoned)
          FROM call_log WHERE campaign_id = ? AND leg_kind = 'CUSTOMER'""")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          calls = new CampaignStatsDto.Calls(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
        }
      }
      CampaignStatsDto.Broadcast broadcast;
      // delivered: the message played to its end; failed: the call ended without that
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT count(*) FILTER (WHERE message_played_at IS NOT NULL),
                 count(*) FILTER (WHERE message_played_at IS NULL AND ended_at IS NOT NULL),
                 count(*) FILTER (WHERE message_played_at IS NULL AND ended_at IS NULL)
          FROM call_log WHERE campaign_id = ? AND broadcast""")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          broadcast = new CampaignStatsDto.Broadcast(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
      }
      c.rollback();
      LeadCounts l = leads.counts(leadsetIds, Instant.now());
      int loggedOut = agents.getOrDefault("LOGGED_OUT", 0);
      int total = agents.values().stream().mapToInt(Integer::intValue).sum();
      return new CampaignStatsDto(
          id,
          new CampaignStatsDto.Agents(total - loggedOut, agents.getOrDefault("PAUSED", 0), agents.getOrDefault("READY", 0),
              agents.getOrDefault("ON_CALL", 0) + agents.getOrDefault("RESERVED", 0), agents.getOrDefault("WRAP_UP", 0)),
          calls,
          new CampaignStatsDto.Leads(l.total(), l.dialableNow(), l.inProgress(), l.answered(), l.failed(), l.dropped(),
              l.total() - l.answered() - l.failed() - l.dnc() - l.invalid() - l.inProgress()),
          null,
          broadcast);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read campaign stats: " + e.getMessage(), e);
    }
  }

  /** The request over the current settings (or the defaults): what the request leaves out stays. */
  static CampaignSettings settings(CampaignRequest r, CampaignSettings current) {
    RetryRules rules = current == null ? RetryRules.defaults() : current.retryRules();
    if (r.retryRules() != null) {
      for (var entry : r.retryRules().entrySet()) {
        CallOutcome outcome;
        try {
          outcome = CallOutcome.valueOf(entry.getKey().toUpperCase());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("retryRules: unknown outcome " + entry.getKey() + "; use one of BUSY, NO_ANSWER, MACHINE, DROPPED, REJECTED, UNREACHABLE, FAILED");
        }
        if (outcome == CallOutcome.ANSWERED) throw new IllegalArgumentException("retryRules: an answered lead is not retried");
        rules = rules.with(outcome, new RetryRules.Retry(Duration.ofMinutes(entry.getValue().delayMinutes()), entry.getValue().maxAttempts()));
      }
    }
    return new CampaignSettings(
        pick(r.name(), current == null ? null : current.name()),
        pick(r.callerId(), current == null ? null : current.callerId()),
        pick(r.multiplier(), current == null ? 1.0 : current.multiplier()),
        pick(r.maxConcurrentCalls(), current == null ? 100 : current.maxConcurrentCalls()),
        pick(r.ringTimeoutSeconds(), current == null ? 25 : current.ringTimeoutSeconds()),
        pick(r.dispositions(), current == null ? List.of() : current.custom()),
        pick(r.script(), current == null ? "" : current.script()),
        rules,
        pick(r.leadsetIds(), current == null ? List.of() : current.leadsetIds()),
        pacing(r, current == null ? CampaignSettings.Pacing.DEFAULT : current.pacing()),
        machines(r, current == null ? CampaignSettings.Machines.DEFAULT : current.machines()),
        ComplianceSettingsMapping.merge(r.compliance(), current == null ? ComplianceRules.DEFAULT : current.compliance()));
  }

  private static CampaignSettings.Pacing pacing(CampaignRequest r, CampaignSettings.Pacing current) {
    DialMode mode = r.mode() == null ? current.mode() : named(DialMode.class, "mode", r.mode());
    return new CampaignSettings.Pacing(
        mode,
        pick(r.targetAbandonmentPercent(), current.targetAbandonmentPercent()),
        pick(r.maxAbandonmentPercent(), current.maxAbandonmentPercent()),
        pick(r.maxRatio(), current.maxRatio()),
        pick(r.callsPerSecond(), current.callsPerSecond()),
        pick(r.dropRingingCalls(), current.dropRingingCalls()));
  }

  private static CampaignSettings.Machines machines(CampaignRequest r, CampaignSettings.Machines current) {
    CampaignSettings.MachineAction action =
        r.machineAction() == null ? current.action() : named(CampaignSettings.MachineAction.class, "machineAction", r.machineAction());
    return new CampaignSettings.Machines(
        pick(r.amd(), current.amd()), action, pick(r.machineMessage(), current.machineMessage()), pick(r.humanMessage(), current.humanMessage()));
  }

  /** An enum constant by name, any case; a bad name is a 400 that lists the valid ones. */
  private static <E extends Enum<E>> E named(Class<E> type, String field, String name) {
    for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(name.trim())) return e;
    throw new IllegalArgumentException(field + ": unknown value '" + name + "'; use one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  private static CampaignStatsDto.Pacing pacing(io.autodial.node.campaign.pacing.Pacer.Estimates e) {
    if (e == null) return null;
    return new CampaignStatsDto.Pacing(
        e.regime(), e.idleAgents(), e.talkingAgents(), e.wrappingAgents(), e.ringing(), e.waiting(),
        round(100 * e.liveAnswerRate()), round(e.talkMeanMillis() / 1000), round(e.talkCv()), round(e.wrapMeanMillis() / 1000),
        round(100 * e.riskThreshold()), round(100 * e.nextCallRisk()), e.liveAnswers(), e.abandoned(), round(100 * e.abandonmentRate()), round(100 * e.abandonmentRateInWindow()),
        e.droppedRinging());
  }

  private static CampaignStatsDto.Abandonment abandonment(CampaignDialer.Abandonment a) {
    if (a == null) return null;
    return new CampaignStatsDto.Abandonment(a.windowHours(), a.rate().live(), a.rate().abandoned(), round(a.rate().estimatedFalsePositives()),
        round(a.rate().percent()), a.limitPercent(), a.forcedProgressive());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static <T> T pick(T given, T current) {
    return given != null ? given : current;
  }

  static CampaignDto dto(CampaignEntity.CampaignView v) {
    CampaignSettings s = v.settings();
    Map<String, CampaignRequest.RetryRule> rules = new LinkedHashMap<>();
    new EnumMap<>(s.retryRules().byOutcome()).forEach((outcome, retry) ->
        rules.put(outcome.name(), new CampaignRequest.RetryRule(retry.delay().toMinutes(), retry.maxAttempts())));
    return new CampaignDto(v.id(), s.name(), v.status().name(), s.callerId(), s.multiplier(), s.maxConcurrentCalls(),
        s.ringTimeoutSeconds(), s.dispositions(), s.script(), rules, s.leadsetIds(), v.agentIds(),
        s.mode().name(), s.pacing().targetAbandonmentPercent(), s.pacing().maxAbandonmentPercent(), s.pacing().maxRatio(),
        s.pacing().callsPerSecond(), s.pacing().dropRingingCalls(), s.machines().amd(), s.machines().action().name(), s.machines().machineMessage(),
        s.machines().humanMessage(), ComplianceSettingsMapping.dto(s.compliance()));
  }

  private static CampaignEntity.CampaignView orFail(CampaignEntity.Reply reply) {
    if (!reply.ok()) throw new IllegalArgumentException(reply.error());
    return reply.campaign();
  }

  private static Optional<CampaignDto> present(String id, CampaignEntity.Reply reply) {
    if (reply.ok()) return Optional.of(dto(reply.campaign()));
    if (reply.error().startsWith("no campaign")) return Optional.empty();
    throw new IllegalArgumentException(reply.error());
  }

  private CompletionStage<CampaignEntity.Reply> ask(String id, org.apache.pekko.japi.function.Function<org.apache.pekko.actor.typed.ActorRef<CampaignEntity.Reply>, CampaignEntity.Command> message) {
    EntityRef<CampaignEntity.Command> ref = sharding.entityRefFor(CampaignEntity.ENTITY_KEY, id);
    return ref.ask(message, ASK);
  }
}
