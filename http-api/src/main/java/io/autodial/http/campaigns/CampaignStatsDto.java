package io.autodial.http.campaigns;

/** What a supervisor watches: agents, calls, leads and the dial level of one campaign right now. */
public record CampaignStatsDto(String campaignId, Agents agents, Calls calls, Leads leads, Dialer dialer, Broadcast broadcast) {

  public record Agents(int loggedIn, int paused, int waiting, int inCall, int wrapUp) {}

  /** Calls of the campaign not yet ended: ringing, bridged to an agent, answered and waiting. */
  public record Calls(int ringing, int active, int waiting, long total, long answered, long dropped) {}

  /** {@code dataRemaining}: leads that can still be dialed now or later. */
  public record Leads(long total, long dialable, long inProgress, long answered, long failed, long dropped, long dataRemaining) {}

  /** {@code target}: calls the campaign keeps ringing or waiting now; {@code pacing}: what its pacer measured and believes. */
  public record Dialer(
      String status, String mode, int readyAgents, int dialing, int waitingForAgent, double multiplier, int target, Pacing pacing, Abandonment abandonment) {}

  /**
   * The abandonment limit over its legal window (30 days US, 24 hours UK, with estimated AMD false
   * positives counted in UK mode): live answers, abandoned calls, the rate, and whether pacing is
   * held to progressive because one more abandoned call would cross the limit.
   */
  public record Abandonment(
      long windowHours, long liveAnswers, long abandoned, double estimatedFalsePositives, double percent, double limitPercent, boolean forcedProgressive) {}

  /**
   * The pacer's view (progressive, power, predictive). {@code regime}: FIXED_RATIO, WARMING_UP
   * (predictive, dialing progressively until it has measured enough), PREDICTIVE, or CAPPED (back to
   * progressive: one more abandoned call could cross the maximum abandonment). {@code
   * marginalRiskPercent}: the risk of abandonment a call may carry now (steered by the measured
   * abandonment); {@code nextCallRiskPercent}: the risk one more call would carry; {@code
   * droppedWhileRinging}: calls hung up unanswered after the legal 15 s of ringing because they would
   * likely have found no agent. Rates in percent of
   * placed calls (live answers) or of live answers (abandonment); times in seconds.
   */
  public record Pacing(
      String regime, int idleAgents, int talkingAgents, int wrappingAgents, int ringing, int waiting,
      double liveAnswerRatePercent, double talkMeanSeconds, double talkCv, double wrapUpMeanSeconds,
      double marginalRiskPercent, double nextCallRiskPercent, long liveAnswers, long abandoned, double abandonmentPercent, double abandonmentPercentLastDay,
      long droppedWhileRinging) {}

  /**
   * Recorded-message calls: {@code delivered} heard the message to the end; {@code failed} did not
   * (no answer, busy, failed, or hung up during the message); {@code inProgress} have not ended.
   */
  public record Broadcast(long delivered, long failed, long inProgress) {}
}
