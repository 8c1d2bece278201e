package io.autodial.node.campaign.pacing;

/**
 * How a {@link Pacer} decides. {@code fixedRatio} null means predictive; otherwise it keeps {@code
 * fixedRatio × idle agents} calls ringing or waiting (1.0 is progressive, more is power dialing).
 * Abandonment shares are fractions (0.025 = 2.5 %) of live answers. {@code maxRatio} bounds calls
 * in flight per staffed (not paused) agent. {@code patienceMillis} is how long a live answer may
 * wait for an agent before it counts as abandoned (the 2-second rule). {@code releaseAfterMillis}
 * (predictive only; 0 = never): a call still ringing after this long may be hung up when a live
 * answer now would likely find no agent; never below 15 s (FCC 64.1200(a)(6)).
 */
public record PacingConfig(
    Double fixedRatio,
    double targetAbandonment,
    double maxAbandonment,
    double maxRatio,
    int maxConcurrentCalls,
    double callsPerSecond,
    long patienceMillis,
    long releaseAfterMillis) {

  public static final long TWO_SECONDS = 2_000;
  public static final long MIN_RING_MILLIS = 15_000;

  public PacingConfig {
    if (fixedRatio != null && (fixedRatio < 1.0 || fixedRatio > 10.0)) throw new IllegalArgumentException("a fixed ratio must be between 1 and 10");
    if (targetAbandonment <= 0 || targetAbandonment > maxAbandonment) throw new IllegalArgumentException("need 0 < target abandonment <= max abandonment");
    if (maxAbandonment > 0.03) throw new IllegalArgumentException("max abandonment must be at most 3 % (FTC 310.4(b)(4))");
    if (maxRatio < 1.0) throw new IllegalArgumentException("max ratio must be at least 1");
    if (maxConcurrentCalls < 1) throw new IllegalArgumentException("max concurrent calls must be at least 1");
    if (callsPerSecond <= 0) throw new IllegalArgumentException("calls per second must be positive");
    if (patienceMillis <= 0) throw new IllegalArgumentException("patience must be positive");
    if (releaseAfterMillis != 0 && releaseAfterMillis < MIN_RING_MILLIS)
      throw new IllegalArgumentException("a ringing call may be released only after 15 seconds");
  }

  public static PacingConfig predictive() {
    return new PacingConfig(null, 0.025, 0.03, 3.0, 10_000, 1_000, TWO_SECONDS, MIN_RING_MILLIS);
  }

  public static PacingConfig fixed(double ratio) {
    return new PacingConfig(ratio, 0.025, 0.03, Math.max(3.0, ratio), 10_000, 1_000, TWO_SECONDS, 0);
  }

  public boolean predictiveMode() {
    return fixedRatio == null;
  }

  public PacingConfig withLimits(int maxConcurrentCalls, double callsPerSecond) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis, releaseAfterMillis);
  }

  public PacingConfig withPatience(long patienceMillis) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis, releaseAfterMillis);
  }

  public PacingConfig withRelease(long releaseAfterMillis) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis, releaseAfterMillis);
  }

  public PacingConfig withTarget(double targetAbandonment) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis, releaseAfterMillis);
  }
}
