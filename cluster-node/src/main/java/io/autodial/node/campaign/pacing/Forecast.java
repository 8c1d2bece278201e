package io.autodial.node.campaign.pacing;

import java.util.HashMap;
import java.util.Map;

/**
 * The next seconds of the floor, summed: for each answer bin m ahead, the expected number of busy
 * agents free by then plus the patience (and its variance), and the expected live answers from
 * ringing calls by then (and its variance). Each agent's and each call's own curve is kept, so an
 * event adjusts the sums instead of recomputing the whole floor; the whole is recomputed a few
 * times a second as time moves on. At 500 agents this is what keeps a decision in microseconds.
 */
final class Forecast {
  private static final long REBUILD_EVERY_MS = 250;

  private final Lifetime talk, wrap;
  private final RingOutcomes outcomes;
  private final Pickups pickups;
  private final Map<String, double[]> agentCurves = new HashMap<>();
  private final Map<String, double[]> callCurves = new HashMap<>();
  double[] freeMean = new double[0], freeVar = new double[0], liveMean = new double[0], liveVar = new double[0];
  private int horizon;
  private long patience;
  private long builtAt = Long.MIN_VALUE;

  Forecast(Lifetime talk, Lifetime wrap, RingOutcomes outcomes, Pickups pickups) {
    this.talk = talk;
    this.wrap = wrap;
    this.outcomes = outcomes;
    this.pickups = pickups;
  }

  int horizon() {
    return horizon;
  }

  boolean built() {
    return builtAt != Long.MIN_VALUE;
  }

  /** Recomputes everything if time has moved on or the horizon or patience changed. */
  void refresh(long now, int horizon, long patience, Map<String, Pacer.AgentSlot> agents, Map<String, Long> ringing) {
    if (built() && now - builtAt < REBUILD_EVERY_MS && horizon == this.horizon && patience == this.patience) return;
    this.horizon = horizon;
    this.patience = patience;
    if (freeMean.length < horizon) {
      freeMean = new double[horizon];
      freeVar = new double[horizon];
      liveMean = new double[horizon];
      liveVar = new double[horizon];
    }
    java.util.Arrays.fill(freeMean, 0);
    java.util.Arrays.fill(freeVar, 0);
    java.util.Arrays.fill(liveMean, 0);
    java.util.Arrays.fill(liveVar, 0);
    agentCurves.clear();
    callCurves.clear();
    builtAt = now;
    agents.forEach((id, slot) -> agentBusy(id, slot.phase(), slot.since(), now));
    ringing.forEach((id, placed) -> callRinging(id, placed, now));
  }

  void agentBusy(String id, Pacer.Phase phase, long since, long now) {
    agentGone(id);
    if (!built() || phase != Pacer.Phase.TALKING && phase != Pacer.Phase.WRAPPING) return;
    // early in a day, before talks and wrap-ups have been measured, nobody busy is counted on
    if (talk.samples() < Pacer.MIN_TALKS || wrap.samples() < Pacer.MIN_WRAPS) return;
    double elapsed = now - since;
    double wrapMean = wrap.meanMillis(now);
    double[] curve = new double[horizon];
    for (int m = 0; m < horizon; m++) {
      double by = answerAt(m) + patience;
      double p = phase == Pacer.Phase.TALKING ? talk.overWithin(elapsed, by - wrapMean, now) : wrap.overWithin(elapsed, by, now);
      curve[m] = p;
      freeMean[m] += p;
      freeVar[m] += p * (1 - p);
    }
    agentCurves.put(id, curve);
  }

  void agentGone(String id) {
    double[] curve = agentCurves.remove(id);
    if (curve == null) return;
    for (int m = 0; m < curve.length; m++) {
      freeMean[m] -= curve[m];
      freeVar[m] -= curve[m] * (1 - curve[m]);
    }
  }

  /** A call ringing, or picked up with AMD still listening; recomputed when that changes. */
  void callRinging(String id, long placed, long now) {
    callResolved(id);
    if (!built()) return;
    double age = now - placed;
    Long pickedUp = pickups.measured() ? pickups.pickedUpAt(id) : null;
    double[] curve = new double[horizon];
    for (int m = 0; m < horizon; m++) {
      double q = pickedUp != null ? pickups.liveWithin(now - pickedUp, answerAt(m), now) : outcomes.liveWithin(age, answerAt(m), now);
      curve[m] = q;
      liveMean[m] += q;
      liveVar[m] += q * (1 - q);
    }
    callCurves.put(id, curve);
  }

  /** P(this ringing call is answered live by the end of each bin), or null when it is not forecast. */
  double[] liveCurve(String id) {
    return callCurves.get(id);
  }

  void callResolved(String id) {
    double[] curve = callCurves.remove(id);
    if (curve == null) return;
    for (int m = 0; m < curve.length; m++) {
      liveMean[m] -= curve[m];
      liveVar[m] -= curve[m] * (1 - curve[m]);
    }
  }

  /** The end of answer bin m, in milliseconds from now. */
  static double answerAt(int m) {
    return (m + 1) * (double) RingOutcomes.STEP_MS;
  }
}
