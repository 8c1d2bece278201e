package io.autodial.node.campaign;

import io.autodial.node.campaign.pacing.Pacer;
import io.autodial.node.campaign.pacing.PacingConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dialer's side of its {@link Pacer}: turns what the dialer sees (agents ready or not, calls
 * placed, answered, connected, ended) into the pacer's floor events, on the pacer's clock, and
 * asks it how many calls to place. The clock runs {@code timeScale} times faster than wall time
 * only in benchmarks against a time-scaled switch simulator, so the pacer sees the same seconds
 * as in production.
 */
final class FloorPacing {
  private final Pacer pacer;
  private final double timeScale;
  private final long origin = System.nanoTime();
  /** Agents this dialer gave a call, from the reservation until that call ends. */
  private final Map<String, String> callOfAgent = new HashMap<>();
  private final Map<String, String> agentOfCall = new HashMap<>();

  FloorPacing(CampaignSettings settings, double timeScale) {
    this.pacer = new Pacer(config(settings));
    this.timeScale = timeScale;
  }

  /** The campaign's mode and limits as the pacer's; PREVIEW and BROADCAST are not paced by it. */
  static PacingConfig config(CampaignSettings s) {
    CampaignSettings.Pacing p = s.pacing();
    Double ratio = switch (p.mode()) {
      case PREDICTIVE -> null;
      case POWER -> s.multiplier();
      default -> 1.0;
    };
    return new PacingConfig(ratio, p.targetAbandonmentPercent() / 100, p.maxAbandonmentPercent() / 100,
        Math.max(p.maxRatio(), ratio == null ? 1 : ratio), s.maxConcurrentCalls(), p.callsPerSecond(), io.autodial.node.call.CallEntity.ABANDON_AFTER.toMillis(),
        p.dropRingingCalls() ? PacingConfig.MIN_RING_BEFORE_DROP : 0);
  }

  void configure(CampaignSettings settings) {
    pacer.configure(config(settings));
  }

  long now() {
    return (long) ((System.nanoTime() - origin) / 1e6 * timeScale);
  }

  void agentReady(String agentId) {
    String call = callOfAgent.remove(agentId);
    if (call != null) agentOfCall.remove(call);
    pacer.agentIdle(agentId, now());
  }

  /** Left READY: for the call this dialer gave it (already counted), or for a pause or a logout. */
  void agentUnavailable(String agentId) {
    if (!callOfAgent.containsKey(agentId)) pacer.agentAway(agentId, now());
  }

  /** The dialer chose this agent for a live answer. */
  void agentReserved(String agentId, String callUuid) {
    callOfAgent.put(agentId, callUuid);
    agentOfCall.put(callUuid, agentId);
    long now = now();
    pacer.callConnected(callUuid, now);
    pacer.agentTalking(agentId, now);
  }

  /** The agent could not take it after all; it says again when it is ready. */
  void agentRefused(String agentId, String callUuid) {
    callOfAgent.remove(agentId);
    agentOfCall.remove(callUuid);
    pacer.agentAway(agentId, now());
  }

  /** The bridge failed: the customer had gone or was abandoned meanwhile. */
  void connectFailed(String agentId, String callUuid) {
    agentRefused(agentId, callUuid);
    pacer.callAbandoned(callUuid, now());
  }

  void callPlaced(String callUuid) {
    pacer.callPlaced(callUuid, now());
  }

  void callPickedUp(String callUuid) {
    pacer.callPickedUp(callUuid, now());
  }

  void callAnsweredLive(String callUuid) {
    pacer.callAnsweredLive(callUuid, now());
  }

  void callReachedMachine(String callUuid) {
    pacer.callFailed(callUuid, now());
  }

  /**
   * A call is gone: the customer of an agent (who now wraps up), a live answer nobody took (the
   * Call abandoned it, or the customer left first), or one that was never answered live.
   */
  void callEnded(String callUuid, boolean wasWaiting) {
    String agent = agentOfCall.remove(callUuid);
    if (agent != null) {
      // from here on, leaving READY's neighbourhood (a pause after wrap-up) means away
      callOfAgent.remove(agent);
      pacer.agentWrapping(agent, now());
    } else if (wasWaiting) {
      pacer.callAbandoned(callUuid, now());
    } else {
      pacer.callFailed(callUuid, now());
    }
  }

  /** The abandonment limit holds pacing to progressive (one call per idle agent), or frees it. */
  void forceProgressive(boolean forced) {
    pacer.forceProgressive(forced);
  }

  int callsToPlace() {
    return pacer.callsToPlace(now());
  }

  /** Ringing calls to hang up unanswered: likely to find no agent (predictive only; see {@link Pacer#callsToDrop}). */
  List<String> callsToDrop() {
    return pacer.callsToDrop(now());
  }

  /** A dropped call had been answered before the hangup could be sent: it is kept. */
  void dropRefused(String callUuid) {
    pacer.dropRefused(callUuid, now());
  }

  Pacer.Estimates estimates() {
    return pacer.estimates(now());
  }
}
