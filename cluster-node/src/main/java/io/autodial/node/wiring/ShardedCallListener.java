package io.autodial.node.wiring;

import io.autodial.node.agent.AgentEntity;
import io.autodial.node.call.CallInfo;
import io.autodial.node.call.CallListener;
import io.autodial.node.campaign.CampaignEntity;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.AuditTrail;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Tells a Call's campaign and agent, wherever they live, what happened to it; the audit trail
 * hears of safe-harbor messages and opt-outs, and an opt-out puts the number on the DNC list.
 */
public final class ShardedCallListener implements CallListener {
  /** Where an opt-out goes: the company's do-not-call list (blocking work is the implementer's to move off). */
  public interface OptOuts {
    void optedOut(String phone, String campaignId, String digit);
  }

  private final ClusterSharding sharding;
  private final AuditTrail audit;
  private final OptOuts optOuts;

  public ShardedCallListener(ActorSystem<?> system, AuditTrail audit, OptOuts optOuts) {
    this.sharding = ClusterSharding.get(system);
    this.audit = audit;
    this.optOuts = optOuts;
  }

  @Override
  public void abandoned(CallInfo call) {
    if (call.message() == null || !call.context().forCampaign()) return;
    long afterMillis = Duration.between(call.liveAt(), Instant.now()).toMillis();
    audit.record(new AuditEntry(Instant.now(), AuditKind.MESSAGE_PLAYED, call.context().campaignId(), call.context().leadId(), call.destination(),
        "SAFE_HARBOR", "no agent free: safe-harbor message " + call.message() + " started " + afterMillis + " ms after the live answer (call " + call.uuid() + ")", "dialer"));
  }

  @Override
  public void optedOut(CallInfo call) {
    String campaignId = call.context().campaignId();
    optOuts.optedOut(call.destination(), campaignId, call.context().answerPlan().optOutDigit());
    audit.record(new AuditEntry(call.optedOutAt(), AuditKind.OPTED_OUT, campaignId, call.context().leadId(), call.destination(),
        "SAFE_HARBOR", "pressed " + call.context().answerPlan().optOutDigit() + " during the safe-harbor message (call " + call.uuid() + "); added to the company's do-not-call list", "callee"));
  }

  @Override
  public void answered(CallInfo call) {
    if (call.context().forCampaign())
      campaign(call).tell(new CampaignEntity.CallAnswered(call.uuid(), call.switchId(), call.context().leadId()));
    if (call.context().agentLeg())
      agent(call.context().agentId()).tell(new AgentEntity.LegAnswered(call.uuid(), call.switchId()));
  }

  @Override
  public void pickedUp(CallInfo call) {
    if (call.context().forCampaign()) campaign(call).tell(new CampaignEntity.CallPickedUp(call.uuid()));
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
