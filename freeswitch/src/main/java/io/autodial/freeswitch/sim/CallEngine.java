package io.autodial.freeswitch.sim;

import io.autodial.freeswitch.codec.EslEvent;
import io.autodial.freeswitch.codec.EslHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated switch's calls. Carrier legs ({@code sofia/...}, {@code user/...}) replay the recorded SIP calls
 * 20–25 with the outcome and timing the call model (or {@code sim_*} originate variables) chooses; loopback legs
 * replay the recorded dialplan extensions 05–11. Engine thread only.
 */
final class CallEngine {
    private static final Map<String, Integer> Q850 = Map.of("NORMAL_CLEARING", 16, "USER_BUSY", 17, "NO_ANSWER", 19,
            "CALL_REJECTED", 21, "NORMAL_TEMPORARY_FAILURE", 41, "NO_ROUTE_DESTINATION", 3,
            "DESTINATION_OUT_OF_ORDER", 27, "ORIGINATOR_CANCEL", 16, "NO_USER_RESPONSE", 18);

    private final SimulatorConfig config;
    private final SimScheduler scheduler;
    private final EventBus bus;
    private final ScriptPlayer player;
    private final GenericEvents generic;
    private final Random random;
    private final Map<String, SimChannel> channels = new HashMap<>();
    private final Map<String, SimCall> callsByUuid = new HashMap<>();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong originates = new AtomicLong();
    private final SessionRate sessionRate;
    private final AnswerToBridge answerToBridge;
    final ChannelTimeline timeline = new ChannelTimeline();
    /** Callees (by the digits of their number) who press a key when a message plays to them. */
    final Map<String, String> playbackPresses = new java.util.concurrent.ConcurrentHashMap<>();
    private long sessionsSinceStartup;

    CallEngine(SimulatorConfig config, SimScheduler scheduler, EventBus bus, EventFactory events,
               AnswerToBridge answerToBridge) {
        this.config = config;
        this.answerToBridge = answerToBridge;
        this.scheduler = scheduler;
        this.bus = bus;
        this.random = new Random(config.seed());
        this.player = new ScriptPlayer(scheduler, events, channels::get, this::publish);
        this.generic = new GenericEvents(events);
        this.sessionRate = new SessionRate(config.sessionsPerSecond());
    }

    int liveChannels() {
        return live.get();
    }

    long totalOriginates() {
        return originates.get();
    }

    long sessionsSinceStartup() {
        return sessionsSinceStartup;
    }

    SimChannel channel(String uuid) {
        return channels.get(uuid);
    }

    List<SimChannel> channels() {
        return new ArrayList<>(channels.values());
    }

    /** Every channel event passes here so the simulator's view of each channel follows what clients see. */
    void publish(EslEvent event) {
        String name = event.name();
        String uuid = event.header("Unique-ID").orElse(null);
        timeline.record(uuid, name);
        if (uuid != null && !name.equals("CODEC") && !name.equals("CUSTOM")) {
            SimChannel ch = channels.get(uuid);
            if (ch == null && (name.equals("CHANNEL_OUTGOING") || name.equals("CHANNEL_CREATE"))) {
                SimCall call = callsByUuid.get(uuid);
                if (call != null) {
                    ch = new SimChannel(uuid, call, EventFactory.nowMicros());
                    channels.put(uuid, ch);
                    live.incrementAndGet();
                }
            }
            if (ch != null) {
                ch.absorb(name, event.headers());
                switch (name) {
                    case "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA" -> {
                        if (ch.progressMicros == 0) {
                            ch.progressMicros = EventFactory.nowMicros();
                        }
                    }
                    case "CHANNEL_ANSWER" -> {
                        ch.answeredMicros = EventFactory.nowMicros();
                        answerToBridge.answered(uuid, System.nanoTime());
                    }
                    case "CHANNEL_HANGUP" -> {
                        ch.hangupMicros = EventFactory.nowMicros();
                        ch.hangupCause = event.header("Hangup-Cause").orElse("NORMAL_CLEARING");
                    }
                    case "CHANNEL_DESTROY" -> {
                        channels.remove(uuid);
                        callsByUuid.remove(uuid);
                        answerToBridge.forget(uuid);
                        live.decrementAndGet();
                    }
                    default -> { }
                }
            }
        }
        bus.publish(event);
    }

