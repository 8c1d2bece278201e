package io.autodial.node.campaign.pacing;

/**
 * How a {@link Pacer} decides. {@code fixedRatio} null means predictive; otherwise it keeps {@code
 * fixedRatio × idle agents} calls ringing or waiting (1.0 is progressive, more is power dialing).
 * Abandonment shares are fractions (0.025 = 2.5 %) of live answers. {@code maxRatio} bounds calls
 * in flight per staffed (not paused) agent. {@code patienceMillis} is how long a live answer may
 * wait for an agent before it counts as abandoned (the 2-second rule). {@code dropRingingAfterMillis}
 * (0: never) lets predictive pacing hang up a call that has rung at least this long when it would
 * most likely be answered with no agent free; the law allows it after 15 seconds of ringing (FCC
 * 64.1200(a)(6), TSR 310.4(b)(1)(iv), Ofcom's 15-second minimum), so less is refused.
 */
public record PacingConfig(
    Double fixedRatio,
    double targetAbandonment,
    double maxAbandonment,
    double maxRatio,
    int maxConcurrentCalls,
    double callsPerSecond,
    long patienceMillis,
    long dropRingingAfterMillis) {

  public static final long TWO_SECONDS = 2_000;
  /** The shortest ring the law allows before a dialer hangs up an unanswered call. */
  public static final long MIN_RING_BEFORE_DROP = 15_000;

  public PacingConfig {
    if (fixedRatio != null && (fixedRatio < 1.0 || fixedRatio > 10.0)) throw new IllegalArgumentException("a fixed ratio must be between 1 and 10");
    if (targetAbandonment <= 0 || targetAbandonment > maxAbandonment) throw new IllegalArgumentException("need 0 < target abandonment <= max abandonment");
    if (maxAbandonment > 0.03) throw new IllegalArgumentException("max abandonment must be at most 3 % (FTC 310.4(b)(4))");
    if (maxRatio < 1.0) throw new IllegalArgumentException("max ratio must be at least 1");
    if (maxConcurrentCalls < 1) throw new IllegalArgumentException("max concurrent calls must be at least 1");
    if (callsPerSecond <= 0) throw new IllegalArgumentException("calls per second must be positive");
    if (patienceMillis <= 0) throw new IllegalArgumentException("patience must be positive");
    if (dropRingingAfterMillis != 0 && dropRingingAfterMillis < MIN_RING_BEFORE_DROP)
      throw new IllegalArgumentException("a ringing call may be dropped only after 15 seconds of ringing");
  }

  public static PacingConfig predictive() {
    return new PacingConfig(null, 0.025, 0.03, 3.0, 10_000, 1_000, TWO_SECONDS, MIN_RING_BEFORE_DROP);
  }

  public static PacingConfig fixed(double ratio) {
    return new PacingConfig(ratio, 0.025, 0.03, Math.max(3.0, ratio), 10_000, 1_000, TWO_SECONDS, 0);
  }

  public boolean predictiveMode() {
    return fixedRatio == null;
  }

  public PacingConfig withLimits(int maxConcurrentCalls, double callsPerSecond) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis, dropRingingAfterMillis);
  }

  public PacingConfig withPatience(long patienceMillis) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis, dropRingingAfterMillis);
  }

  public PacingConfig withDropRingingAfter(long millis) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis, millis);
  }
}
