package io.autodial.node.campaign;

import io.autodial.node.agent.LeadDialResult;
import io.autodial.protocol.CborSerializable;
import io.autodial.protocol.agent.CallDetails;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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
 * A campaign: its settings and whether it dials (active / paused / stopped), persisted. The live
 * side — which agents are ready, which calls ring or wait — is its {@link CampaignDialer} child,
 * rebuilt after a restart from the agents and calls that report in again.
 */
public final class CampaignEntity
    extends EventSourcedBehaviorWithEnforcedReplies<CampaignEntity.Command, CampaignEntity.Event, CampaignEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Campaign");
  public static final String TAG = "campaign";

  public enum Status {
    ACTIVE,
    PAUSED,
    STOPPED
  }

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  public record Create(CampaignSettings settings, ActorRef<Reply> replyTo) implements Command {}

  public record Update(CampaignSettings settings, ActorRef<Reply> replyTo) implements Command {}

  public record ChangeStatus(Status status, ActorRef<Reply> replyTo) implements Command {}

  public record AssignAgents(List<String> agentIds, ActorRef<Reply> replyTo) implements Command {}

  /** Adds one agent to those assigned, atomically (concurrent additions are not lost). */
  public record AddAgent(String agentId, ActorRef<Reply> replyTo) implements Command {}

  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /** Stops the campaign for good and removes it; its calls, leads and logs stay. */
  public record Delete(ActorRef<Reply> replyTo) implements Command {}

  public record GetDialerStats(ActorRef<CampaignDialer.Stats> replyTo) implements Command {}

  /** From an Agent: ready with its leg up, idle since then. */
  public record AgentAvailable(String agentId, long readySinceMillis, String legUuid, String switchId) implements Command {}

  public record AgentUnavailable(String agentId) implements Command {}

  /** From a Call this campaign placed: a live answer that needs an agent now. */
  public record CallAnswered(String callUuid, String switchId, Long leadId) implements Command {}

  public record CallEnded(String callUuid) implements Command {}

  /** From a Call this campaign placed: AMD found a machine; it will not need an agent. */
  public record CallReachedMachine(String callUuid) implements Command {}

  /** A call of this campaign was picked up; AMD is still listening. */
  public record CallPickedUp(String callUuid) implements Command {}

  /** From the API or an agent's softphone: the agent dials a lead by id. */
  public record DialLead(String agentId, long leadId, ActorRef<LeadDialResult> replyTo) implements Command {}

  /** From an Agent: it chose to dial the lead of its preview. */
  public record PlacePreviewCall(String agentId, CallDetails preview, String legUuid, String switchId) implements Command {}

  /** The campaign as it is, or why the command was refused ({@code campaign} null). */
  public record Reply(CampaignView campaign, String error) implements CborSerializable {
    public boolean ok() {
      return error == null;
    }
  }

  public record CampaignView(String id, CampaignSettings settings, Status status, List<String> agentIds)
      implements CborSerializable {}

  // ---- events ----

  public sealed interface Event extends CborSerializable {
    Instant at();
  }

  public record Created(CampaignSettings settings, Instant at) implements Event {}

  public record SettingsChanged(CampaignSettings settings, Instant at) implements Event {}

  public record StatusChanged(Status status, Instant at) implements Event {}

  public record AgentsAssigned(List<String> agentIds, Instant at) implements Event {}

  public record Deleted(Instant at) implements Event {}

  // ---- state ----

  public sealed interface State extends CborSerializable {}

  public record NotCreated() implements State {}

  public record Existing(CampaignSettings settings, Status status, List<String> agentIds) implements State {}

  // ---- wiring ----

  public static void init(ActorSystem<?> system, CampaignDialer.Dependencies dialer) {
    ClusterSharding.get(system)
        .init(
            Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), dialer))
                // an active campaign goes on dialing after a restart
                .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
  }

  public static Behavior<Command> create(String campaignId, CampaignDialer.Dependencies dialer) {
    return Behaviors.setup(ctx -> new CampaignEntity(campaignId, dialer, ctx));
  }

  private final String campaignId;
  private final ActorContext<Command> ctx;
  private final ActorRef<CampaignDialer.Command> dialer;

  private CampaignEntity(String campaignId, CampaignDialer.Dependencies deps, ActorContext<Command> ctx) {
    super(PersistenceId.of(ENTITY_KEY.name(), campaignId));
    this.campaignId = campaignId;
    this.ctx = ctx;
    this.dialer = ctx.spawn(CampaignDialer.create(campaignId, deps), "dialer");
  }

  @Override
  public State emptyState() {
    return new NotCreated();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(TAG);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::configureDialer).build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    CommandHandlerWithReplyBuilder<Command, Event, State> b = newCommandHandlerWithReplyBuilder();
    b.forStateType(NotCreated.class)
        .onCommand(Create.class, (state, cmd) ->
            Effect().persist(new Created(cmd.settings(), Instant.now())).thenRun(this::configureDialer).thenReply(cmd.replyTo(), this::reply))
        .onCommand(Update.class, (state, cmd) -> Effect().reply(cmd.replyTo(), missing()))
        .onCommand(ChangeStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), missing()))
        .onCommand(AssignAgents.class, (state, cmd) -> Effect().reply(cmd.replyTo(), missing()))
        .onCommand(AddAgent.class, (state, cmd) -> Effect().reply(cmd.replyTo(), missing()))
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), missing()))
        .onCommand(Delete.class, (state, cmd) -> Effect().reply(cmd.replyTo(), missing()))
        .onCommand(DialLead.class, (state, cmd) ->
            Effect().reply(cmd.replyTo(), LeadDialResult.refused(LeadDialResult.Problem.FAILED, "no campaign " + campaignId)));
    b.forStateType(Existing.class)
        .onCommand(Create.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Reply(null, "campaign " + campaignId + " already exists")))
        .onCommand(Update.class, (state, cmd) ->
            Effect().persist(new SettingsChanged(cmd.settings(), Instant.now())).thenRun(this::configureDialer).thenReply(cmd.replyTo(), this::reply))
        .onCommand(ChangeStatus.class, this::changeStatus)
        .onCommand(AssignAgents.class, (state, cmd) ->
            Effect().persist(new AgentsAssigned(List.copyOf(cmd.agentIds()), Instant.now())).thenReply(cmd.replyTo(), this::reply))
        .onCommand(AddAgent.class, (state, cmd) -> {
          if (state.agentIds().contains(cmd.agentId())) return Effect().reply(cmd.replyTo(), reply(state));
          List<String> agents = new java.util.ArrayList<>(state.agentIds());
          agents.add(cmd.agentId());
          return Effect().persist(new AgentsAssigned(List.copyOf(agents), Instant.now())).thenReply(cmd.replyTo(), this::reply);
        })
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), reply(state)))
        .onCommand(Delete.class, (state, cmd) ->
            Effect()
                .persist(new Deleted(Instant.now()))
                .thenRun(s -> dialer.tell(new CampaignDialer.Configure(state.settings(), Status.STOPPED, state.agentIds())))
                .thenReply(cmd.replyTo(), s -> new Reply(new CampaignView(campaignId, state.settings(), Status.STOPPED, state.agentIds()), null)));
    b.forAnyState()
        .onCommand(GetDialerStats.class, (state, cmd) -> forward(new CampaignDialer.GetStats(cmd.replyTo())))
        .onCommand(AgentAvailable.class, (state, cmd) -> forward(new CampaignDialer.AgentAvailable(cmd.agentId(), cmd.readySinceMillis(), cmd.legUuid(), cmd.switchId())))
        .onCommand(AgentUnavailable.class, (state, cmd) -> forward(new CampaignDialer.AgentUnavailable(cmd.agentId())))
        .onCommand(CallAnswered.class, (state, cmd) -> forward(new CampaignDialer.CallAnswered(cmd.callUuid(), cmd.switchId(), cmd.leadId())))
        .onCommand(CallEnded.class, (state, cmd) -> forward(new CampaignDialer.CallEnded(cmd.callUuid())))
        .onCommand(CallReachedMachine.class, (state, cmd) -> forward(new CampaignDialer.CallReachedMachine(cmd.callUuid())))
        .onCommand(CallPickedUp.class, (state, cmd) -> forward(new CampaignDialer.CallPickedUp(cmd.callUuid())))
        .onCommand(DialLead.class, (state, cmd) -> forward(new CampaignDialer.DialLeadForAgent(cmd.agentId(), cmd.leadId(), cmd.replyTo())))
        .onCommand(PlacePreviewCall.class, (state, cmd) ->
            forward(new CampaignDialer.PlacePreviewCall(cmd.agentId(), cmd.preview(), cmd.legUuid(), cmd.switchId())));
    return b.build();
  }

  private ReplyEffect<Event, State> changeStatus(Existing state, ChangeStatus cmd) {
    if (state.status() == Status.STOPPED && cmd.status() != Status.STOPPED)
      return Effect().reply(cmd.replyTo(), new Reply(null, "campaign " + campaignId + " is stopped for good; create a new one"));
    if (state.status() == cmd.status()) return Effect().reply(cmd.replyTo(), reply(state));
    return Effect().persist(new StatusChanged(cmd.status(), Instant.now())).thenRun(this::configureDialer).thenReply(cmd.replyTo(), this::reply);
  }

  private ReplyEffect<Event, State> forward(CampaignDialer.Command command) {
    return Effect().none().thenRun(s -> dialer.tell(command)).thenNoReply();
  }

  private void configureDialer(State state) {
    if (state instanceof Existing e) dialer.tell(new CampaignDialer.Configure(e.settings(), e.status(), e.agentIds()));
  }

  private Reply reply(State state) {
    if (state instanceof Existing e) return new Reply(new CampaignView(campaignId, e.settings(), e.status(), e.agentIds()), null);
    return missing();
  }

  private Reply missing() {
    return new Reply(null, "no campaign " + campaignId);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    var b = newEventHandlerBuilder();
    b.forStateType(NotCreated.class).onEvent(Created.class, (state, e) -> new Existing(e.settings(), Status.PAUSED, List.of()));
    b.forStateType(Existing.class)
        .onEvent(SettingsChanged.class, (state, e) -> new Existing(e.settings(), state.status(), state.agentIds()))
        .onEvent(StatusChanged.class, (state, e) -> new Existing(state.settings(), e.status(), state.agentIds()))
        .onEvent(AgentsAssigned.class, (state, e) -> new Existing(state.settings(), state.status(), e.agentIds()))
        .onEvent(Deleted.class, (state, e) -> new NotCreated());
    return b.build();
  }
}
