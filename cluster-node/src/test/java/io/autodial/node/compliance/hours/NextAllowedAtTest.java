package io.autodial.node.compliance.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * nextAllowedAt agrees with the slow, obvious answer: step minute by minute until every zone's
 * local time is in the window (windows open on whole minutes). Sampled across both 2026 US DST
 * changes, the UK's, and Lord Howe's 30-minute one.
 */
class NextAllowedAtTest {
  static Stream<List<String>> zoneSets() {
    return Stream.of(
        List.of("America/New_York"),
        List.of("America/Boise", "America/Los_Angeles"),
        List.of("America/Phoenix", "America/Denver"),
        List.of("America/New_York", "Europe/London"),
        List.of("Australia/Lord_Howe"));
  }

  @ParameterizedTest
  @MethodSource("zoneSets")
  void matchesAMinuteByMinuteScan(List<String> ids) {
    LeadZones zones = new LeadZones(ids.stream().map(ZoneId::of).toList(), ZoneSource.PHONE_NUMBER);
    for (Instant weekStart : List.of(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-27T00:00:00Z"),
        Instant.parse("2026-04-02T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-23T00:00:00Z"),
        Instant.parse("2026-10-29T00:00:00Z"))) {
      for (Instant at = weekStart; at.isBefore(weekStart.plus(Duration.ofDays(5))); at = at.plus(Duration.ofMinutes(97))) {
        HoursCheck check = CallingHours.DEFAULT.check(zones, at);
        assertThat(check.allowed()).as("%s at %s", ids, at).isEqualTo(allowedEverywhere(zones, at));
        if (!check.allowed())
          assertThat(check.nextAllowedAt()).as("%s at %s", ids, at).isEqualTo(scan(zones, at));
      }
    }
  }

  private static Instant scan(LeadZones zones, Instant at) {
    for (Instant t = at.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        t.isBefore(at.plus(CallingHours.LOOKAHEAD));
        t = t.plus(Duration.ofMinutes(1)))
      if (allowedEverywhere(zones, t)) return t;
    return null;
  }

  private static boolean allowedEverywhere(LeadZones zones, Instant t) {
    return zones.zones().stream().allMatch(zone -> {
      var time = t.atZone(zone).toLocalTime();
      return !time.isBefore(CallingHours.DEFAULT.start()) && time.isBefore(CallingHours.DEFAULT.end());
    });
  }
}
