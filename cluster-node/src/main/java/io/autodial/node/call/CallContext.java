package io.autodial.node.call;

import io.autodial.node.leads.RetryRules;
import io.autodial.protocol.CborSerializable;

/**
 * Why a leg is dialed: for a campaign's customer call, the campaign, the lead, the retry rules in
 * force when it was dialed and how it treats its answer ({@code answering}, null: a plain live
 * answer); for an agent's own leg, the agent. {@code boundAgent} is set on a customer call placed
 * for one agent (preview, manual dial): it is bridged to that agent as soon as it is answered live.
 * Null fields do not apply.
 */
public record CallContext(
    String campaignId, Long leadId, String agentId, RetryRules retryRules, Answering answering, BoundAgent boundAgent)
    implements CborSerializable {

  /** The agent an agent-bound call is for, and its parked leg on the switch. */
  public record BoundAgent(String agentId, String legUuid, String switchId) implements CborSerializable {}

  public static final CallContext NONE = new CallContext(null, null, null, null, null, null);

  public static CallContext campaign(String campaignId, long leadId, RetryRules rules) {
    return new CallContext(campaignId, leadId, null, rules, null, null);
  }

  public static CallContext agentLeg(String agentId) {
    return new CallContext(null, null, agentId, null, null, null);
  }

  public CallContext withAnswering(Answering a) {
    return new CallContext(campaignId, leadId, agentId, retryRules, a, boundAgent);
  }

  public CallContext boundTo(BoundAgent agent) {
    return new CallContext(campaignId, leadId, agentId, retryRules, answering, agent);
  }

  public boolean forCampaign() {
    return campaignId != null;
  }

  public boolean agentLeg() {
    return agentId != null;
  }

  /** How the answer is treated; a plain live answer when not said (older calls too). */
  public Answering answerPlan() {
    return answering == null ? Answering.LIVE : answering;
  }

  public boolean bound() {
    return boundAgent != null;
  }
}
