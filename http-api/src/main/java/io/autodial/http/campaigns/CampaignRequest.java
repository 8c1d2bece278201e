package io.autodial.http.campaigns;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/campaigns} and {@code PUT /api/campaigns/{id}}. {@code retryRules}
 * maps an outcome (BUSY, NO_ANSWER, MACHINE, DROPPED, REJECTED, UNREACHABLE, FAILED) to when and
 * how often to try again; outcomes left out keep their defaults. {@code mode} is PREVIEW,
 * PROGRESSIVE, POWER (the default), PREDICTIVE or BROADCAST; {@code amd} turns answering-machine
 * detection on, {@code machineAction} (HANGUP or LEAVE_MESSAGE) says what a machine gets, and
 * {@code humanMessage} is what a BROADCAST plays to people; {@code dropRingingCalls} (default true)
 * lets PREDICTIVE pacing hang up a call that has rung 15 s when it would likely find no agent; {@code compliance} holds the rules the
 * campaign is held to. Fields left out keep their values.
 */
public record CampaignRequest(
    String name,
    String callerId,
    Double multiplier,
    Integer maxConcurrentCalls,
    Integer ringTimeoutSeconds,
    List<String> dispositions,
    String script,
    Map<String, RetryRule> retryRules,
    List<Long> leadsetIds,
    String mode,
    Double targetAbandonmentPercent,
    Double maxAbandonmentPercent,
    Double maxRatio,
    Double callsPerSecond,
    Boolean dropRingingCalls,
    Boolean amd,
    String machineAction,
    String machineMessage,
    String humanMessage,
    ComplianceSettingsDto compliance) {

  public record RetryRule(long delayMinutes, int maxAttempts) {}
}
