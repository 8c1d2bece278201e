package io.autodial.freeswitch.sim;

import java.time.Duration;

/**
 * How simulated carrier calls end. Shares are fractions of all calls and must sum to 1. {@code machineShare}
 * calls answer and are then classified as a machine; {@code customerHangsUpShare} is the part of live answered
 * calls where the callee hangs up after the talk time (otherwise the call stays up until the dialer kills it).
 */
public record CallModel(double answerShare, double busyShare, double noAnswerShare, double rejectShare,
                        double unreachableShare, double machineShare, Duration ringMin, Duration ringMax,
                        Duration talkMean, double talkCv, double customerHangsUpShare, Duration amdDelay) {

    public CallModel {
        double sum = answerShare + busyShare + noAnswerShare + rejectShare + unreachableShare + machineShare;
        for (double share : new double[] {answerShare, busyShare, noAnswerShare, rejectShare, unreachableShare,
                machineShare, customerHangsUpShare}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("every share must be within [0,1], got " + share);
            }
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new IllegalArgumentException("call outcome shares (answer, busy, noanswer, reject, unreachable, machine)"
                    + " must sum to 1 but sum to " + sum);
        }
        if (ringMin.isNegative() || ringMax.compareTo(ringMin) < 0) {
            throw new IllegalArgumentException("need 0 <= ringMin <= ringMax, got " + ringMin + ".." + ringMax);
        }
        if (talkMean.isNegative() || talkCv < 0 || amdDelay.isNegative()) {
            throw new IllegalArgumentException("talkMean, talkCv and amdDelay must not be negative");
        }
    }

    public static CallModel defaults() {
        return new CallModel(0.30, 0.15, 0.30, 0.05, 0.05, 0.15, Duration.ofSeconds(3), Duration.ofSeconds(20),
                Duration.ofSeconds(60), 1.0, 0.5, Duration.ofMillis(1200));
    }

    /** A model where every call has the given outcome (handy in tests). */
    public static CallModel always(CallOutcome outcome) {
        CallModel d = defaults();
        return new CallModel(share(outcome, CallOutcome.ANSWER), share(outcome, CallOutcome.BUSY),
                share(outcome, CallOutcome.NOANSWER), share(outcome, CallOutcome.REJECT),
                share(outcome, CallOutcome.UNREACHABLE), share(outcome, CallOutcome.MACHINE), d.ringMin, d.ringMax,
                d.talkMean, d.talkCv, d.customerHangsUpShare, d.amdDelay);
    }

    private static double share(CallOutcome chosen, CallOutcome o) {
        return chosen == o ? 1.0 : 0.0;
    }

    public CallModel withRing(Duration min, Duration max) {
        return new CallModel(answerShare, busyShare, noAnswerShare, rejectShare, unreachableShare, machineShare, min,
                max, talkMean, talkCv, customerHangsUpShare, amdDelay);
    }

    public CallModel withTalk(Duration mean, double cv, double customerHangsUp) {
        return new CallModel(answerShare, busyShare, noAnswerShare, rejectShare, unreachableShare, machineShare,
                ringMin, ringMax, mean, cv, customerHangsUp, amdDelay);
    }
}