    // ---------------------------------------------------------------- originate

    ApiResult originate(String args) {
        var parsed = OriginateRequest.parse(args);
        if (parsed.isEmpty()) {
            return ApiResult.now(OriginateRequest.USAGE);
        }
        OriginateRequest req = parsed.get();
        String uuid = req.vars().getOrDefault("origination_uuid", UUID.randomUUID().toString());
        String dial = req.dialString();
        SimCall call;
        if (dial.startsWith("loopback/")) {
            String[] p = dial.split("/");
            call = new SimCall(SimCall.Kind.LOOPBACK, req, uuid, dial, null, p.length > 1 ? p[1] : "", p.length > 1 ? p[1] : "");
        } else if (dial.startsWith("sofia/gateway/")) {
            String[] p = dial.split("/", 4);
            if (p.length < 4) {
                return ApiResult.now("-ERR INVALID_GATEWAY\n");
            }
            call = new SimCall(SimCall.Kind.SOFIA, req, uuid, dial, p[3] + "@" + p[2], p[3], null);
        } else if (dial.startsWith("sofia/")) {
            String[] p = dial.split("/", 3);
            if (p.length < 3) {
                return ApiResult.now("-ERR INVALID_URL\n");
            }
            String target = p[2];
            call = new SimCall(SimCall.Kind.SOFIA, req, uuid, dial, target, target.split("@")[0], null);
        } else if (dial.startsWith("user/")) {
            String agent = dial.substring(5).split("@")[0];
            String target = agent + "@127.0.0.1:5062";
            call = new SimCall(SimCall.Kind.SOFIA, req, uuid, "sofia/internal/" + target, target, agent, null);
            call.outcome = CallOutcome.ANSWER;
            call.agentLeg = true;
        } else {
            return ApiResult.now("-ERR CHAN_NOT_IMPLEMENTED\n");
        }
        if (channels.containsKey(uuid)) {
            return ApiResult.now("-ERR DESTINATION_OUT_OF_ORDER\n");
        }
        int sessions = call.kind == SimCall.Kind.LOOPBACK ? 2 : 1;
        if (!sessionRate.tryAcquire(sessions, System.nanoTime())) {
            return ApiResult.now("-ERR DESTINATION_OUT_OF_ORDER\n");
        }
        if (live.get() + sessions > config.maxSessions()) {
            return ApiResult.now("-ERR SWITCH_CONGESTION\n");
        }
        originates.incrementAndGet();
        sessionsSinceStartup += sessions;
        callsByUuid.put(uuid, call);
        if (call.kind == SimCall.Kind.LOOPBACK) {
            startLoopback(call);
        } else if (dial.startsWith("user/")) {
            startAgent(call);
        } else {
            startCarrier(call);
        }
        return new ApiResult(call.result);
    }

    private Runnable jobOf(SimCall call) {
        return () -> {
            SimChannel ch = channels.get(call.primaryUuid);
            boolean answered = ch != null && ch.answered() && !ch.hungUp();
            call.result.complete(answered ? "+OK " + call.primaryUuid + "\n" : "-ERR " + call.cause + "\n");
        };
    }

    /**
     * A bridge or hangup cuts the rest of an answer script short: what the script would still have
     * done for an answered leg (report the originate, start its AMD and talk timers) happens now.
     */
    private void settleJob(SimCall call) {
        if (!call.result.isDone()) {
            jobOf(call).run();
        }
        SimChannel ch = channels.get(call.primaryUuid);
        if (ch != null && ch.answered() && !ch.hungUp() && call.kind == SimCall.Kind.SOFIA && call.outcome != null) {
            afterAnswer(call);
        }
    }

