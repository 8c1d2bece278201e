package io.autodial.node.robot;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** How a robot agent works a call: how long it talks, how long it wraps up, which disposition it picks. */
public record RobotBehaviour(
    Supplier<Duration> talkTime, Supplier<Duration> wrapUpTime, Function<List<String>, String> disposition) {

  public static RobotBehaviour of(Supplier<Duration> talk, Supplier<Duration> wrapUp, Function<List<String>, String> disposition) {
    return new RobotBehaviour(talk, wrapUp, disposition);
  }
}
