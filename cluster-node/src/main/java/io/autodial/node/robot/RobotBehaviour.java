package io.autodial.node.robot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a robot agent works a call: how long it talks before hanging up, how long it wraps up, which
 * of the offered disposition codes it picks, and in preview mode which share of previews it skips
 * (it dials the others). Suppliers, so a benchmark can draw from a distribution.
 */
public record RobotBehaviour(
    Supplier<Duration> talkTime, Supplier<Duration> wrapUpTime, Function<List<String>, String> disposition, double previewSkipShare) {

  public RobotBehaviour {
    Objects.requireNonNull(talkTime, "talkTime");
    Objects.requireNonNull(wrapUpTime, "wrapUpTime");
    Objects.requireNonNull(disposition, "disposition");
    if (previewSkipShare < 0 || previewSkipShare > 1) throw new IllegalArgumentException("previewSkipShare must be within [0,1]");
  }

  public RobotBehaviour(Supplier<Duration> talkTime, Supplier<Duration> wrapUpTime, Function<List<String>, String> disposition) {
    this(talkTime, wrapUpTime, disposition, 0.0);
  }

  public static RobotBehaviour of(Supplier<Duration> talk, Supplier<Duration> wrapUp, Function<List<String>, String> disposition) {
    return new RobotBehaviour(talk, wrapUp, disposition, 0.0);
  }

  /** Fixed times, always the first disposition offered. */
  public static RobotBehaviour fixed(Duration talkTime, Duration wrapUpTime) {
    return new RobotBehaviour(() -> talkTime, () -> wrapUpTime, codes -> codes.get(0), 0.0);
  }

  /** The same, skipping this share of previews (at random) instead of dialing them. */
  public RobotBehaviour withPreviewSkipShare(double share) {
    return new RobotBehaviour(talkTime, wrapUpTime, disposition, share);
  }
}
