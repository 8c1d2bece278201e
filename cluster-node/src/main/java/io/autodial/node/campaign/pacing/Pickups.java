package io.autodial.node.campaign.pacing;

import java.util.HashMap;
import java.util.Map;

/**
 * Calls picked up whose answering-machine detection is still listening. With AMD on, a pickup is
 * known seconds before the verdict says a person or a machine; such a call is no longer a ringing
 * call with a few percent chance of a live answer each second, but about a coin toss settled within
 * seconds. Measured: the share of pickups that turn out live, and how long a verdict takes (weights
 * halve every {@code halfLifeMillis}).
 */
final class Pickups {
  /** Before these many verdicts after a pickup, a picked-up call is forecast as a ringing one. */
  static final int MIN_VERDICTS = 20;

  private final Decay decay;
  private final Map<String, Long> pickedUpAt = new HashMap<>();
  private final Lifetime verdictDelay;
  private double live, all;
  private int verdicts;

  Pickups(long halfLifeMillis) {
    this.decay = new Decay(halfLifeMillis);
    this.verdictDelay = new Lifetime(halfLifeMillis, now -> pickedUpAt.values().stream().mapToDouble(at -> now - at).toArray());
  }

  void pickedUp(String callId, long now) {
    pickedUpAt.put(callId, now);
  }

  /** When the call was picked up, or null when it was not (or this pacer did not hear of it). */
  Long pickedUpAt(String callId) {
    return pickedUpAt.get(callId);
  }

  /** The verdict (or the end) of a call: a picked-up one teaches how pickups turn out. */
  void resolved(String callId, boolean isLive, long now) {
    Long at = pickedUpAt.remove(callId);
    if (at == null) return;
    double weight = decay.weightAt(now, f -> {
      live *= f;
      all *= f;
    });
    all += weight;
    if (isLive) live += weight;
    verdictDelay.add(now - at, now);
    verdicts++;
  }

  boolean measured() {
    return verdicts >= MIN_VERDICTS;
  }

  /** P(a call picked up {@code sincePickup} ago is found live within {@code withinMillis} more). */
  double liveWithin(double sincePickup, double withinMillis, long now) {
    return all <= 0 ? 0 : live / all * verdictDelay.overWithin(sincePickup, withinMillis, now);
  }
}
