package io.autodial.node.call;

import io.autodial.node.leads.RetryRules;
import io.autodial.protocol.CborSerializable;

/**
 * Why a leg is dialed: for a campaign's customer call, the campaign, the lead and the retry rules
 * in force when it was dialed; for an agent's own leg, the agent. Null fields do not apply.
 */
public record CallContext(String campaignId, Long leadId, String agentId, RetryRules retryRules)
    implements CborSerializable {

  public static final CallContext NONE = new CallContext(null, null, null, null);

  public static CallContext campaign(String campaignId, long leadId, RetryRules rules) {
    return new CallContext(campaignId, leadId, null, rules);
  }

  public static CallContext agentLeg(String agentId) {
    return new CallContext(null, null, agentId, null);
  }

  public boolean forCampaign() {
    return campaignId != null;
  }

  public boolean agentLeg() {
    return agentId != null;
  }
}
