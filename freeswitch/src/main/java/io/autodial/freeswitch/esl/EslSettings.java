package io.autodial.freeswitch.esl;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the ESL layer as a whole.
 *
 * @param commandTimeout how long a synchronous api command may take before it fails
 * @param originateGrace how long past a leg's ring timeout its originate job may stay unanswered
 *     before it is reported LOST (real FreeSWITCH can lose a job)
 * @param maxReconnectBackoff the longest wait between reconnect attempts
 */
public record EslSettings(
    List<SwitchSettings> switches,
    Duration commandTimeout,
    Duration originateGrace,
    Duration maxReconnectBackoff) {

  public EslSettings {
    if (switches.isEmpty()) throw new IllegalArgumentException("at least one switch is required");
    if (switches.stream().map(SwitchSettings::id).distinct().count() != switches.size())
      throw new IllegalArgumentException("switch ids must be unique");
    switches = List.copyOf(switches);
  }

  public static EslSettings of(List<SwitchSettings> switches) {
    return new EslSettings(switches, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(8));
  }
}
