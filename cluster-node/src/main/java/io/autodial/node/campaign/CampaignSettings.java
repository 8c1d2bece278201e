package io.autodial.node.campaign;

import io.autodial.node.compliance.ComplianceRules;
import io.autodial.node.leads.RetryRules;
import io.autodial.protocol.CborSerializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a campaign dials. The ring timeout is at least 15 s (FCC 64.1200(a)(6): not before 15 s or
 * four rings); dispositions are the defaults plus the campaign's own.
 */
public record CampaignSettings(
    String name,
    String callerId,
    double multiplier,
    int maxConcurrentCalls,
    int ringTimeoutSeconds,
    List<String> dispositions,
    String script,
    RetryRules retryRules,
    List<Long> leadsetIds,
    Pacing pacing,
    Machines machines,
    ComplianceRules compliance)
    implements CborSerializable {

  /**
   * The dialing mode and the pacing limits. Abandonment percentages are of live answers; the FCC
   * limit is 3% (64.1200(a)(7)), so the maximum may not exceed it. {@code maxRatio} caps calls per
   * ready agent, {@code callsPerSecond} caps originates. With {@code dropRingingCalls} (the default;
   * null in settings saved before it existed) predictive pacing may hang up a call that has rung 15
   * seconds, the legal minimum, when it would likely be answered with no agent free.
   */
  public record Pacing(
      DialMode mode, double targetAbandonmentPercent, double maxAbandonmentPercent, double maxRatio, double callsPerSecond,
      Boolean dropRingingCalls)
      implements CborSerializable {
    public static final Pacing DEFAULT = new Pacing(DialMode.POWER, 2.5, 3.0, 3.0, 10);

    public Pacing(DialMode mode, double targetAbandonmentPercent, double maxAbandonmentPercent, double maxRatio, double callsPerSecond) {
      this(mode, targetAbandonmentPercent, maxAbandonmentPercent, maxRatio, callsPerSecond, true);
    }

    public Pacing {
      mode = mode == null ? DialMode.POWER : mode;
      dropRingingCalls = dropRingingCalls == null || dropRingingCalls;
      if (!(targetAbandonmentPercent > 0)) throw new IllegalArgumentException("targetAbandonmentPercent must be above 0");
      if (maxAbandonmentPercent > 3.0)
        throw new IllegalArgumentException("maxAbandonmentPercent must be at most 3.0 (the legal limit of abandoned live answers)");
      if (maxAbandonmentPercent < targetAbandonmentPercent)
        throw new IllegalArgumentException("maxAbandonmentPercent must be at least targetAbandonmentPercent");
      if (!(maxRatio >= 1.0)) throw new IllegalArgumentException("maxRatio must be at least 1");
      if (!(callsPerSecond > 0)) throw new IllegalArgumentException("callsPerSecond must be above 0");
    }
  }

  public enum MachineAction {
    HANGUP,
    LEAVE_MESSAGE
  }

  /**
   * Answering machines: with {@code amd} the switch classifies each answer and a machine never
   * reaches an agent; it is hung up on or, with LEAVE_MESSAGE, hears {@code machineMessage} after
   * the beep. {@code humanMessage} is what a person hears in a BROADCAST campaign. Messages are
   * file paths (or URLs) the switch can play.
   */
  public record Machines(boolean amd, MachineAction action, String machineMessage, String humanMessage)
      implements CborSerializable {
    public static final Machines DEFAULT = new Machines(true, MachineAction.HANGUP, null, null);

    public Machines {
      action = action == null ? MachineAction.HANGUP : action;
      machineMessage = blankToNull(machineMessage);
      humanMessage = blankToNull(humanMessage);
      if (action == MachineAction.LEAVE_MESSAGE && machineMessage == null)
        throw new IllegalArgumentException("machineAction LEAVE_MESSAGE needs a machineMessage to play after the beep");
    }
  }

  /** The agent's flag that the person revoked consent on the call: every consent of the number ends. */
  public static final String CONSENT_REVOKED = "CONSENT REVOKED";

  public static final List<String> DEFAULT_DISPOSITIONS =
      List.of("SALE MADE", "CALL BACK", "NOT INTERESTED", "DO NOT CALL", "BUSY", "WRONG DETAILS",
          "DISCONNECTED NUMBER", "DECLINED SALE", "CALL TRANSFERRED", CONSENT_REVOKED);

  public CampaignSettings {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
    if (callerId == null || !callerId.matches("\\+?[0-9]{3,15}"))
      throw new IllegalArgumentException("callerId must be a phone number people can call back (digits, optionally with +)");
    if (multiplier < 1.0 || multiplier > 10.0) throw new IllegalArgumentException("multiplier must be between 1 and 10");
    if (maxConcurrentCalls < 1) throw new IllegalArgumentException("maxConcurrentCalls must be at least 1");
    if (ringTimeoutSeconds < 15)
      throw new IllegalArgumentException("ringTimeoutSeconds must be at least 15 (do not hang up before 15 seconds or four rings)");
    if (ringTimeoutSeconds > 120) throw new IllegalArgumentException("ringTimeoutSeconds must be at most 120");
    Set<String> all = new LinkedHashSet<>(DEFAULT_DISPOSITIONS);
    for (String d : dispositions == null ? List.<String>of() : dispositions) {
      if (d == null || d.isBlank()) throw new IllegalArgumentException("a disposition must not be blank");
      all.add(d.trim().toUpperCase());
    }
    dispositions = List.copyOf(all);
    script = script == null ? "" : script;
    retryRules = retryRules == null ? RetryRules.defaults() : retryRules;
    leadsetIds = leadsetIds == null ? List.of() : List.copyOf(leadsetIds);
    // settings persisted before modes existed have neither: they dialed in power mode
    pacing = pacing == null ? Pacing.DEFAULT : pacing;
    machines = machines == null ? Machines.DEFAULT : machines;
    compliance = compliance == null ? ComplianceRules.DEFAULT : compliance;
    if (pacing.mode() == DialMode.BROADCAST && machines.humanMessage() == null)
      throw new IllegalArgumentException("mode BROADCAST needs a humanMessage to play to the people who answer");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public DialMode mode() {
    return pacing.mode();
  }

  public CampaignSettings withLeadsets(List<Long> ids) {
    return new CampaignSettings(name, callerId, multiplier, maxConcurrentCalls, ringTimeoutSeconds, custom(), script, retryRules, ids, pacing, machines, compliance);
  }

  /** The campaign's own dispositions, without the defaults. */
  public List<String> custom() {
    List<String> own = new ArrayList<>(dispositions);
    own.removeAll(DEFAULT_DISPOSITIONS);
    return own;
  }
}
