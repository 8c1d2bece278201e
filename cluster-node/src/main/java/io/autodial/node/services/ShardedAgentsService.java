package io.autodial.node.services;

import io.autodial.http.agents.AgentDto;
import io.autodial.http.agents.AgentsService;
import io.autodial.http.agents.LeadDialOutcome;
import io.autodial.http.agents.NewAgent;
import io.autodial.http.auth.Role;
import io.autodial.http.users.NewUser;
import io.autodial.http.users.UserView;
import io.autodial.node.agent.AgentEntity;
import io.autodial.node.agent.LeadDialResult;
import io.autodial.node.auth.JdbcUsersService;
import io.autodial.node.campaign.CampaignEntity;
import io.autodial.protocol.agent.AgentServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** Agent accounts (users with role AGENT) joined with the live state of their Agent entities. */
public final class ShardedAgentsService implements AgentsService {
  private static final Duration ASK = Duration.ofSeconds(5);
  private final ClusterSharding sharding;
  private final JdbcUsersService users;

  public ShardedAgentsService(ActorSystem<?> system, JdbcUsersService users) {
    this.sharding = ClusterSharding.get(system);
    this.users = users;
  }

  @Override
  public CompletionStage<AgentDto> create(NewAgent agent) {
    NewUser user = new NewUser(agent.username(), agent.password(), Role.AGENT, agent.agentId(), agent.displayName());
    return users
        .create(user)
        .thenCompose(created -> agent.campaignId() == null
            ? state(created)
            : assignCampaign(created.agentId(), agent.campaignId()).thenCompose(a -> state(created)));
  }

  @Override
  public CompletionStage<List<AgentDto>> list() {
    return users.list().thenCompose(all -> {
      List<CompletableFuture<AgentDto>> agents = new ArrayList<>();
      for (UserView u : all) if (u.agentId() != null) agents.add(state(u).toCompletableFuture());
      return CompletableFuture.allOf(agents.toArray(CompletableFuture[]::new)).thenApply(done -> agents.stream().map(CompletableFuture::join).toList());
    });
  }

  @Override
  public CompletionStage<Optional<AgentDto>> get(String agentId) {
    return findUser(agentId).thenCompose(user -> user.isEmpty()
        ? CompletableFuture.completedFuture(Optional.<AgentDto>empty())
        : state(user.get()).thenApply(Optional::of));
  }

  @Override
  public CompletionStage<Optional<AgentDto>> assignCampaign(String agentId, String campaignId) {
    return findUser(agentId).thenCompose(user -> {
      if (user.isEmpty()) return CompletableFuture.completedFuture(Optional.<AgentDto>empty());
      return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId).<CampaignEntity.Reply>ask(CampaignEntity.Get::new, ASK)
          .thenCompose(campaign -> {
            if (!campaign.ok()) throw new IllegalArgumentException("no campaign " + campaignId);
            return sharding.entityRefFor(AgentEntity.ENTITY_KEY, agentId).<AgentEntity.Ack>ask(r -> new AgentEntity.AssignCampaign(campaignId, r), ASK)
                .thenCompose(ack -> {
                  if (!ack.ok()) throw new IllegalArgumentException(ack.message());
                  return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId).<CampaignEntity.Reply>ask(r -> new CampaignEntity.AddAgent(agentId, r), ASK);
                });
          })
          .thenCompose(done -> state(user.get()).thenApply(Optional::of));
    });
  }

  @Override
  public CompletionStage<Boolean> delete(String agentId) {
    return findUser(agentId).thenCompose(user -> user.isEmpty() ? CompletableFuture.completedFuture(false) : users.delete(user.get().id()));
  }

  @Override
  public CompletionStage<LeadDialOutcome> dialLead(String agentId, long leadId) {
    return sharding.entityRefFor(AgentEntity.ENTITY_KEY, agentId).<AgentServerMessage.State>ask(AgentEntity.GetState::new, ASK)
        .thenCompose(state -> {
          if (state.campaignId() == null)
            return CompletableFuture.completedFuture(
                new LeadDialOutcome(LeadDialOutcome.Kind.CONFLICT, null, leadId, "agent " + agentId + " is not assigned to a campaign"));
          // the campaign reserves the lead and binds the agent, which checks it can take the call
          return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, state.campaignId())
              .<LeadDialResult>ask(r -> new CampaignEntity.DialLead(agentId, leadId, r), ASK)
              .thenApply(result -> outcome(result, leadId));
        });
  }

  private static LeadDialOutcome outcome(LeadDialResult result, long leadId) {
    if (result.ok()) return new LeadDialOutcome(LeadDialOutcome.Kind.DIALED, result.callUuid(), leadId, result.message());
    LeadDialOutcome.Kind kind =
        switch (result.problem()) {
          case NO_SUCH_LEAD -> LeadDialOutcome.Kind.NOT_FOUND;
          case NOT_IN_CAMPAIGN -> LeadDialOutcome.Kind.INVALID;
          case NOT_DIALABLE, AGENT_BUSY, BLOCKED_BY_COMPLIANCE -> LeadDialOutcome.Kind.CONFLICT;
          case FAILED -> LeadDialOutcome.Kind.FAILED;
        };
    return new LeadDialOutcome(kind, null, leadId, result.message());
  }

  private CompletionStage<Optional<UserView>> findUser(String agentId) {
    return users.list().thenApply(all -> all.stream().filter(u -> agentId.equals(u.agentId())).findFirst());
  }

  private CompletionStage<AgentDto> state(UserView user) {
    return sharding.entityRefFor(AgentEntity.ENTITY_KEY, user.agentId()).<AgentServerMessage.State>ask(AgentEntity.GetState::new, ASK)
        .thenApply(s -> new AgentDto(user.agentId(), user.id(), user.username(), user.displayName(), s.status().name(), s.pauseReason(), s.campaignId(), s.sinceEpochMillis()));
  }
}
