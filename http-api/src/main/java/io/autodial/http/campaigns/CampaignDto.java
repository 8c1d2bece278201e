package io.autodial.http.campaigns;

import java.util.List;
import java.util.Map;

/** A campaign as the API shows it. */
public record CampaignDto(
    String id,
    String name,
    String status,
    String callerId,
    double multiplier,
    int maxConcurrentCalls,
    int ringTimeoutSeconds,
    List<String> dispositions,
    String script,
    Map<String, CampaignRequest.RetryRule> retryRules,
    List<Long> leadsetIds,
    List<String> agentIds,
    String mode,
    double targetAbandonmentPercent,
    double maxAbandonmentPercent,
    double maxRatio,
    double callsPerSecond,
    boolean dropRingingCalls,
    boolean amd,
    String machineAction,
    String machineMessage,
    String humanMessage,
    ComplianceSettingsDto compliance) {}
