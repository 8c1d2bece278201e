package io.autodial.node.wiring;

import io.autodial.node.agent.AgentEntity;
import io.autodial.node.call.CallInfo;
import io.autodial.node.call.CallListener;
import io.autodial.node.campaign.CampaignEntity;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** Tells a Call's campaign and agent, wherever they live, what happened to it. */
public final class ShardedCallListener implements CallListener {
  private final ClusterSharding sharding;

  public ShardedCallListener(ActorSystem<?> system) {
    this.sharding = ClusterSharding.get(system);
  }

  @Override
  public void answered(CallInfo call) {
    if (call.context().forCampaign())
      campaign(call).tell(new CampaignEntity.CallAnswered(call.uuid(), call.switchId(), call.context().leadId()));
    if (call.context().agentLeg())
      agent(call.context().agentId()).tell(new AgentEntity.LegAnswered(call.uuid(), call.switchId()));
  }

  @Override
  public void connected(CallInfo call) {
    if (call.agentId() != null) agent(call.agentId()).tell(new AgentEntity.CustomerConnected(call.uuid()));
  }

  @Override
  public void machineDetected(CallInfo call) {
    if (call.context().forCampaign()) campaign(call).tell(new CampaignEntity.CallReachedMachine(call.uuid()));
  }

  @Override
  public void ended(CallInfo call) {
    if (call.context().forCampaign()) campaign(call).tell(new CampaignEntity.CallEnded(call.uuid()));
    // the agent that took the call, or the one an agent-bound call was for (it may never have answered)
    String agentId = call.agentId() != null ? call.agentId() : call.context().bound() ? call.context().boundAgent().agentId() : null;
    if (agentId != null) agent(agentId).tell(new AgentEntity.CustomerCallEnded(call.uuid(), call.hangupCause()));
    if (call.context().agentLeg()) agent(call.context().agentId()).tell(new AgentEntity.LegEnded(call.uuid()));
  }

  private org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<CampaignEntity.Command> campaign(CallInfo call) {
    return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, call.context().campaignId());
  }

  private org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<AgentEntity.Command> agent(String agentId) {
    return sharding.entityRefFor(AgentEntity.ENTITY_KEY, agentId);
  }
}
