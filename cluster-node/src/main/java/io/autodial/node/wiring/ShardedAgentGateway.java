package io.autodial.node.wiring;

import io.autodial.http.agent.AgentGateway;
import io.autodial.node.agent.AgentEntity;
import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Connects a softphone to its Agent entity: a small actor per connection receives the agent's
 * pushes (the entity watches it, so a dead connection is forgotten), and each client message is
 * an ask that the entity answers with an Ack or an Error.
 */
public final class ShardedAgentGateway implements AgentGateway {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;

  public ShardedAgentGateway(ActorSystem<?> system) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
  }

  @Override
  public AgentSession attach(String agentId, Consumer<AgentServerMessage> push) {
    ActorRef<Object> connection = system.systemActorOf(connection(push), "agent-ws-" + agentId + "-" + UUID.randomUUID(), Props.empty());
    EntityRef<AgentEntity.Command> agent = sharding.entityRefFor(AgentEntity.ENTITY_KEY, agentId);
    agent.tell(new AgentEntity.Attach(connection.unsafeUpcast()));
    return new AgentSession() {
      @Override
      public CompletionStage<AgentServerMessage> handle(AgentClientMessage message) {
        return agent
            .<AgentServerMessage>ask(replyTo -> new AgentEntity.Client(message, replyTo), ASK_TIMEOUT)
            .exceptionally(failure -> new AgentServerMessage.Error(message.id(), "the agent service did not answer in time; try again"));
      }

      @Override
      public void detach() {
        connection.tell(Stop.INSTANCE);
      }
    };
  }

  private enum Stop {
    INSTANCE
  }

  private static Behavior<Object> connection(Consumer<AgentServerMessage> push) {
    return Behaviors.receive(Object.class)
        .onMessage(AgentServerMessage.class, m -> {
          push.accept(m);
          return Behaviors.same();
        })
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .build();
  }
}
