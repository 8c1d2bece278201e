package io.autodial.node.robot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a robot agent works a call: how long it talks before hanging up, how long it wraps up, which
 * of the offered disposition codes it picks. Suppliers, so a benchmark can draw from a distribution.
 */
public record RobotBehaviour(
    Supplier<Duration> talkTime, Supplier<Duration> wrapUpTime, Function<List<String>, String> disposition) {

  public RobotBehaviour {
    Objects.requireNonNull(talkTime, "talkTime");
    Objects.requireNonNull(wrapUpTime, "wrapUpTime");
    Objects.requireNonNull(disposition, "disposition");
  }

  public static RobotBehaviour of(Supplier<Duration> talk, Supplier<Duration> wrapUp, Function<List<String>, String> disposition) {
    return new RobotBehaviour(talk, wrapUp, disposition);
  }

  /** Fixed times, always the first disposition offered. */
  public static RobotBehaviour fixed(Duration talkTime, Duration wrapUpTime) {
    return new RobotBehaviour(() -> talkTime, () -> wrapUpTime, codes -> codes.get(0));
  }
}
