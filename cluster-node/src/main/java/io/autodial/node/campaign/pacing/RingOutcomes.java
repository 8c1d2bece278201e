package io.autodial.node.campaign.pacing;

/**
 * How placed calls resolve, by the age at which they did: a live answer, or anything else (busy,
 * no answer, machine, failure). Counts are weighted so recent calls count most (a half-life of
 * minutes), so a shift in the answer rate shows within minutes. Estimated as hazards per
 * half-second of ringing (Kaplan–Meier), so a call the dialer dropped while it rang (censored: it
 * is only known not to have resolved by then) biases nothing. From them:
 * the live-answer rate, when live answers come, and for a call that has rung for a while, how
 * likely it is to become a live answer within the next seconds.
 */
final class RingOutcomes {
  static final int STEP_MS = 500;
  private static final int BINS = 180_000 / STEP_MS; // three minutes of ringing; later outcomes share the last bin
  private static final long REBUILD_EVERY_MS = 1_000;

  private final Decay decay;
  private final double[] live = new double[BINS];
  private final double[] any = new double[BINS];
  private final double[] dropped = new double[BINS];
  private int liveSamples, samples;
  /** From the last rebuild: survival to the start of each bin, and live answers before it. */
  private final double[] survival = new double[BINS + 1];
  private final double[] liveBefore = new double[BINS + 1];
  private int lastLiveBin;
  private long builtAt = Long.MIN_VALUE;
  private boolean dirty = true;

  RingOutcomes(long halfLifeMillis) {
    this.decay = new Decay(halfLifeMillis);
  }

  void liveAnswer(long ageMillis, long now) {
    add(ageMillis, now, live);
  }

  void resolvedOtherwise(long ageMillis, long now) {
    add(ageMillis, now, null);
  }

  /** Hung up by the dialer while it still rang: at risk until then, resolved neither way. */
  void dropped(long ageMillis, long now) {
    dropped[bin(ageMillis)] += weightAt(now);
    dirty = true;
  }

  private double weightAt(long now) {
    return decay.weightAt(now, f -> {
      for (int i = 0; i < BINS; i++) {
        live[i] *= f;
        any[i] *= f;
        dropped[i] *= f;
      }
    });
  }

  private void add(long ageMillis, long now, double[] kind) {
    double weight = weightAt(now);
    int b = bin(ageMillis);
    any[b] += weight;
    samples++;
    if (kind != null) kind[b] += weight;
    if (kind == live) liveSamples++;
    dirty = true;
  }

  int samples() {
    return samples;
  }

  int liveSamples() {
    return liveSamples;
  }

  static int bin(double ageMillis) {
    return (int) Math.min(BINS - 1, Math.max(0, ageMillis / STEP_MS));
  }

  /** The share of placed calls that end in a live answer. */
  double liveRate(long now) {
    refresh(now);
    return liveBefore[BINS];
  }

  /** The last bin in which live answers have been seen: nothing is expected later. */
  int lastLiveBin(long now) {
    refresh(now);
    return lastLiveBin;
  }

  /**
   * P(a call unresolved at age {@code age} is answered live by age {@code age + within}); bins are
   * whole, so "by age x" means "in a bin before x's".
   */
  double liveWithin(double ageMillis, double withinMillis, long now) {
    refresh(now);
    int from = bin(ageMillis);
    if (survival[from] <= 1e-12) return 0;
    int to = bin(ageMillis + withinMillis);
    return (liveBefore[to] - liveBefore[from]) / survival[from];
  }

  private void refresh(long now) {
    if (!dirty || now - builtAt < REBUILD_EVERY_MS && builtAt != Long.MIN_VALUE) return;
    double atRisk = 0;
    for (int b = 0; b < BINS; b++) atRisk += any[b] + dropped[b];
    survival[0] = 1;
    liveBefore[0] = 0;
    lastLiveBin = 0;
    for (int b = 0; b < BINS; b++) {
      double hazardAny = atRisk > 0 ? any[b] / atRisk : 0;
      double hazardLive = atRisk > 0 ? live[b] / atRisk : 0;
      liveBefore[b + 1] = liveBefore[b] + survival[b] * hazardLive;
      survival[b + 1] = survival[b] * (1 - hazardAny);
      if (live[b] > 0) lastLiveBin = b;
      atRisk -= any[b] + dropped[b];
    }
    builtAt = now;
    dirty = false;
  }
}
