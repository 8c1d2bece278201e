package io.autodial.node.campaign.pacing;

/**
 * A duration that the floor keeps measuring (talk time, wrap-up time), fitted as a lognormal from
 * recent samples: log-moments weighted so a sample's weight halves every {@code halfLifeMillis}, so
 * the fit follows a change (talk time jumping from 2 to 5 minutes) within minutes. Those still
 * under way count too, as "at least this long" (censored, folded in by expectation): otherwise
 * the first talks to end, the short ones, would make talk time look short at the start of a shift,
 * and a jump to longer talks would show only once they end. Answers "given
 * this has lasted {@code elapsed}, how likely is it over within {@code extra} more" from a table
 * rebuilt at most every few seconds, because a decision asks that for every busy agent.
 */
final class Lifetime {
  private static final double STEP_MS = 250;
  private static final long REBUILD_EVERY_MS = 5_000;
  private static final double MIN_SIGMA = 0.02;

  private final Decay decay;
  /** How long those under way have lasted so far, at a given moment. */
  private final java.util.function.LongFunction<double[]> ongoing;
  private double w, s1, s2;
  private int samples;
  private double mu, sigma = 1, mean;
  private double[] cdf = new double[0];
  private long builtAt = Long.MIN_VALUE;

  Lifetime(long halfLifeMillis, java.util.function.LongFunction<double[]> ongoing) {
    this.decay = new Decay(halfLifeMillis);
    this.ongoing = ongoing;
  }

  /**
   * One that ended now after {@code durationMillis}. Weighted by when it began, as those still
   * under way are: long ones are not counted twice (once under way, once ended).
   */
  void add(long durationMillis, long now) {
    double x = Math.log(Math.max(1, durationMillis));
    double weight = decay.weightAt(now - durationMillis, this::rescale);
    w += weight;
    s1 += weight * x;
    s2 += weight * x * x;
    samples++;
  }

  private void rescale(double factor) {
    w *= factor;
    s1 *= factor;
    s2 *= factor;
  }

  int samples() {
    return samples;
  }

  /** The fitted mean in milliseconds (0 before any sample). */
  double meanMillis(long now) {
    refresh(now);
    return mean;
  }

  double cv(long now) {
    refresh(now);
    return samples == 0 ? 0 : Math.sqrt(Math.exp(sigma * sigma) - 1);
  }

  /** P(over by elapsed + extra | not over at elapsed). */
  double overWithin(double elapsedMillis, double extraMillis, long now) {
    if (extraMillis <= 0) return 0;
    refresh(now);
    double survived = 1 - at(elapsedMillis);
    if (survived < 1e-9) return 1; // far past anything seen: it should be over any moment
    return Math.max(0, (at(elapsedMillis + extraMillis) - at(elapsedMillis)) / survived);
  }

  /** P(duration ≤ x). */
  double at(double x) {
    if (x <= 0) return 0;
    int i = (int) (x / STEP_MS);
    if (i + 1 < cdf.length) {
      double frac = x / STEP_MS - i;
      return cdf[i] + frac * (cdf[i + 1] - cdf[i]);
    }
    return Normal.cdf((Math.log(x) - mu) / sigma);
  }

  private void refresh(long now) {
    if (samples == 0 || now - builtAt < REBUILD_EVERY_MS && cdf.length > 0) return;
    mu = s1 / w;
    sigma = Math.max(MIN_SIGMA, Math.sqrt(Math.max(0, s2 / w - mu * mu)));
    double[] open = ongoing.apply(now);
    if (open.length > 0) {
      // a few rounds of expectation-maximisation: each one under way is replaced by what the
      // current fit expects of log(duration) given that it has lasted this long already
      double[] weights = new double[open.length];
      for (int i = 0; i < open.length; i++) weights[i] = decay.weightAt(now - (long) open[i], this::rescale);
      for (int round = 0; round < 3; round++) {
        double w2 = w, a1 = s1, a2 = s2;
        for (int i = 0; i < open.length; i++) {
          double elapsed = open[i], weight = weights[i];
          if (elapsed <= 0) continue;
          double a = Math.log(elapsed);
          double z = (a - mu) / sigma;
          double tail = 1 - Normal.cdf(z);
          double lambda = tail < 1e-12 ? z : Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / tail;
          a1 += weight * (mu + sigma * lambda);
          a2 += weight * (mu * mu + sigma * sigma + sigma * (a + mu) * lambda);
          w2 += weight;
        }
        mu = a1 / w2;
        sigma = Math.max(MIN_SIGMA, Math.sqrt(Math.max(0, a2 / w2 - mu * mu)));
      }
    }
    mean = Math.exp(mu + sigma * sigma / 2);
    double upTo = Math.min(Math.exp(mu + 4.5 * sigma), 4 * 3600_000.0);
    int n = (int) (upTo / STEP_MS) + 2;
    if (cdf.length != n) cdf = new double[n];
    for (int i = 1; i < n; i++) cdf[i] = Normal.cdf((Math.log(i * STEP_MS) - mu) / sigma);
    builtAt = now;
  }
}
