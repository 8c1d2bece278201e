package io.autodial.freeswitch.sim;

import java.util.Map;
import java.util.Optional;

/** A read-only view of one simulated channel; {@code variables} are without the {@code variable_} prefix. */
public record SimChannelSnapshot(String uuid, String name, String state, String callState, boolean answered,
                                 Optional<String> bridgedTo, Map<String, String> variables) {}
