package io.autodial.node.campaign;

import io.autodial.node.call.Answering;
import io.autodial.node.call.CallContext;
import io.autodial.node.call.CallEntity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The dial spec of a campaign's customer call, from the campaign's settings as they are now. */
final class CustomerDials {
  private CustomerDials() {}

  static CallEntity.DialSpec spec(CampaignSettings settings, String campaignId, long leadId, String phone) {
    Answering answering = answering(settings);
    CallContext context = CallContext.campaign(campaignId, leadId, settings.retryRules()).withAnswering(answering);
    return CallEntity.DialSpec.customer(phone, settings.callerId(), Duration.ofSeconds(settings.ringTimeoutSeconds()))
        .withVariables(variables(answering))
        .withContext(context);
  }

  /** A call placed for one agent (preview, manual dial): bridged to that agent when answered live. */
  static CallEntity.DialSpec bound(CampaignSettings settings, String campaignId, long leadId, String phone, CallContext.BoundAgent agent) {
    CallEntity.DialSpec spec = spec(settings, campaignId, leadId, phone);
    // a person answering an agent's own call talks to that agent, never to a recording
    Answering answering = spec.context().answerPlan();
    Answering forAgent = new Answering(answering.amd(), answering.leaveMessage(), answering.machineMessage(), null, null, null);
    return spec.withContext(spec.context().withAnswering(forAgent).boundTo(agent));
  }

  static Answering answering(CampaignSettings settings) {
    CampaignSettings.Machines m = settings.machines();
    boolean broadcast = settings.mode() == DialMode.BROADCAST;
    boolean leaveMessage =
        m.machineMessage() != null && (m.action() == CampaignSettings.MachineAction.LEAVE_MESSAGE || broadcast);
    return new Answering(m.amd(), leaveMessage, leaveMessage ? m.machineMessage() : null, broadcast ? m.humanMessage() : null,
        settings.compliance().safeHarborMessage(), settings.compliance().optOutDigit());
  }

  /**
   * The switch runs AMD on answer ({@code amd} application: a pluggable module's verdict comes as
   * CUSTOM amd::result) and, when a machine is to hear a message, mod_avmd for its beep.
   */
  private static Map<String, String> variables(Answering answering) {
    Map<String, String> vars = new HashMap<>();
    if (answering.amd()) vars.put("execute_on_answer", "amd");
    if (answering.amd() && answering.leaveMessage()) vars.put("execute_on_answer_1", "avmd_start");
    return vars;
  }
}
