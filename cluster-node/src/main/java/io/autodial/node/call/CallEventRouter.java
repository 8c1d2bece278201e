package io.autodial.node.call;

import io.autodial.protocol.call.SwitchEvent;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Hands each typed switch event to the Call entity named by its uuid, wherever in the cluster it
 * lives. Runs on the ESL socket thread, so it only enqueues.
 */
public final class CallEventRouter implements Consumer<SwitchEvent> {
  private final ClusterSharding sharding;

  public CallEventRouter(ActorSystem<?> system) {
    this.sharding = ClusterSharding.get(system);
  }

  @Override
  public void accept(SwitchEvent event) {
    sharding
        .entityRefFor(CallEntity.ENTITY_KEY, event.uuid())
        .tell(new CallEntity.SwitchEventReceived(event));
  }
}
