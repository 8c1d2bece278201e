package io.autodial.node.campaign.pacing;

/**
 * How a {@link Pacer} decides. {@code fixedRatio} null means predictive; otherwise it keeps {@code
 * fixedRatio × idle agents} calls ringing or waiting (1.0 is progressive, more is power dialing).
 * Abandonment shares are fractions (0.025 = 2.5 %) of live answers. {@code maxRatio} bounds calls
 * in flight per staffed (not paused) agent. {@code patienceMillis} is how long a live answer may
 * wait for an agent before it counts as abandoned (the 2-second rule).
 */
public record PacingConfig(
    Double fixedRatio,
    double targetAbandonment,
    double maxAbandonment,
    double maxRatio,
    int maxConcurrentCalls,
    double callsPerSecond,
    long patienceMillis) {

  public static final long TWO_SECONDS = 2_000;

  public PacingConfig {
    if (fixedRatio != null && (fixedRatio < 1.0 || fixedRatio > 10.0)) throw new IllegalArgumentException("a fixed ratio must be between 1 and 10");
    if (targetAbandonment <= 0 || targetAbandonment > maxAbandonment) throw new IllegalArgumentException("need 0 < target abandonment <= max abandonment");
    if (maxAbandonment > 0.03) throw new IllegalArgumentException("max abandonment must be at most 3 % (FTC 310.4(b)(4))");
    if (maxRatio < 1.0) throw new IllegalArgumentException("max ratio must be at least 1");
    if (maxConcurrentCalls < 1) throw new IllegalArgumentException("max concurrent calls must be at least 1");
    if (callsPerSecond <= 0) throw new IllegalArgumentException("calls per second must be positive");
    if (patienceMillis <= 0) throw new IllegalArgumentException("patience must be positive");
  }

  public static PacingConfig predictive() {
    return new PacingConfig(null, 0.025, 0.03, 3.0, 10_000, 1_000, TWO_SECONDS);
  }

  public static PacingConfig fixed(double ratio) {
    return new PacingConfig(ratio, 0.025, 0.03, Math.max(3.0, ratio), 10_000, 1_000, TWO_SECONDS);
  }

  public boolean predictiveMode() {
    return fixedRatio == null;
  }

  public PacingConfig withLimits(int maxConcurrentCalls, double callsPerSecond) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis);
  }

  public PacingConfig withPatience(long patienceMillis) {
    return new PacingConfig(fixedRatio, targetAbandonment, maxAbandonment, maxRatio, maxConcurrentCalls, callsPerSecond, patienceMillis);
  }
}
