package io.autodial.loadtest.pacing;

import java.util.List;

/** What one simulated run achieved. Rates are percentages; abandonment is of live answers. */
public record FloorResult(
    String scenario,
    String strategy,
    long seed,
    int agents,
    double hours,
    double talkMinutesPerAgentHour,
    double occupancyPercent,
    double abandonmentPercent,
    double worstHourAbandonmentPercent,
    List<Double> abandonmentPercentByHour,
    long callsDialed,
    long liveAnswers,
    long abandoned,
    double liveConnectsPerAgentHour) {}
