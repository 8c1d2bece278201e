package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslEvent;
import io.autodial.freeswitch.codec.EslHeader;
import io.autodial.freeswitch.codec.EslUrlCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plays a script segment for one or more calls: schedules each recorded event at its recorded offset (divided by
 * the time scale) and fills the placeholders with this call's identities, times and outcome.
 */
final class ScriptPlayer {
    private final SimScheduler scheduler;
    private final EventFactory events;
    private final Function<String, SimChannel> channels;
    private final Consumer<EslEvent> publisher;

    ScriptPlayer(SimScheduler scheduler, EventFactory events, Function<String, SimChannel> channels,
                 Consumer<EslEvent> publisher) {
        this.scheduler = scheduler;
        this.events = events;
        this.channels = channels;
        this.publisher = publisher;
    }

    /**
     * @param calls the calls playing roles c1, c2… of the script, in that order
     * @param onJob runs at the point where the originate returned in the capture
     * @param onDone runs after the last event
     */
    void play(String scriptName, String label, List<SimCall> calls, Runnable onJob, Runnable onDone) {
        EventScript.Segment segment = EventScript.load(scriptName).segment(label);
        long now = EventFactory.nowMicros();
        for (SimCall c : calls) {
            c.anchors.add(new SimCall.Anchor(scriptName, segment.captureT0(), now));
        }
        SimCall owner = calls.get(0);
        double scale = scheduler.timeScale();
        List<EventScript.Step> steps = segment.steps();
        for (int i = 0; i < steps.size(); i++) {
            EventScript.Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            long delayNanos = (long) (step.relMicros() * 1000 / scale);
            Runnable task = () -> {
                if (step instanceof EventScript.EventStep ev) {
                    publisher.accept(render(scriptName, ev, calls));
                } else if (onJob != null) {
                    onJob.run();
                }
                if (last && onDone != null) {
                    onDone.run();
                }
            };
            if (delayNanos == 0 && scheduler.inEngine()) {
                task.run();
            } else {
                owner.pending.add(scheduler.afterReal(delayNanos, task));
            }
        }
        if (steps.isEmpty() && onDone != null) {
            onDone.run();
        }
    }

    private EslEvent render(String scriptName, EventScript.EventStep step, List<SimCall> calls) {
        String[] calling = new String[3];
        List<EslHeader> rest = new ArrayList<>(step.headers().size() + 8);
        SimCall eventCall = calls.get(0);
        String uniqueId = null;
        for (String[] h : step.headers()) {
            if (h[0].equals("Unique-ID")) {
                String role = roleIn(h[1]);
                if (role != null) {
                    eventCall = callFor(role, calls);
                }
            }
        }
        boolean varsInserted = false;
        for (String[] h : step.headers()) {
            switch (h[0]) {
                case "Event-Name" -> { continue; }
                case "Event-Calling-File" -> { calling[0] = h[1]; continue; }
                case "Event-Calling-Function" -> { calling[1] = h[1]; continue; }
                case "Event-Calling-Line-Number" -> { calling[2] = h[1]; continue; }
                default -> { }
            }
            if (h[1].equals("⟨ovar⟩")) {
                if (!varsInserted) {
                    for (Map.Entry<String, String> v : eventCall.request.vars().entrySet()) {
                        rest.add(new EslHeader("variable_" + v.getKey(), v.getValue()));
                    }
                    varsInserted = true;
                }
                continue;
            }
            String value = EslUrlCodec.decode(substitute(scriptName, h[1], calls, eventCall));
            if (eventCall.kind == SimCall.Kind.SOFIA && eventCall.target != null) {
                value = value.replace("sofia/internal/" + eventCall.target, eventCall.channelName);
            }
            if (h[0].equals("Unique-ID")) {
                uniqueId = value;
            }
            rest.add(new EslHeader(h[0], value));
        }
        if (uniqueId != null) {
            fillDurations(rest, channels.apply(uniqueId));
        }
        return events.create(step.eventName(), calling, rest, null);
    }

    private static String roleIn(String template) {
        int a = template.indexOf('⟨');
        int b = template.indexOf('⟩');
        return a == 0 && b == template.length() - 1 ? template.substring(1, b) : null;
    }

    private static SimCall callFor(String role, List<SimCall> calls) {
        int dot = role.indexOf('.');
        if (role.startsWith("c") && dot > 1) {
            try {
                int n = Integer.parseInt(role.substring(1, dot));
                if (n >= 1 && n <= calls.size()) {
                    return calls.get(n - 1);
                }
            } catch (NumberFormatException e) {
                return calls.get(0);
            }
        }
        return calls.get(0);
    }

