package io.autodial.node.campaign;

import io.autodial.node.call.Answering;
import io.autodial.node.call.CallContext;
import io.autodial.node.call.CallEntity;
import io.autodial.node.compliance.ComplianceRules;
import io.autodial.node.compliance.Jurisdiction;
import io.autodial.node.compliance.LeadRegions;
import io.autodial.node.compliance.RecordingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The dial spec of a campaign's customer call, from the campaign's settings as they are now. */
final class CustomerDials {
  private CustomerDials() {}

  /** Who is called: the call's uuid, the lead, its number and region (null when the leadset has none). */
  record Callee(String callUuid, long leadId, String phone, String region) {}

  static CallEntity.DialSpec spec(CampaignSettings settings, String campaignId, Callee callee, String recordingsDir) {
    Answering answering = answering(settings, campaignId, callee, recordingsDir);
    CallContext context = CallContext.campaign(campaignId, callee.leadId(), settings.retryRules()).withAnswering(answering);
    return CallEntity.DialSpec.customer(callee.phone(), settings.callerId(), Duration.ofSeconds(settings.ringTimeoutSeconds()))
        .withVariables(variables(answering))
        .withContext(context);
  }

  /** A call placed for one agent (preview, manual dial): bridged to that agent when answered live. */
  static CallEntity.DialSpec bound(CampaignSettings settings, String campaignId, Callee callee, String recordingsDir, CallContext.BoundAgent agent) {
    CallEntity.DialSpec spec = spec(settings, campaignId, callee, recordingsDir);
    // a person answering an agent's own call talks to that agent, never to a recording; that agent
    // is waiting, so nobody is abandoned and there is no safe-harbor message
    Answering a = spec.context().answerPlan();
    Answering forAgent = new Answering(a.amd(), a.leaveMessage(), a.machineMessage(), null, null, null, a.recordingPath(), a.recordingNotice());
    return spec.withContext(spec.context().withAnswering(forAgent).boundTo(agent));
  }

  static Answering answering(CampaignSettings settings, String campaignId, Callee callee, String recordingsDir) {
    CampaignSettings.Machines m = settings.machines();
    ComplianceRules c = settings.compliance();
    boolean broadcast = settings.mode() == DialMode.BROADCAST;
    boolean leaveMessage =
        m.machineMessage() != null && (m.action() == CampaignSettings.MachineAction.LEAVE_MESSAGE || broadcast);
    Recording recording = broadcast ? Recording.NONE : recording(c, campaignId, callee, recordingsDir);
    return new Answering(m.amd(), leaveMessage, leaveMessage ? m.machineMessage() : null, broadcast ? m.humanMessage() : null,
        c.safeHarborMessage(), c.optOutDigit(), recording.path(), recording.notice());
  }

  private record Recording(String path, String notice) {
    static final Recording NONE = new Recording(null, null);
  }

  /**
   * Whether the call is recorded and whether the callee hears the notice first. ON_WITH_NOTICE:
   * everyone hears it. ON: only callees in an all-party-consent state (or in a US state nobody can
   * tell) hear it, or, if the campaign says so, are not recorded at all.
   */
  private static Recording recording(ComplianceRules c, String campaignId, Callee callee, String recordingsDir) {
    if (c.recording() == RecordingMode.OFF) return Recording.NONE;
    String path = recordingsDir + "/" + campaignId + "/" + callee.callUuid() + ".wav";
    if (c.recording() == RecordingMode.ON_WITH_NOTICE) return new Recording(path, c.recordingNotice());
    Optional<String> state = LeadRegions.stateOf(callee.region(), callee.phone());
    boolean allParty = state.map(c::allPartyConsent).orElse(c.jurisdiction() == Jurisdiction.US);
    if (!allParty) return new Recording(path, null);
    return c.noticeInAllPartyStates() ? new Recording(path, c.recordingNotice()) : Recording.NONE;
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
