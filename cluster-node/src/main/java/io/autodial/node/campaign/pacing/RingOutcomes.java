package io.autodial.node.campaign.pacing;

/**
 * How placed calls resolve, by the age at which they did: a live answer, or anything else (busy,
 * no answer, machine, failure). Counts are weighted so recent calls count most (a half-life of
 * minutes), so a shift in the answer rate shows within minutes. From them: the live-answer rate,
 * when live answers come, and for a call that has rung for a while without resolving, how likely
 * it is to become a live answer within the next seconds.
 */
final class RingOutcomes {
  static final int STEP_MS = 500;
  private static final int BINS = 2 * 180; // three minutes of ringing; later outcomes share the last bin
  private static final long REBUILD_EVERY_MS = 1_000;

  private final Decay decay;
  private final double[] live = new double[BINS];
  private final double[] any = new double[BINS];
  private int liveSamples, samples;
  /** From the last rebuild: live[b..] and any[b..] summed (tails), and the horizon. */
  private final double[] liveTail = new double[BINS + 1];
  private final double[] anyTail = new double[BINS + 1];
  private int lastLiveBin;
  private long builtAt = Long.MIN_VALUE;
  private boolean dirty = true;

  RingOutcomes(long halfLifeMillis) {
    this.decay = new Decay(halfLifeMillis);
  }

  void liveAnswer(long ageMillis, long now) {
    add(ageMillis, now, true);
  }

  void resolvedOtherwise(long ageMillis, long now) {
    add(ageMillis, now, false);
  }

  private void add(long ageMillis, long now, boolean isLive) {
    double weight = decay.weightAt(now, f -> {
      for (int i = 0; i < BINS; i++) {
        live[i] *= f;
        any[i] *= f;
      }
    });
    int b = bin(ageMillis);
    any[b] += weight;
    samples++;
    if (isLive) {
      live[b] += weight;
      liveSamples++;
    }
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
    return anyTail[0] == 0 ? 0 : liveTail[0] / anyTail[0];
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
    double unresolved = anyTail[from];
    if (unresolved <= 0) return 0;
    int to = bin(ageMillis + withinMillis);
    return (liveTail[from] - liveTail[to]) / unresolved;
  }

  private void refresh(long now) {
    if (!dirty || now - builtAt < REBUILD_EVERY_MS && builtAt != Long.MIN_VALUE) return;
    liveTail[BINS] = 0;
    anyTail[BINS] = 0;
    lastLiveBin = 0;
    for (int b = BINS - 1; b >= 0; b--) {
      liveTail[b] = liveTail[b + 1] + live[b];
      anyTail[b] = anyTail[b + 1] + any[b];
      if (lastLiveBin == 0 && live[b] > 0) lastLiveBin = b;
    }
    builtAt = now;
    dirty = false;
  }
}
