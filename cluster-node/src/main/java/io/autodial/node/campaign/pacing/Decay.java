package io.autodial.node.campaign.pacing;

import java.util.function.DoubleConsumer;

/**
 * Exponential forgetting without touching old samples: a sample at time t weighs 2^(t/halfLife),
 * so relative to "now" older ones weigh less (t may lie in the past: a sample dated by when it
 * began). Weights are rebased before they overflow, scaling what was accumulated through
 * {@code rescale}.
 */
final class Decay {
  private final double halfLifeMillis;
  private long origin = Long.MIN_VALUE;

  Decay(long halfLifeMillis) {
    this.halfLifeMillis = halfLifeMillis;
  }

  double weightAt(long now, DoubleConsumer rescale) {
    if (origin == Long.MIN_VALUE) origin = now;
    double exponent = (now - origin) / halfLifeMillis;
    if (exponent > 500) {
      rescale.accept(Math.pow(2, -exponent));
      origin = now;
      exponent = 0;
    }
    return Math.pow(2, exponent);
  }
}
