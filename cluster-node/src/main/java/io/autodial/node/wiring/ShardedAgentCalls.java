package io.autodial.node.wiring;

import io.autodial.node.agent.AgentCalls;
import io.autodial.node.call.CallEntity;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** Agents' requests to Call entities, over sharding. */
public final class ShardedAgentCalls implements AgentCalls {
  /** How long an agent's own leg may ring (a softphone or desk phone answers at once). */
  private static final Duration AGENT_LEG_RING_TIMEOUT = Duration.ofSeconds(30);
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;

  public ShardedAgentCalls(ActorSystem<?> system) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
  }

  @Override
  public void dialAgentLeg(String legUuid, String agentId) {
    call(legUuid).tell(new CallEntity.Dial(CallEntity.DialSpec.agentLeg(agentId, AGENT_LEG_RING_TIMEOUT), system.ignoreRef()));
  }

  @Override
  public void hangup(String callUuid) {
    call(callUuid).tell(new CallEntity.Hangup("NORMAL_CLEARING", system.ignoreRef()));
  }

  @Override
  public void recordDisposition(String callUuid, String agentId, String code, String notes, Instant callbackAt, boolean dnc) {
    call(callUuid).tell(new CallEntity.RecordDisposition(agentId, code, notes, callbackAt, dnc, system.ignoreRef()));
  }

  private org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<CallEntity.Command> call(String uuid) {
    return sharding.entityRefFor(CallEntity.ENTITY_KEY, uuid);
  }
}
