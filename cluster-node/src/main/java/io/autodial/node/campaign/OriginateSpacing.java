package io.autodial.node.campaign;

import java.time.Duration;

/**
 * Spreads originates at most {@code perSecond} a second: each originate gets a slot 1/perSecond
 * after the previous one, so no second of wall time sees more than that (plus one at its edge).
 */
final class OriginateSpacing {
  private long nextSlotNanos = Long.MIN_VALUE;

  /** How many originates fit in the coming second. */
  int room(double perSecond, long nowNanos) {
    long from = Math.max(nowNanos, nextSlotNanos);
    long window = nowNanos + 1_000_000_000L - from;
    return window <= 0 ? 0 : (int) Math.max(1, Math.floor(window * perSecond / 1e9));
  }

  /** Books the next slot; returns how long from now until it. */
  Duration book(double perSecond, long nowNanos) {
    long slot = Math.max(nowNanos, nextSlotNanos);
    nextSlotNanos = slot + (long) (1e9 / perSecond);
    return Duration.ofNanos(slot - nowNanos);
  }
}
