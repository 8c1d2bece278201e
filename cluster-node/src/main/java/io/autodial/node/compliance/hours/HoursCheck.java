package io.autodial.node.compliance.hours;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link CallingHours#check}: whether the lead may be called now, its local time in
 * each of its zones, and when refused the earliest instant it may be (null if not within 8 days)
 * and a sentence saying why (null when allowed).
 */
public record HoursCheck(boolean allowed, List<ZonedDateTime> localTimes, Instant nextAllowedAt, String reason) {
  public HoursCheck {
    localTimes = List.copyOf(Objects.requireNonNull(localTimes, "localTimes"));
  }
}