    private void startLoopback(SimCall call) {
        // the b leg and the a leg's pre-rename uuid are fresh per call; their events must be attributed to it
        callsByUuid.put(call.uuidFor("b"), call);
        Runnable job = jobOf(call);
        switch (call.loopbackExt) {
            case "answer" -> player.play("05_answered", "originate", List.of(call), job, null);
            case "beep" -> player.play("05_answered", "originate", List.of(call), () -> {
                job.run();
                fireAvmd(call, "avmd::start", List.of(new EslHeader("Call-command", "avmd"),
                        new EslHeader("Start-time", Long.toString(EventFactory.nowMicros()))));
                scheduleBeep(call, Duration.ofMillis(1020));
            }, null);
            case "busy" -> {
                call.fail("USER_BUSY", 17, 486);
                player.play("06_busy", "originate", List.of(call), job, null);
            }
            case "reject" -> {
                call.fail("CALL_REJECTED", 21, 603);
                player.play("09b_call_rejected", "originate", List.of(call), job, null);
            }
            case "early" -> player.play("08_early_media", "originate", List.of(call), job, null);
            case "noanswer" -> {
                call.fail("NO_ANSWER", 19, 487);
                player.play("07_noanswer", "originate", List.of(call), null, null);
                call.pending.add(scheduler.afterSimulated(Duration.ofSeconds(call.request.originateTimeoutSeconds()),
                        () -> player.play("07_noanswer", "hangup", List.of(call), job, null)));
            }
            case "park", "hold500" -> player.play("11_uuid_kill", "originate", List.of(call), job, null);
            default -> {
                call.fail("NO_ROUTE_DESTINATION", 3, 404);
                player.play("09_no_route", "originate", List.of(call), job, null);
            }
        }
    }

    private void startAgent(SimCall call) {
        player.play("20_sofia_answered", "originate", List.of(call), null,
                () -> player.play("20_sofia_answered", "answer", List.of(call), jobOf(call), null));
    }

    private void startCarrier(SimCall call) {
        Map<String, String> vars = call.request.vars();
        CallModel model = config.callModel();
        call.outcome = vars.containsKey("sim_outcome") ? CallOutcome.parse(vars.get("sim_outcome")) : drawOutcome(model);
        Duration ring = vars.containsKey("sim_ring_ms") ? Duration.ofMillis(Long.parseLong(vars.get("sim_ring_ms").trim()))
                : uniform(model.ringMin(), model.ringMax());
        Duration timeout = Duration.ofSeconds(call.request.originateTimeoutSeconds());
        Runnable job = jobOf(call);
        switch (call.outcome) {
            case UNREACHABLE -> {
                call.fail("NORMAL_TEMPORARY_FAILURE", 41, 503);
                player.play("24_sofia_unreachable", "originate", List.of(call), null,
                        () -> player.play("24_sofia_unreachable", "hangup", List.of(call), job, null));
            }
            case BUSY, REJECT -> {
                player.play("22_sofia_busy", "originate", List.of(call), null, null);
                boolean busy = call.outcome == CallOutcome.BUSY;
                schedule(call, ring.compareTo(timeout) < 0 ? ring : timeout, () -> {
                    if (ring.compareTo(timeout) >= 0) {
                        ringTimeout(call, job);
                    } else {
                        call.fail(busy ? "USER_BUSY" : "CALL_REJECTED", busy ? 17 : 21, busy ? 486 : 603);
                        player.play("22_sofia_busy", "hangup", List.of(call), job, null);
                    }
                });
            }
            case NOANSWER -> {
                player.play("23_sofia_noanswer", "originate", List.of(call), null, null);
                schedule(call, timeout, () -> ringTimeout(call, job));
            }
            case ANSWER, MACHINE -> {
                player.play("20_sofia_answered", "originate", List.of(call), null, null);
                if (ring.compareTo(timeout) >= 0) {
                    schedule(call, timeout, () -> ringTimeout(call, job));
                } else {
                    schedule(call, ring, () -> player.play("20_sofia_answered", "answer", List.of(call), job,
                            () -> afterAnswer(call)));
                }
            }
        }
    }

    private void ringTimeout(SimCall call, Runnable job) {
        call.fail("NO_ANSWER", 19, 487);
        player.play("23_sofia_noanswer", "hangup", List.of(call), job, null);
    }

