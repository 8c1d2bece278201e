package io.autodial.loadtest.pacing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A calling floor to simulate, read from JSON (see load-tests/README.md). Shares of the calls that
 * are not live answers ({@code machineShare}, {@code noAnswerShare}, {@code busyShare}) are
 * fractions of the rest and sum to 1. Times are seconds. {@code changes} alter the answer rate or
 * the mean talk time from a given hour on.
 */
public record Scenario(
    String name,
    int agents,
    double hours,
    List<Long> seeds,
    double liveAnswerRate,
    double machineShare,
    double noAnswerShare,
    double busyShare,
    double liveRingMinSeconds,
    double liveRingMaxSeconds,
    double noAnswerRingSeconds,
    double machineDetectSeconds,
    double busyMinSeconds,
    double busyMaxSeconds,
    double talkMeanSeconds,
    double talkCv,
    double wrapUpSeconds,
    double abandonAfterSeconds,
    List<Change> changes) {

  /** From {@code atHour} on, whichever of the answer rate and the mean talk time is given. */
  public record Change(double atHour, Double liveAnswerRate, Double talkMeanSeconds) {}

  public Scenario {
    if (agents < 1) throw new IllegalArgumentException(name + ": agents must be at least 1");
    if (hours <= 0) throw new IllegalArgumentException(name + ": hours must be positive");
    if (seeds == null || seeds.isEmpty()) seeds = List.of(1L);
    if (Math.abs(machineShare + noAnswerShare + busyShare - 1) > 1e-6)
      throw new IllegalArgumentException(name + ": machineShare + noAnswerShare + busyShare must be 1");
    if (liveRingMaxSeconds < liveRingMinSeconds) throw new IllegalArgumentException(name + ": liveRingMaxSeconds < liveRingMinSeconds");
    if (talkMeanSeconds <= 0 || talkCv < 0 || wrapUpSeconds < 0) throw new IllegalArgumentException(name + ": bad talk or wrap-up time");
    if (abandonAfterSeconds <= 0) throw new IllegalArgumentException(name + ": abandonAfterSeconds must be positive");
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  public static Scenario read(Path file) throws IOException {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).readValue(file.toFile(), Scenario.class);
  }

  public Scenario withAgents(int n) {
    return new Scenario(name, n, hours, seeds, liveAnswerRate, machineShare, noAnswerShare, busyShare, liveRingMinSeconds,
        liveRingMaxSeconds, noAnswerRingSeconds, machineDetectSeconds, busyMinSeconds, busyMaxSeconds, talkMeanSeconds, talkCv,
        wrapUpSeconds, abandonAfterSeconds, changes);
  }

  public Scenario withHours(double h) {
    return new Scenario(name, agents, h, seeds, liveAnswerRate, machineShare, noAnswerShare, busyShare, liveRingMinSeconds,
        liveRingMaxSeconds, noAnswerRingSeconds, machineDetectSeconds, busyMinSeconds, busyMaxSeconds, talkMeanSeconds, talkCv,
        wrapUpSeconds, abandonAfterSeconds, changes);
  }

  public Scenario withSeeds(List<Long> s) {
    return new Scenario(name, agents, hours, s, liveAnswerRate, machineShare, noAnswerShare, busyShare, liveRingMinSeconds,
        liveRingMaxSeconds, noAnswerRingSeconds, machineDetectSeconds, busyMinSeconds, busyMaxSeconds, talkMeanSeconds, talkCv,
        wrapUpSeconds, abandonAfterSeconds, changes);
  }

  /** The live-answer rate in force at {@code hour}. */
  public double liveAnswerRateAt(double hour) {
    double rate = liveAnswerRate;
    for (Change c : changes) if (c.atHour() <= hour && c.liveAnswerRate() != null) rate = c.liveAnswerRate();
    return rate;
  }

  public double talkMeanSecondsAt(double hour) {
    double mean = talkMeanSeconds;
    for (Change c : changes) if (c.atHour() <= hour && c.talkMeanSeconds() != null) mean = c.talkMeanSeconds();
    return mean;
  }
}
