package io.autodial.node.campaign.pacing;

/** A rate of events (per millisecond), exponentially smoothed over a time constant. */
final class EventRate {
  private final double timeConstantMillis;
  private double rate;
  private long last = Long.MIN_VALUE;

  EventRate(long timeConstantMillis) {
    this.timeConstantMillis = timeConstantMillis;
  }

  void add(long now) {
    decayTo(now);
    rate += 1 / timeConstantMillis;
  }

  double perMillis(long now) {
    decayTo(now);
    return rate;
  }

  private void decayTo(long now) {
    if (last != Long.MIN_VALUE && now > last) rate *= Math.exp(-(now - last) / timeConstantMillis);
    last = now;
  }
}