    private String substitute(String scriptName, String template, List<SimCall> calls, SimCall call) {
        if (template.indexOf('⟨') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int a = template.indexOf('⟨', i);
            if (a < 0) {
                out.append(template, i, template.length());
                break;
            }
            int b = template.indexOf('⟩', a);
            out.append(template, i, a);
            out.append(EslUrlCodec.encode(value(scriptName, template.substring(a + 1, b), calls, call)));
            i = b + 1;
        }
        return out.toString();
    }

    private String value(String scriptName, String key, List<SimCall> calls, SimCall call) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            String kind = key.substring(0, colon);
            String arg = key.substring(colon + 1);
            return switch (kind) {
                case "us" -> Long.toString(mapTime(scriptName, Long.parseLong(arg), call));
                case "s" -> Long.toString(mapTime(scriptName, Long.parseLong(arg) * 1_000_000L, call) / 1_000_000L);
                case "ms" -> Long.toString(mapTime(scriptName, Long.parseLong(arg) * 1_000L, call) / 1_000L);
                case "dur" -> "0"; // filled in by fillDurations once the whole event is known
                default -> key;
            };
        }
        return switch (key) {
            case "target" -> call.target == null ? "" : call.target;
            case "target_host" -> call.target == null ? "" : call.target.substring(call.target.indexOf('@') + 1);
            case "dest" -> call.dest;
            case "cause" -> call.cause;
            case "q850" -> Integer.toString(call.q850);
            case "sip_status" -> Integer.toString(call.sipStatus);
            case "sip_call_id" -> call.sipCallId;
            default -> {
                SimCall owner = callFor(key, calls);
                yield owner.uuidFor(key.substring(key.indexOf('.') + 1));
            }
        };
    }

    /** Maps a capture timestamp into run time relative to the played segment it falls in. */
    private long mapTime(String scriptName, long captured, SimCall call) {
        SimCall.Anchor best = null;
        SimCall.Anchor latest = null;
        for (SimCall.Anchor a : call.anchors) {
            if (!a.script().equals(scriptName)) {
                continue;
            }
            latest = a;
            if (a.captureT0() <= captured && (best == null || a.captureT0() >= best.captureT0())) {
                best = a;
            }
        }
        SimCall.Anchor use = best != null ? best : latest;
        if (use == null) {
            return captured;
        }
        return use.runtimeT0() + (long) ((captured - use.captureT0()) / scheduler.timeScale());
    }

    /** Duration variables from the channel's real milestones (FreeSWITCH computes them at hangup). */
    static void fillDurations(List<EslHeader> headers, SimChannel ch) {
        if (ch == null) {
            return;
        }
        long end = ch.hangupMicros > 0 ? ch.hangupMicros : EventFactory.nowMicros();
        long total = end - ch.createdMicros;
        long bill = ch.answered() ? end - ch.answeredMicros : 0;
        long progress = ch.progressMicros > 0 ? ch.progressMicros - ch.createdMicros : 0;
        long answer = ch.answered() ? ch.answeredMicros - ch.createdMicros : 0;
        for (int i = 0; i < headers.size(); i++) {
            EslHeader h = headers.get(i);
            if (!h.name().startsWith("variable_")) {
                continue;
            }
            String v = switch (h.name().substring(9)) {
                case "duration" -> sec(total);
                case "billsec", "flow_billsec" -> sec(bill);
                case "progresssec" -> sec(progress);
                case "answersec", "waitsec" -> sec(answer);
                case "progress_mediasec" -> "0";
                case "mduration" -> ms(total);
                case "billmsec", "flow_billmsec" -> ms(bill);
                case "progressmsec" -> ms(progress);
                case "answermsec", "waitmsec" -> ms(answer);
                case "progress_mediamsec" -> "0";
                case "uduration" -> Long.toString(total);
                case "billusec", "flow_billusec" -> Long.toString(bill);
                case "progressusec" -> Long.toString(progress);
                case "answerusec", "waitusec" -> Long.toString(answer);
                case "progress_mediausec" -> "0";
                default -> null;
            };
            if (v != null) {
                headers.set(i, new EslHeader(h.name(), v));
            }
        }
    }

    private static String sec(long micros) {
        return Long.toString(micros / 1_000_000L);
    }

    private static String ms(long micros) {
        return Long.toString(micros / 1_000L);
    }
}
