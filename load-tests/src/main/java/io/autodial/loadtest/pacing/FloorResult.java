package io.autodial.loadtest.pacing;

import java.util.List;

/**
 * What one simulated run achieved. Rates are percentages; abandonment is of live answers. Calls
 * dropped while ringing were hung up unanswered by the pacer after 15 s of ringing.
 */
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
    long callsDroppedWhileRinging,
    long liveAnswers,
    long abandoned,
    double liveConnectsPerAgentHour) {}