    /**
     * AMD: {@code amd::result} is the simulator's stand-in for a pluggable AMD module (FreeSWITCH core has none);
     * it carries AMD-Result HUMAN or MACHINE after the configured decision delay.
     */
    private void afterAnswer(SimCall call) {
        // an agent's softphone stays up until it is hung up; it has no AMD and no talk time
        if (call.answerFollowUpStarted || call.agentLeg) {
            return;
        }
        call.answerFollowUpStarted = true;
        Map<String, String> vars = call.request.vars();
        CallModel model = config.callModel();
        boolean machine = call.outcome == CallOutcome.MACHINE;
        boolean amdWanted = machine || "true".equalsIgnoreCase(vars.get("sim_amd"))
                || vars.getOrDefault("execute_on_answer", "").contains("amd");
        if (amdWanted) {
            schedule(call, model.amdDelay(), () -> fireAmd(call, machine));
        }
        if (machine) {
            scheduleBeep(call, model.amdDelay().plusSeconds(3));
        }
        String by = vars.get("sim_hangup_by");
        boolean customerHangsUp = by != null ? by.equalsIgnoreCase("customer")
                : random.nextDouble() < model.customerHangsUpShare();
        if (customerHangsUp) {
            Duration talk = vars.containsKey("sim_talk_ms") ? Duration.ofMillis(Long.parseLong(vars.get("sim_talk_ms").trim()))
                    : lognormal(model.talkMean(), model.talkCv());
            // not a pending script step: a bridge must not cancel the customer's own hangup
            scheduler.afterSimulated(talk, () -> farEndHangup(call.primaryUuid, "NORMAL_CLEARING"));
        }
    }

    private void fireAmd(SimCall call, boolean machine) {
        SimChannel ch = channels.get(call.primaryUuid);
        if (ch == null || ch.hungUp()) {
            return;
        }
        publish(generic.custom("amd::result", GenericEvents.AMD, List.of(new EslHeader("Unique-ID", ch.uuid),
                new EslHeader("AMD-Result", machine ? "MACHINE" : "HUMAN"),
                new EslHeader("AMD-Cause", machine ? "LONGGREETING" : "HUMAN"))));
    }

    private void scheduleBeep(SimCall call, Duration after) {
        schedule(call, after, () -> fireAvmd(call, "avmd::beep", List.of(new EslHeader("Call-command", "avmd"),
                new EslHeader("Beep-Status", "DETECTED"), new EslHeader("Frequency", "1000.454123"),
                new EslHeader("Frequency-variance", "0.000018"), new EslHeader("Amplitude", "14401.345206"),
                new EslHeader("Amplitude-variance", "27176.962574"),
                new EslHeader("Detection-time", Long.toString(after.toMillis() * 1000)),
                new EslHeader("Detector-resolution", "1"), new EslHeader("Detector-offset", "0"),
                new EslHeader("Detector-index", "0"))));
    }

    /** mod_avmd fires each event twice, as capture 15 shows: bare, then with the channel's data and variables. */
    private void fireAvmd(SimCall call, String subclass, List<EslHeader> own) {
        SimChannel ch = channels.get(call.primaryUuid);
        if (ch == null || ch.hungUp()) {
            return;
        }
        List<EslHeader> bare = new ArrayList<>();
        bare.add(new EslHeader("Unique-ID", ch.uuid));
        bare.addAll(own);
        publish(generic.custom(subclass, GenericEvents.AVMD, bare));
        List<EslHeader> full = new ArrayList<>(bare);
        full.addAll(ch.channelBlock);
        ch.variables.forEach((k, v) -> full.add(new EslHeader("variable_" + k, v)));
        publish(generic.custom(subclass, GenericEvents.AVMD, full));
    }

    private void schedule(SimCall call, Duration simulated, Runnable task) {
        call.pending.add(scheduler.afterSimulated(simulated, task));
    }

    private CallOutcome drawOutcome(CallModel m) {
        double r = random.nextDouble();
        double[] shares = {m.answerShare(), m.busyShare(), m.noAnswerShare(), m.rejectShare(), m.unreachableShare(),
                m.machineShare()};
        CallOutcome[] outcomes = {CallOutcome.ANSWER, CallOutcome.BUSY, CallOutcome.NOANSWER, CallOutcome.REJECT,
                CallOutcome.UNREACHABLE, CallOutcome.MACHINE};
        for (int i = 0; i < shares.length; i++) {
            r -= shares[i];
            if (r < 0) {
                return outcomes[i];
            }
        }
        return CallOutcome.ANSWER;
    }

    private Duration uniform(Duration min, Duration max) {
        long span = max.toMillis() - min.toMillis();
        return min.plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
    }

