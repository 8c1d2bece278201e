package io.autodial.http.campaigns;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/campaigns} and {@code PUT /api/campaigns/{id}}. {@code retryRules}
 * maps an outcome (BUSY, NO_ANSWER, MACHINE, DROPPED, REJECTED, UNREACHABLE, FAILED) to when and
 * how often to try again; outcomes left out keep their defaults.
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
    List<Long> leadsetIds) {

  public record RetryRule(long delayMinutes, int maxAttempts) {}
}
