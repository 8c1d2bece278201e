package io.autodial.node.campaign.pacing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides how many calls a campaign places now. No I/O and no clock of its own: it is told what
 * happens on the floor, with the time it happened, and asked {@link #callsToPlace(long)} after
 * each such event; the Campaign's dialer and the virtual-time simulator in {@code load-tests} use
 * it the same way.
 *
 * <p>Predictive pacing looks at the next seconds as a race between live answers and agents coming
 * free. For every moment {@code s} ahead at which a new call could be answered live it estimates
 * the agents free by {@code s + patience} (idle now, plus for each busy agent the chance its talk
 * and wrap-up end by then, from the fitted talk and wrap-up time given how long it has gone on)
 * and the live answers due before {@code s} (waiting now, plus for each ringing call the chance it
 * is answered live by then, given how long it has rung). The difference is treated as normal
 * (a sum of many independent yes/no chances). Calls are added while the chance that the newest
 * one, if answered live, finds no agent stays under a threshold; that threshold is steered by the
 * abandonment actually measured, towards the target rate. Calls placed later at the recent dial
 * rate count too: some of them will be answered first.
 *
 * <p>A call placed now is answered 5 to 20 seconds from now, too late to follow what the floor does
 * meanwhile; so calls that have rung the legal minimum (15 s) are looked at again and, when one
 * would now be likelier than that threshold to be answered with no agent free, it is dropped
 * ({@link #callsToDrop}): the dialer hangs it up unanswered, and the lead is tried again later.
 * With AMD on, a call is picked up seconds before AMD says whether a person did: from then on it
 * is forecast from how pickups turn out ({@link Pickups}) and can no longer be dropped.
 *
 * <p>It dials progressively (one call per idle agent) until it has seen enough calls to estimate,
 * and whenever one more abandoned call could take the last eight hours (a calling day) or, for
 * larger teams, the last hour over the hard cap; before that, the risk level shrinks as the room
 * under the cap does, so the first minutes of a day, with few live answers to measure against,
 * cannot spend it in one burst.
 */
public final class Pacer {
  /** Before these many outcomes the estimates are too thin to trust; dial progressively. */
  static final int MIN_RESOLVED = 40, MIN_LIVE = 10;
  /** Before these many ended, busy agents are not counted on to come free. */
  static final int MIN_TALKS = 8, MIN_WRAPS = 4;
  static final long HALF_LIFE_MS = 10 * 60_000;
  static final long CAP_WINDOW_MS = 8 * 3600_000, HOUR_MS = 3600_000;
  static final int HOURLY_CAP_FROM_LIVE = 400;
  /** An hour is held a little under the cap: calls already ringing when it trips may still be abandoned. */
  static final double HOURLY_MARGIN = 0.001;
  /** Fewer abandoned calls than this left under the cap and the risk level shrinks with them. */
  static final double ROOM_FOR_FULL_RISK = 5;
  /** How hard the measured abandonment steers the risk threshold (a step in log space per live answer). */
  static final double GAIN = 0.1;
  /** The risk a marginal call may carry stays within these, so a long run of luck cannot unhinge it. */
  static final double MIN_LOG_THRESHOLD = Math.log(0.001), MAX_LOG_THRESHOLD = Math.log(0.8);
  static final long DIAL_RATE_TIME_CONSTANT_MS = 60_000;

  public enum Phase { IDLE, TALKING, WRAPPING, AWAY }

  /** How the pacer is dialing now and why: for supervisors and tests. */
  public enum Regime { FIXED_RATIO, WARMING_UP, PREDICTIVE, CAPPED }

  record AgentSlot(Phase phase, long since) {}

  private PacingConfig config;
  private final Map<String, AgentSlot> agents = new HashMap<>();
  private final Map<String, Long> ringing = new HashMap<>();
  private final Map<String, Long> waiting = new HashMap<>();
  /** Dropped and not ended yet: when each was placed and dropped. */
  private final Map<String, long[]> droppedCalls = new HashMap<>();
  /** Calls whose drop was refused (already answered, the answer not yet known to be a person's): not asked again. */
  private final Set<String> keep = new HashSet<>();
  private int idle, talking, wrapping;
  private final RingOutcomes outcomes = new RingOutcomes(HALF_LIFE_MS);
  private final Lifetime talk = new Lifetime(HALF_LIFE_MS, now -> elapsed(Phase.TALKING, now));
  private final Lifetime wrap = new Lifetime(HALF_LIFE_MS, now -> elapsed(Phase.WRAPPING, now));
  private final AbandonmentWindow abandonment = new AbandonmentWindow(CAP_WINDOW_MS);
  private final AbandonmentWindow lastHour = new AbandonmentWindow(HOUR_MS);
  private final Pickups pickups = new Pickups(HALF_LIFE_MS);
  private final Forecast forecast = new Forecast(talk, wrap, outcomes, pickups);
  private final EventRate dialRate = new EventRate(DIAL_RATE_TIME_CONSTANT_MS);
  private double logThreshold = Math.log(0.05);
  private double tokens;
  private long tokensAt = Long.MIN_VALUE;
  private Regime regime;
  /** The risk of the call the last predictive decision stopped at (or its last call). */
  private double nextCallRisk;
  private long droppedCount, callsPlaced;
  private boolean warmedUp;
  private double[] aMean = new double[0], aVar = new double[0], lMean = new double[0], lVar = new double[0], newQ = new double[0], shortage = new double[0];

  private boolean forcedProgressive;

  public Pacer(PacingConfig config) {
    this.config = config;
    this.regime = config.predictiveMode() ? Regime.WARMING_UP : Regime.FIXED_RATIO;
  }

  /** A new mode or new limits take effect at the next decision; what was learnt is kept. */
  public void configure(PacingConfig config) {
    this.config = config;
  }

  // ---- what happens on the floor ----

  public void agentIdle(String agentId, long now) {
    move(agentId, Phase.IDLE, now);
  }

  /** Reserved for or talking to a customer. */
  public void agentTalking(String agentId, long now) {
    move(agentId, Phase.TALKING, now);
  }

  public void agentWrapping(String agentId, long now) {
    move(agentId, Phase.WRAPPING, now);
  }

  /** Paused, logged out or otherwise not taking calls. */
  public void agentAway(String agentId, long now) {
    move(agentId, Phase.AWAY, now);
  }

  private void move(String agentId, Phase phase, long now) {
    AgentSlot before = agents.get(agentId);
    if (before != null && before.phase() == phase) return;
    if (before != null) {
      count(before.phase(), -1);
      long lasted = now - before.since();
      if (before.phase() == Phase.TALKING && phase == Phase.WRAPPING) talk.add(lasted, now);
      if (before.phase() == Phase.WRAPPING) wrap.add(lasted, now);
    }
    count(phase, +1);
    agents.put(agentId, new AgentSlot(phase, now));
    forecast.agentBusy(agentId, phase, now, now);
  }

  /** How long each agent now in {@code phase} has been in it. */
  private double[] elapsed(Phase phase, long now) {
    return agents.values().stream().filter(a -> a.phase() == phase).mapToDouble(a -> now - a.since()).toArray();
  }

  private void count(Phase phase, int delta) {
    switch (phase) {
      case IDLE -> idle += delta;
      case TALKING -> talking += delta;
      case WRAPPING -> wrapping += delta;
      case AWAY -> {}
    }
  }

  public void callPlaced(String callId, long now) {
    ringing.put(callId, now);
    forecast.callRinging(callId, now, now);
    tokens -= 1;
    callsPlaced++;
    dialRate.add(now);
  }

  /** Picked up, AMD listening: a person or a machine within seconds, and too late to drop. */
  public void callPickedUp(String callId, long now) {
    Long placed = ringing.get(callId);
    if (placed == null) return;
    pickups.pickedUp(callId, now);
    forecast.callRinging(callId, placed, now);
  }

  /** A person answered (after AMD, when it runs) and needs an agent within the patience. */
  public void callAnsweredLive(String callId, long now) {
    Long placed = ringing.remove(callId);
    long[] dropped = droppedCalls.remove(callId);
    if (placed == null && dropped != null) placed = dropped[0];
    keep.remove(callId);
    pickups.resolved(callId, true, now);
    forecast.callResolved(callId);
    if (placed != null) outcomes.liveAnswer(now - placed, now);
    waiting.put(callId, now);
    abandonment.liveAnswer(now);
    lastHour.liveAnswer(now);
  }

  /** An agent took the live answer. */
  public void callConnected(String callId, long now) {
    if (waiting.remove(callId) != null) logThreshold = Math.min(MAX_LOG_THRESHOLD, logThreshold + GAIN * config.targetAbandonment());
  }

  /** Nobody took the live answer in time. */
  public void callAbandoned(String callId, long now) {
    waiting.remove(callId);
    abandonment.abandoned(now);
    lastHour.abandoned(now);
    logThreshold = Math.max(MIN_LOG_THRESHOLD, logThreshold - GAIN * (1 - config.targetAbandonment()));
  }

  /** Ended without a live answer: busy, no answer, a machine, a failure; or hung up after this pacer dropped it. */
  public void callFailed(String callId, long now) {
    Long placed = ringing.remove(callId);
    keep.remove(callId);
    pickups.resolved(callId, false, now);
    forecast.callResolved(callId);
    if (placed != null) outcomes.resolvedOtherwise(now - placed, now);
    // a dropped call is censored: known only not to have resolved by the time it was dropped
    long[] dropped = droppedCalls.remove(callId);
    if (dropped != null) outcomes.dropped(dropped[1] - dropped[0], now);
    waiting.remove(callId);
  }

  /**
   * The call could not be dropped: it had been answered meanwhile (with AMD on, an answer is known
   * to be a person's only seconds later). It is forecast again, and not dropped again.
   */
  public void dropRefused(String callId, long now) {
    long[] dropped = droppedCalls.remove(callId);
    if (dropped == null) return;
    droppedCount--;
    keep.add(callId);
    ringing.put(callId, dropped[0]);
    forecast.callRinging(callId, dropped[0], now);
  }

  // ---- the decisions ----

  /**
   * The campaign's abandonment over its legal window (30 days, or 24 hours) could cross the limit
   * with one more abandoned call: every mode dials progressively (regime CAPPED) until it cannot.
   */
  public void forceProgressive(boolean forced) {
    this.forcedProgressive = forced;
  }

  /** How many calls to place now (0 when none). */
  public int callsToPlace(long now) {
    refill(now);
    int staffed = idle + talking + wrapping;
    int inFlight = ringing.size() + waiting.size();
    int room = Math.min(config.maxConcurrentCalls() - inFlight, (int) Math.floor(tokens));
    room = Math.min(room, (int) Math.floor(config.maxRatio() * staffed) - inFlight);
    if (room <= 0 || staffed == 0) return 0;
    int want;
    if (forcedProgressive) {
      regime = Regime.CAPPED;
      want = idle - inFlight;
    } else if (!config.predictiveMode()) {
      regime = Regime.FIXED_RATIO;
      want = (int) Math.floor(config.fixedRatio() * idle) - inFlight;
    } else if (!warmedUp()) {
      regime = Regime.WARMING_UP;
      want = idle - inFlight;
    } else if (capReached(now)) {
      regime = Regime.CAPPED;
      want = idle - inFlight;
    } else {
      regime = Regime.PREDICTIVE;
      want = predictive(now, room);
    }
    if (regime != Regime.PREDICTIVE) nextCallRisk = 0;
    return Math.max(0, Math.min(want, room));
  }

  private void refill(long now) {
    double burst = Math.max(1, config.callsPerSecond());
    if (tokensAt == Long.MIN_VALUE) tokens = burst;
    else tokens = Math.min(burst, tokens + (now - tokensAt) * config.callsPerSecond() / 1000.0);
    tokensAt = now;
  }

  /** When a decision refused only for the calls-per-second limit can place a call again. */
  public long nextTokenAt(long now) {
    return tokens >= 1 ? now : now + (long) Math.ceil((1 - tokens) * 1000 / config.callsPerSecond());
  }

  /**
   * Enough calls have been seen to estimate how they resolve: some live answers, and at least half the
   * calls placed so far resolved, so the estimate is not made of the quick outcomes alone (busy
   * signals, early answers) while the slow ones still ring. Talk and wrap-up need not be measured
   * yet: until they are, busy agents are not counted on to come free ({@link Forecast}). Once
   * warmed up, it stays so.
   */
  private boolean warmedUp() {
    if (!warmedUp)
      warmedUp = outcomes.samples() >= MIN_RESOLVED && outcomes.liveSamples() >= MIN_LIVE && 2L * outcomes.samples() >= callsPlaced;
    return warmedUp;
  }

  /**
   * One more abandoned call could take the last eight hours (a calling day) over the hard cap, or
   * the last hour once it holds enough live answers to be measured (a team of a few dozen agents
   * or more: for a small team an hour is a handful of calls, and its day is what is held).
   */
  private boolean capReached(long now) {
    return roomUnderCap(now) < 1;
  }

  /** How many more abandoned calls the day, and the hour once it is measured, can take before the cap. */
  private double roomUnderCap(long now) {
    double room = roomUnder(abandonment, now, 0);
    if (lastHour.liveInWindow(now) >= HOURLY_CAP_FROM_LIVE) room = Math.min(room, roomUnder(lastHour, now, HOURLY_MARGIN));
    return room;
  }

  private double roomUnder(AbandonmentWindow window, long now, double margin) {
    return (config.maxAbandonment() - margin) * (window.liveInWindow(now) + waiting.size()) - window.abandonedInWindow(now);
  }

  /**
   * The risk a call may carry: the steered level, scaled down while fewer than {@link
   * #ROOM_FOR_FULL_RISK} abandoned calls fit under the cap (at the start of a day, or late in a bad
   * hour), so a burst then cannot cross it.
   */
  private double riskLevel(long now) {
    return Math.exp(logThreshold) * Math.min(1, roomUnderCap(now) / ROOM_FOR_FULL_RISK);
  }

  /** Fills the forecast arrays for the next bins; returns how many bins there are. */
  private int forecast(long now) {
    int horizon = outcomes.lastLiveBin(now) + 1;
    prepare(horizon);
    forecast.refresh(now, horizon, config.patienceMillis(), agents, ringing);
    for (int m = 0; m < horizon; m++) {
      aMean[m] = idle + forecast.freeMean[m];
      aVar[m] = Math.max(0, forecast.freeVar[m]);
      lMean[m] = waiting.size() + forecast.liveMean[m];
      lVar[m] = Math.max(0, forecast.liveVar[m]);
      newQ[m] = outcomes.liveWithin(0, Forecast.answerAt(m), now);
    }
    // calls placed after this one answer live too, some before it (shorter rings): at the recent
    // dial rate, these many are expected to be answered live ahead of a call answered at bin m
    double perMs = dialRate.perMillis(now);
    double ahead = 0;
    for (int m = 0; m < horizon; m++) {
      ahead += perMs * RingOutcomes.STEP_MS * newQ[m];
      lMean[m] += ahead;
      lVar[m] += ahead;
    }
    return horizon;
  }

  /** shortage[m]: the chance that live answers up to bin m (with k more calls placed now) outnumber the agents free by then plus the patience. */
  private void shortage(int horizon, int k) {
    for (int m = 0; m < horizon; m++) {
      double mean = aMean[m] - lMean[m] - k * newQ[m];
      double sd = Math.sqrt(aVar[m] + lVar[m] + k * newQ[m] * (1 - newQ[m]) + 0.01);
      shortage[m] = Normal.cdf((0.5 - mean) / sd);
    }
  }

  private int predictive(long now, int room) {
    int horizon = forecast(now);
    double threshold = riskLevel(now);
    double total = newQ[horizon - 1];
    if (total <= 0) return idle - ringing.size() - waiting.size();
    int k = 0;
    while (k < room) {
      shortage(horizon, k);
      double risk = riskIfLive(newQ, horizon);
      nextCallRisk = risk;
      if (risk > threshold) break;
      k++;
    }
    return k;
  }

  /**
   * Ringing calls to hang up now, unanswered: those that have rung at least {@code
   * dropRingingAfterMillis} and, answered live, would now more likely than the risk threshold find
   * no agent, the likeliest first. They leave the forecast at once; the dialer hangs them up, or
   * says {@link #dropRefused} when one had been answered meanwhile. Only while dialing predictively.
   */
  public List<String> callsToDrop(long now) {
    long after = config.dropRingingAfterMillis();
    if (after <= 0 || regime != Regime.PREDICTIVE) return List.of();
    int horizon = forecast(now);
    double threshold = riskLevel(now);
    List<String> drop = new ArrayList<>();
    while (true) {
      shortage(horizon, 0);
      String worst = null;
      double worstRisk = threshold;
      for (Map.Entry<String, Long> call : ringing.entrySet()) {
        if (now - call.getValue() < after || keep.contains(call.getKey()) || pickups.pickedUpAt(call.getKey()) != null) continue;
        double risk = riskIfLive(forecast.liveCurve(call.getKey()), horizon);
        if (risk > worstRisk) {
          worstRisk = risk;
          worst = call.getKey();
        }
      }
      if (worst == null) return drop;
      double[] q = forecast.liveCurve(worst);
      for (int m = 0; m < Math.min(q.length, horizon); m++) {
        lMean[m] -= q[m];
        lVar[m] -= q[m] * (1 - q[m]);
      }
      droppedCalls.put(worst, new long[] {ringing.remove(worst), now});
      forecast.callResolved(worst);
      droppedCount++;
      drop.add(worst);
    }
  }

  /** The chance a call with this live-answer curve, if answered live, finds no agent (from {@link #shortage}). */
  private double riskIfLive(double[] liveBy, int horizon) {
    if (liveBy == null) return 0;
    int n = Math.min(liveBy.length, horizon);
    double total = n == 0 ? 0 : liveBy[n - 1];
    if (total <= 1e-9) return 0;
    double risk = 0, before = 0;
    for (int m = 0; m < n; m++) {
      risk += (liveBy[m] - before) / total * shortage[m];
      before = liveBy[m];
    }
    return risk;
  }

  private void prepare(int n) {
    if (aMean.length < n) {
      aMean = new double[n];
      aVar = new double[n];
      lMean = new double[n];
      lVar = new double[n];
      newQ = new double[n];
      shortage = new double[n];
    }
  }

  // ---- for supervisors ----

  /** What the pacer believes now. Rates are fractions; times are milliseconds. */
  public record Estimates(
      String regime,
      int idleAgents,
      int talkingAgents,
      int wrappingAgents,
      int ringing,
      int waiting,
      double liveAnswerRate,
      double talkMeanMillis,
      double talkCv,
      double wrapMeanMillis,
      double riskThreshold,
      double nextCallRisk,
      long liveAnswers,
      long abandoned,
      double abandonmentRate,
      double abandonmentRateInWindow,
      long droppedRinging) {}

  public Estimates estimates(long now) {
    int liveInWindow = abandonment.liveInWindow(now);
    return new Estimates(
        regime.name(), idle, talking, wrapping, ringing.size(), waiting.size(),
        outcomes.liveRate(now), talk.meanMillis(now), talk.cv(now), wrap.meanMillis(now), Math.exp(logThreshold), nextCallRisk,
        abandonment.liveTotal(), abandonment.abandonedTotal(),
        abandonment.liveTotal() == 0 ? 0 : (double) abandonment.abandonedTotal() / abandonment.liveTotal(),
        liveInWindow == 0 ? 0 : (double) abandonment.abandonedInWindow(now) / liveInWindow,
        droppedCount);
  }
}
