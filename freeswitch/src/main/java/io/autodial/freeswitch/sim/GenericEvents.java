package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslEvent;
import io.autodial.freeswitch.codec.EslHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Channel events with no recorded script (hold, DTMF, recording, playback, AMD, hangups of bridged legs): built
 * from the channel's last event, the way FreeSWITCH adds the same channel data to every channel event.
 */
final class GenericEvents {
    private static final Map<String, String> STATE_NUMBERS = Map.ofEntries(Map.entry("CS_NEW", "0"),
            Map.entry("CS_INIT", "1"), Map.entry("CS_ROUTING", "2"), Map.entry("CS_SOFT_EXECUTE", "3"),
            Map.entry("CS_EXECUTE", "4"), Map.entry("CS_EXCHANGE_MEDIA", "5"), Map.entry("CS_PARK", "6"),
            Map.entry("CS_CONSUME_MEDIA", "7"), Map.entry("CS_HIBERNATE", "8"), Map.entry("CS_RESET", "9"),
            Map.entry("CS_HANGUP", "10"), Map.entry("CS_REPORTING", "11"), Map.entry("CS_DESTROY", "12"));
    static final String[] HANGUP = {"switch_channel.c", "switch_channel_perform_hangup", "3445"};
    static final String[] STATE = {"switch_channel.c", "switch_channel_perform_set_running_state", "2408"};
    static final String[] CALLSTATE = {"switch_channel.c", "switch_channel_perform_set_callstate", "301"};
    static final String[] COMPLETE = {"switch_core_state_machine.c", "switch_core_session_reporting_state", "943"};
    static final String[] DESTROY = {"switch_core_session.c", "switch_core_session_perform_destroy", "1584"};
    static final String[] BRIDGE = {"switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", "1879"};
    static final String[] PARK = {"switch_ivr.c", "switch_ivr_park", "1002"};
    static final String[] HOLD = {"switch_channel.c", "switch_channel_perform_mark_hold", "1173"};
    static final String[] DTMF = {"switch_channel.c", "switch_channel_dequeue_dtmf", "545"};
    static final String[] RECORD = {"switch_ivr_async.c", "record_callback", "1337"};
    static final String[] PLAYBACK = {"switch_ivr_play_say.c", "switch_ivr_play_file", "1634"};
    static final String[] AMD = {"mod_amd.c", "amd_fire_event", "1"};
    static final String[] AVMD = {"mod_avmd.c", "avmd_fire_event", "700"};

    private final EventFactory events;

    GenericEvents(EventFactory events) {
        this.events = events;
    }

    EslEvent channelEvent(SimChannel ch, String name, String[] calling, List<EslHeader> prefix, boolean withVars,
                          List<EslHeader> suffix) {
        List<EslHeader> h = new ArrayList<>(prefix);
        boolean causeSeen = false;
        for (EslHeader b : ch.channelBlock) {
            switch (b.name()) {
                case "Channel-State" -> h.add(new EslHeader(b.name(), ch.state));
                case "Channel-Call-State" -> h.add(new EslHeader(b.name(), ch.callState));
                case "Channel-State-Number" -> h.add(new EslHeader(b.name(), STATE_NUMBERS.getOrDefault(ch.state, "4")));
                case "Hangup-Cause" -> {
                    causeSeen = true;
                    h.add(new EslHeader(b.name(), ch.hangupCause == null ? b.value() : ch.hangupCause));
                }
                case "Answer-State" -> {
                    h.add(new EslHeader(b.name(), ch.answerState));
                    if (ch.hangupCause != null && !causeSeen && !hasCause(ch.channelBlock)) {
                        h.add(new EslHeader("Hangup-Cause", ch.hangupCause));
                    }
                }
                default -> h.add(b);
            }
        }
        if (withVars) {
            ch.variables.forEach((k, v) -> h.add(new EslHeader("variable_" + k, v)));
        }
        h.addAll(suffix);
        return events.create(name, calling, h, null);
    }

    private static boolean hasCause(List<EslHeader> block) {
        return block.stream().anyMatch(b -> b.name().equals("Hangup-Cause"));
    }

    /** CHANNEL_HANGUP through CHANNEL_DESTROY for a channel that has no script for its end. */
    List<EslEvent> hangupSequence(SimChannel ch, String cause, int q850) {
        List<EslEvent> out = new ArrayList<>();
        ch.hangupCause = cause;
        ch.answerState = "hangup";
        ch.hangupMicros = EventFactory.nowMicros();
        out.add(channelEvent(ch, "CHANNEL_HANGUP", HANGUP, List.of(), true, List.of()));
        ch.state = "CS_HANGUP";
        out.add(channelEvent(ch, "CHANNEL_STATE", STATE, List.of(), false, List.of()));
        String original = ch.callState;
        ch.callState = "HANGUP";
        out.add(channelEvent(ch, "CHANNEL_CALLSTATE", CALLSTATE, List.of(new EslHeader("Original-Channel-Call-State",
                original), new EslHeader("Channel-Call-State-Number", "10")), false, List.of()));
        ch.state = "CS_REPORTING";
        out.add(channelEvent(ch, "CHANNEL_STATE", STATE, List.of(), false, List.of()));
        ch.variables.put("hangup_cause", cause);
        ch.variables.put("hangup_cause_q850", Integer.toString(q850));
        long end = ch.hangupMicros;
        ch.variables.put("end_epoch", Long.toString(end / 1_000_000L));
        ch.variables.put("end_uepoch", Long.toString(end));
        for (String v : List.of("duration", "billsec", "progresssec", "answersec", "waitsec", "mduration", "billmsec",
                "uduration", "billusec")) {
            ch.variables.put(v, "0");
        }
        EslEvent complete = channelEvent(ch, "CHANNEL_HANGUP_COMPLETE", COMPLETE,
                List.of(new EslHeader("Hangup-Cause", cause)), true, List.of());
        List<EslHeader> withDurations = new ArrayList<>(complete.headers());
        ScriptPlayer.fillDurations(withDurations, ch);
        out.add(new EslEvent(withDurations, null));
        out.add(channelEvent(ch, "CHANNEL_DESTROY", DESTROY, List.of(), true, List.of()));
        ch.state = "CS_DESTROY";
        out.add(channelEvent(ch, "CHANNEL_STATE", STATE, List.of(), false, List.of()));
        return out;
    }

    EslEvent custom(String subclass, String[] calling, List<EslHeader> rest) {
        return events.createCustom(subclass, calling, rest);
    }
}
