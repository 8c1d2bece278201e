package io.autodial.freeswitch.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A measurement hook: per answered channel, the time from the simulator publishing its CHANNEL_ANSWER to a
 * {@code uuid_bridge} naming it as the first uuid reaching the simulator (read off the client's socket), on one
 * clock ({@link System#nanoTime()}). Only the first such bridge of a channel counts. The map of answered
 * channels is touched on the engine thread only and holds one entry per answered, not yet bridged, live
 * channel (dropped at CHANNEL_DESTROY); the samples are read and reset from any thread.
 */
final class AnswerToBridge {
    /** At most this many samples are kept between resets (8 MB); later ones are only counted. */
    static final int MAX_SAMPLES = 1 << 20;

    private final Map<String, Long> answeredAtNanos = new HashMap<>();
    private long[] samples = new long[1024];
    private int size;
    private long overflow;

    /** Engine thread: CHANNEL_ANSWER of {@code uuid} is being published now. */
    void answered(String uuid, long nanos) {
        answeredAtNanos.putIfAbsent(uuid, nanos);
    }

    /** Engine thread: the channel is gone. */
    void forget(String uuid) {
        answeredAtNanos.remove(uuid);
    }

    /** Engine thread: a {@code uuid_bridge uuid ...} was read off a socket at {@code arrivedNanos}. */
    void bridgeArrived(String uuid, long arrivedNanos) {
        Long answered = answeredAtNanos.remove(uuid);
        if (answered != null) {
            add(arrivedNanos - answered);
        }
    }

    private synchronized void add(long nanos) {
        if (size == MAX_SAMPLES) {
            overflow++;
            return;
        }
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES, size * 2));
        }
        samples[size++] = nanos;
    }

    synchronized double[] millis() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = samples[i] / 1e6;
        }
        return out;
    }

    synchronized long count() {
        return size + overflow;
    }

    synchronized void reset() {
        size = 0;
        overflow = 0;
    }

    /**
     * The first uuid of a {@code uuid_bridge} in an {@code api} or {@code bgapi} command line, else null. Cheap for
     * every other command: one {@code regionMatches} per prefix.
     */
    static String bridgedUuid(String commandLine) {
        String rest;
        if (commandLine == null) {
            return null;
        } else if (commandLine.regionMatches(true, 0, "api uuid_bridge ", 0, 16)) {
            rest = commandLine.substring(16);
        } else if (commandLine.regionMatches(true, 0, "bgapi uuid_bridge ", 0, 18)) {
            rest = commandLine.substring(18);
        } else {
            return null;
        }
        rest = rest.trim();
        int sp = rest.indexOf(' ');
        return sp < 0 ? (rest.isEmpty() ? null : rest) : rest.substring(0, sp);
    }
}
