package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One simulated channel, as last described by the events fired for it. Engine thread only. */
final class SimChannel {
    final String uuid;
    final SimCall call;
    final long createdMicros;
    String name;
    String state = "CS_NEW";
    String callState = "DOWN";
    String answerState = "ringing";
    String hangupCause;
    long progressMicros;
    long answeredMicros;
    long hangupMicros;
    String bridgedTo;
    boolean bridgeOriginator;
    boolean held;
    boolean recording;
    /** The channel-data block of the last event (Channel-State … Caller-/Other-Leg- headers), for generic events. */
    List<EslHeader> channelBlock = List.of();
    final Map<String, String> variables = new LinkedHashMap<>();
    /** Variables set with uuid_setvar; they survive the variable lists that scripted events carry. */
    final Map<String, String> setVariables = new LinkedHashMap<>();

    SimChannel(String uuid, SimCall call, long createdMicros) {
        this.uuid = uuid;
        this.call = call;
        this.createdMicros = createdMicros;
    }

    boolean answered() {
        return answeredMicros > 0;
    }

    String var(String name) {
        String v = setVariables.get(name);
        if (v == null) {
            v = variables.get(name);
        }
        return v != null ? v : call.request.vars().get(name);
    }

    boolean hungUp() {
        return hangupCause != null;
    }

    /** Remembers what an event says about this channel. */
    void absorb(String eventName, List<EslHeader> headers) {
        int blockStart = -1;
        int blockEnd = headers.size();
        boolean sawVars = false;
        for (int i = 0; i < headers.size(); i++) {
            EslHeader h = headers.get(i);
            switch (h.name()) {
                case "Channel-State" -> {
                    state = h.value();
                    if (blockStart < 0) {
                        blockStart = i;
                    }
                }
                case "Channel-Call-State" -> callState = h.value();
                case "Answer-State" -> answerState = h.value();
                case "Channel-Name" -> name = h.value();
                default -> { }
            }
            if (h.name().startsWith("variable_")) {
                if (!sawVars) {
                    blockEnd = Math.min(blockEnd, i);
                    variables.clear();
                    sawVars = true;
                }
                variables.put(h.name().substring(9), h.value());
            } else if (blockStart >= 0 && i > blockStart && blockEnd == headers.size() && isSuffix(h.name())) {
                blockEnd = i;
            }
        }
        if (sawVars) {
            variables.putAll(setVariables);
        }
        if (blockStart >= 0) {
            channelBlock = new ArrayList<>(headers.subList(blockStart, Math.max(blockStart, blockEnd)));
        }
    }

    private static boolean isSuffix(String name) {
        return name.startsWith("Application") || name.startsWith("channel-");
    }
}
