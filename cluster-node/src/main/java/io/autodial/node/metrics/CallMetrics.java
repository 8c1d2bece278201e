package io.autodial.node.metrics;

/**
 * Per-node call metrics. {@link #ANSWER_TO_ENTITY}: from the switch firing CHANNEL_ANSWER (its
 * Event-Date-Timestamp) to the Call entity handling the typed event — the first leg of the
 * answer-to-bridge path the 2-second abandonment rule bounds.
 */
public final class CallMetrics {
  public static final LatencyRecorder ANSWER_TO_ENTITY = new LatencyRecorder();

  private CallMetrics() {}
}
