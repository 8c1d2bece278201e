package io.autodial.freeswitch.sim;

/**
 * FreeSWITCH's sessions-per-second limit: a counter that resets each second; a new session over the limit is
 * refused (the originate fails with DESTINATION_OUT_OF_ORDER).
 */
final class SessionRate {
    private static final long SECOND = 1_000_000_000L;
    private final int limit;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    SessionRate(int limit) {
        this.limit = limit;
    }

    boolean tryAcquire(int sessions, long nowNanos) {
        roll(nowNanos);
        if (used + sessions > limit) {
            return false;
        }
        used += sessions;
        return true;
    }

    int current(long nowNanos) {
        roll(nowNanos);
        return used;
    }

    private void roll(long nowNanos) {
        if (windowStart == Long.MIN_VALUE || nowNanos - windowStart >= SECOND) {
            windowStart = nowNanos;
            used = 0;
        }
    }
}
