package io.autodial.freeswitch.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** One originate: the script it follows, the uuids of its legs, its outcome and the originate's pending result. */
final class SimCall {
    enum Kind { SOFIA, LOOPBACK }

    /** Where a capture's time maps to at run time (one per played segment). */
    record Anchor(String script, long captureT0, long runtimeT0) {}

    final Kind kind;
    final OriginateRequest request;
    final String primaryUuid;
    final String channelName;
    final String target;
    final String dest;
    final String loopbackExt;
    final Map<String, String> roles = new HashMap<>();
    final List<Anchor> anchors = new ArrayList<>();
    final List<ScheduledFuture<?>> pending = new ArrayList<>();
    final CompletableFuture<String> result = new CompletableFuture<>();
    final String sipCallId = UUID.randomUUID().toString();
    CallOutcome outcome;
    /** AMD and talk-time timers were started for this answered call. */
    boolean answerFollowUpStarted;
    /** A {@code user/...} leg: an agent's phone, which answers at once and parks. */
    boolean agentLeg;
    String cause = "NORMAL_CLEARING";
    int sipStatus = 200;
    int q850 = 16;

    SimCall(Kind kind, OriginateRequest request, String primaryUuid, String channelName, String target, String dest,
            String loopbackExt) {
        this.kind = kind;
        this.request = request;
        this.primaryUuid = primaryUuid;
        this.channelName = channelName;
        this.target = target;
        this.dest = dest;
        this.loopbackExt = loopbackExt;
        roles.put("c1.a", primaryUuid);
    }

    /** The uuid playing a role of this call ("a", "b", "tmp"...); unknown roles get fresh uuids. */
    String uuidFor(String roleSuffix) {
        return roles.computeIfAbsent("c1." + roleSuffix, r -> UUID.randomUUID().toString());
    }

    void fail(String cause, int q850, int sipStatus) {
        this.cause = cause;
        this.q850 = q850;
        this.sipStatus = sipStatus;
    }

    void cancelPending() {
        pending.forEach(f -> f.cancel(false));
        pending.clear();
    }
}
