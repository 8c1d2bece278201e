package io.autodial.loadtest;

import java.util.List;

/**
 * What one level measured. Times are milliseconds from the first Dial sent ({@code t0}).
 *
 * @param calls N, the calls dialed (and the concurrent channels aimed at)
 * @param dialAccepted Dial commands the Call entities accepted (DialRequested persisted)
 * @param dialNotAccepted Dial commands rejected, failed or timed out
 * @param originatesAccepted originates the switch accepted (simulator's counter)
 * @param originateWindowMs t0 to the switch accepting the last of them
 * @param originatesPerSecond originatesAccepted / originateWindowMs
 * @param dialedPersisted Dialed events (the product's OriginateAccepted, persisted) for this level
 * @param dialedWindowMs t0 to the last Dialed event's journal write timestamp (ms resolution)
 * @param answered samples in CallMetrics.ANSWER_TO_ENTITY (Answered handled and persisted)
 * @param allAnsweredMs t0 to the recorder holding all N samples (polled every 10 ms), or to the
 *     give-up point
 * @param peakChannels most live channels the simulator had at once (polled every 1 ms)
 * @param p50Ms ANSWER_TO_ENTITY p50 (2 % buckets)
 * @param p99Ms ANSWER_TO_ENTITY p99
 * @param maxMs ANSWER_TO_ENTITY max (upper bound of the highest bucket)
 * @param usage CPU during t0..allAnswered
 * @param heapPeakMb highest heap used sampled during t0..allAnswered (every 20 ms)
 * @param heapAfterGcMb heap used after the level drained and a System.gc()
 * @param peakThreads peak live JVM threads during the level
 * @param journalRows event_journal rows written during the level (calls' events and sharding's
 *     remember-entities events), up to the end of the drain
 * @param hangupDrainMs far-end hangups sent to the simulator having no live channel left
 * @param entityDrainMs ... to every call of the run having its end (HungUp) in the journal
 * @param projectionDrainMs ... to every call of the run having ended_at in call_log
 * @param lastDialAcceptedMs t0 to the last DialAccepted reply
 * @param stages journal write times of the calls' events
 * @param probes journal and ESL round trips sampled during t0..allAnswered
 * @param notes anything that went wrong (empty when the level completed)
 */
record LevelResult(
    String label,
    int calls,
    int dialAccepted,
    int dialNotAccepted,
    long originatesAccepted,
    double originateWindowMs,
    double originatesPerSecond,
    long dialedPersisted,
    double dialedWindowMs,
    long answered,
    double allAnsweredMs,
    int peakChannels,
    double p50Ms,
    double p99Ms,
    double maxMs,
    ResourceWindow.Usage usage,
    double heapPeakMb,
    double heapAfterGcMb,
    int peakThreads,
    long journalRows,
    double hangupDrainMs,
    double entityDrainMs,
    double projectionDrainMs,
    double lastDialAcceptedMs,
    List<Stage> stages,
    List<Probes.Stats> probes,
    List<String> notes) {

  /** One call event's journal writes in this level: how many, and the first, median and last write (ms after t0). */
  record Stage(String event, long count, double firstMs, double medianMs, double lastMs) {}

  boolean complete() {
    return answered >= calls && peakChannels >= calls && notes.stream().allMatch(n -> n.startsWith("drain:"));
  }
}
