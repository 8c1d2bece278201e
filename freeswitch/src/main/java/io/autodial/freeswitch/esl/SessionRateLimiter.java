package io.autodial.freeswitch.esl;

/**
 * Spaces session starts evenly so a switch never sees more than its sessions-per-second limit:
 * over it, FreeSWITCH fails the originate with DESTINATION_OUT_OF_ORDER.
 */
final class SessionRateLimiter {
  private final long intervalNanos;
  private long nextFreeNanos = Long.MIN_VALUE;

  SessionRateLimiter(int sessionsPerSecond) {
    // 5% under the cap: the switch counts per calendar second, and starts spaced at exactly the
    // cap can still put one too many into a second
    this.intervalNanos = 1_050_000_000L / sessionsPerSecond;
  }

  /** Reserves the next slot and returns how long to wait for it, in nanoseconds. */
  synchronized long reserve(long nowNanos) {
    long slot = nextFreeNanos == Long.MIN_VALUE ? nowNanos : Math.max(nowNanos, nextFreeNanos);
    nextFreeNanos = slot + intervalNanos;
    return slot - nowNanos;
  }
}