    private Duration lognormal(Duration mean, double cv) {
        double m = Math.max(1, mean.toMillis());
        double sigma2 = Math.log(1 + cv * cv);
        double mu = Math.log(m) - sigma2 / 2;
        return Duration.ofMillis((long) Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian()));
    }

    // ---------------------------------------------------------------- call control

    /** The dialer ends a channel (uuid_kill). */
    String kill(String uuid, String cause) {
        SimChannel ch = channels.get(uuid);
        if (ch == null) {
            return "-ERR No such channel!\n";
        }
        endChannel(ch, cause, true);
        return "+OK\n";
    }

    /** The far end ends a channel (BYE, or a final failure while ringing). */
    void farEndHangup(String uuid, String cause) {
        SimChannel ch = channels.get(uuid);
        if (ch != null) {
            endChannel(ch, cause, false);
        }
    }

    private void endChannel(SimChannel ch, String cause, boolean byDialer) {
        if (ch.hungUp()) {
            return;
        }
        SimCall call = ch.call;
        if (ch.bridgedTo != null && channels.containsKey(ch.bridgedTo)) {
            endBridged(ch, cause);
            return;
        }
        if (ch.answered()) settleJob(call);
        call.cancelPending();
        boolean sofia = call.kind == SimCall.Kind.SOFIA;
        Runnable job = jobOf(call);
        if (!ch.answered()) {
            call.fail(cause, Q850.getOrDefault(cause, 16), 487);
            player.play(sofia ? "23_sofia_noanswer" : "07_noanswer", "hangup", List.of(call), job, null);
        } else if (!sofia) {
            player.play("11_uuid_kill", "uuid_kill", List.of(call), null, null);
        } else if (byDialer) {
            player.play("20_sofia_answered", "uuid_kill", List.of(call), null, null);
        } else {
            player.play("21_sofia_callee_bye", "hangup", List.of(call), null, null);
        }
    }

    private void endBridged(SimChannel x, String cause) {
        SimChannel y = channels.get(x.bridgedTo);
        SimChannel originator = x.bridgeOriginator ? x : y;
        boolean yParks = "true".equalsIgnoreCase(y.var("park_after_bridge"));
        settleJob(x.call);
        settleJob(y.call);
        x.call.cancelPending();
        y.call.cancelPending();
        x.bridgedTo = null;
        y.bridgedTo = null;
        if (x == originator && !yParks && "NORMAL_CLEARING".equals(cause)) {
            boolean bothSofia = x.call.kind == SimCall.Kind.SOFIA && y.call.kind == SimCall.Kind.SOFIA;
            player.play(bothSofia ? "25_sofia_uuid_bridge" : "10_uuid_bridge", "uuid_kill", List.of(x.call, y.call), null, null);
            return;
        }
        int q850 = Q850.getOrDefault(cause, 16);
        List<EslEvent> xEnd = generic.hangupSequence(x, cause, q850);
        publish(xEnd.get(0));
        publish(generic.channelEvent(originator, "CHANNEL_UNBRIDGE", GenericEvents.BRIDGE,
                List.of(new EslHeader("Bridge-A-Unique-ID", originator.uuid),
                        new EslHeader("Bridge-B-Unique-ID", originator == x ? y.uuid : x.uuid)), true, List.of()));
        xEnd.subList(1, xEnd.size()).forEach(this::publish);
        if (yParks) {
            y.state = "CS_EXECUTE";
            publish(generic.channelEvent(y, "CHANNEL_PARK", GenericEvents.PARK, List.of(), true, List.of()));
        } else {
            generic.hangupSequence(y, "NORMAL_CLEARING", 16).forEach(this::publish);
        }
    }

    String bridge(String a, String b) {
        SimChannel x = channels.get(a);
        SimChannel y = channels.get(b);
        if (x == null || y == null || x.hungUp() || y.hungUp()) {
            return "-ERR Invalid uuid\n";
        }
        if (x.bridgedTo != null || y.bridgedTo != null) {
            return "-ERR Invalid uuid\n";
        }
        x.bridgedTo = b;
        y.bridgedTo = a;
        x.bridgeOriginator = true;
        y.bridgeOriginator = false;
        boolean bothLoopback = x.call.kind == SimCall.Kind.LOOPBACK && y.call.kind == SimCall.Kind.LOOPBACK;
        // the originate API returned at answer, whatever comes next: its job must not be lost
        settleJob(x.call);
        settleJob(y.call);
        x.call.cancelPending();
        player.play(bothLoopback ? "10_uuid_bridge" : "25_sofia_uuid_bridge", "uuid_bridge", List.of(x.call, y.call), null, null);
        return "+OK " + b + "\n";
    }

    String hold(String uuid, String mode) {
        SimChannel ch = channels.get(uuid);
        if (ch == null || ch.hungUp()) {
            return "-ERR Operation failed\n";
        }
        boolean hold = switch (mode) {
            case "off" -> false;
            case "toggle" -> !ch.held;
            default -> true;
        };
        ch.held = hold;
        ch.callState = hold ? "HELD" : "ACTIVE"; // as FreeSWITCH's callstate, so show channels tells
        publish(generic.channelEvent(ch, hold ? "CHANNEL_HOLD" : "CHANNEL_UNHOLD", GenericEvents.HOLD, List.of(), true, List.of()));
        return "+OK Success\n";
    }

    String sendDtmf(String uuid, String digits) {
        SimChannel ch = channels.get(uuid);
        if (ch == null || ch.hungUp()) {
            return "-ERR Cannot locate session!\n";
        }
        SimChannel far = ch.bridgedTo != null && channels.containsKey(ch.bridgedTo) ? channels.get(ch.bridgedTo) : ch;
        for (char d : digits.toCharArray()) {
            if (d == 'w' || d == 'W' || d == '@') {
                continue;
            }
            publish(generic.channelEvent(far, "DTMF", GenericEvents.DTMF, List.of(), false, List.of(
                    new EslHeader("DTMF-Digit", Character.toString(d)), new EslHeader("DTMF-Duration", "2000"),
                    new EslHeader("DTMF-Source", "APP"))));
        }
        return "+OK " + uuid + " sent DTMF " + digits + ".\n";
    }

    String record(String uuid, String action, String path) {
        SimChannel ch = channels.get(uuid);
        if (ch == null || ch.hungUp()) {
            return "-ERR Cannot locate session!\n";
        }
        boolean start = action.equals("start");
        if (!start && !ch.recording) {
            return "-ERR Cannot stop record session!\n";
        }
        ch.recording = start;
        publish(generic.channelEvent(ch, start ? "RECORD_START" : "RECORD_STOP", GenericEvents.RECORD, List.of(), true,
                List.of(new EslHeader("Record-File-Path", path))));
        return "+OK Success\n";
    }

    String broadcast(String uuid, String path, String legs) {
        SimChannel ch = channels.get(uuid);
        if (ch == null || ch.hungUp()) {
            return "-ERR invalid uuid\n";
        }
        List<SimChannel> targets = new ArrayList<>();
        if (!legs.equals("bleg")) {
            targets.add(ch);
        }
        if ((legs.equals("bleg") || legs.equals("both")) && ch.bridgedTo != null && channels.containsKey(ch.bridgedTo)) {
            targets.add(channels.get(ch.bridgedTo));
        }
        for (SimChannel t : targets) {
            publish(generic.channelEvent(t, "PLAYBACK_START", GenericEvents.PLAYBACK, List.of(), true,
                    List.of(new EslHeader("Playback-File-Path", path))));
            String press = t.call.dest == null ? null : playbackPresses.get(t.call.dest.replaceAll("[^0-9]", ""));
            if (press != null) {
                // the callee presses a key while the message plays, heard in-band by the switch
                t.call.pending.add(scheduler.afterSimulated(Duration.ofMillis(400), () -> {
                    if (channels.containsKey(t.uuid) && !t.hungUp()) {
                        publish(generic.channelEvent(t, "DTMF", GenericEvents.DTMF, List.of(), false, List.of(
                                new EslHeader("DTMF-Digit", press), new EslHeader("DTMF-Duration", "1600"),
                                new EslHeader("DTMF-Source", "INBAND_AUDIO"))));
                    }
                }));
            }
            t.call.pending.add(scheduler.afterSimulated(Duration.ofSeconds(1), () -> {
                if (channels.containsKey(t.uuid) && !t.hungUp()) {
                    publish(generic.channelEvent(t, "PLAYBACK_STOP", GenericEvents.PLAYBACK, List.of(), true,
                            List.of(new EslHeader("Playback-File-Path", path),
                                    new EslHeader("Playback-Status", "done"))));
                }
            }));
        }
        return "+OK Message sent\n";
    }

    int sessionsPerSecondNow() {
        return sessionRate.current(System.nanoTime());
    }
}
