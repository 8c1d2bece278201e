package io.autodial.node.campaign.pacing;

/**
 * A duration that the floor keeps measuring (talk time, wrap-up time), fitted as a lognormal from
 * recent samples: log-moments weighted so a sample's weight halves every {@code halfLifeMillis}, so
 * the fit follows a change (talk time jumping from 2 to 5 minutes) within minutes. Answers "given
 * this has lasted {@code elapsed}, how likely is it over within {@code extra} more" from a table
 * rebuilt at most every few seconds, because a decision asks that for every busy agent.
 */
final class Lifetime {
  private static final double STEP_MS = 250;
  private static final long REBUILD_EVERY_MS = 5_000;
  private static final double MIN_SIGMA = 0.02;

  private final Decay decay;
  private double w, s1, s2;
  private int samples;
  private double mu, sigma = 1, mean;
  private double[] cdf = new double[0];
  private long builtAt = Long.MIN_VALUE;
  private boolean dirty = true;

  Lifetime(long halfLifeMillis) {
    this.decay = new Decay(halfLifeMillis);
  }

  void add(long durationMillis, long now) {
    double x = Math.log(Math.max(1, durationMillis));
    double weight = decay.weightAt(now, this::rescale);
    w += weight;
    s1 += weight * x;
    s2 += weight * x * x;
    samples++;
    dirty = true;
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
    if (!dirty || samples == 0 || now - builtAt < REBUILD_EVERY_MS && cdf.length > 0) return;
    mu = s1 / w;
    sigma = Math.max(MIN_SIGMA, Math.sqrt(Math.max(0, s2 / w - mu * mu)));
    mean = Math.exp(mu + sigma * sigma / 2);
    double upTo = Math.min(Math.exp(mu + 4.5 * sigma), 4 * 3600_000.0);
    int n = (int) (upTo / STEP_MS) + 2;
    if (cdf.length != n) cdf = new double[n];
    for (int i = 1; i < n; i++) cdf[i] = Normal.cdf((Math.log(i * STEP_MS) - mu) / sigma);
    builtAt = now;
    dirty = false;
  }
}
