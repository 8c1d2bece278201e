package io.autodial.freeswitch.sim;

import java.util.Locale;

/** What the simulated far end of a carrier leg does; forced per call with the originate variable sim_outcome. */
public enum CallOutcome {
    ANSWER, BUSY, NOANSWER, REJECT, UNREACHABLE, MACHINE;

    public static CallOutcome parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
