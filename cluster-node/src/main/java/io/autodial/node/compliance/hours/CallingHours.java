package io.autodial.node.compliance.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A campaign's calling window in local time: [start, end), default 08:00–21:00 (TCPA: only call
 * between 8 am and 9 pm in the called party's local time). A lead that may be in several zones is
 * called only when the time is inside the window in all of them.
 */
public record CallingHours(LocalTime start, LocalTime end) {
  public static final CallingHours DEFAULT = new CallingHours(LocalTime.of(8, 0), LocalTime.of(21, 0));

  /** How far ahead {@link #check} looks for the next allowed instant. */
  static final Duration LOOKAHEAD = Duration.ofDays(8);

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public CallingHours {
    if (start == null) throw new IllegalArgumentException("calling hours need a start time (e.g. 08:00)");
    if (end == null) throw new IllegalArgumentException("calling hours need an end time (e.g. 21:00)");
    // Windows across midnight are not supported: no compliance rule asks for night calling.
    if (!start.isBefore(end))
      throw new IllegalArgumentException(
          "calling hours must start before they end on the same day, but " + start + " is not before " + end);
  }

  /**
   * Whether `at` is inside the window in every zone; each zone's local time; and if not, the
   * earliest instant (after `at`) at which it is inside in every zone, or null if never within 8 days.
   */
  public HoursCheck check(LeadZones zones, Instant at) {
    Objects.requireNonNull(zones, "zones");
    Objects.requireNonNull(at, "at");
    if (zones.zones().isEmpty())
      return new HoursCheck(false, List.of(), null,
          "no time zone could be determined for the lead (no valid zone, postal code, region or phone number), so it is never called");

    List<ZonedDateTime> localTimes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ZoneId zone : zones.zones()) {
      ZonedDateTime local = at.atZone(zone);
      localTimes.add(local);
      LocalTime time = local.toLocalTime();
      if (time.isBefore(start))
        problems.add(HH_MM.format(time) + " in " + zone + " is before " + HH_MM.format(start));
      else if (!time.isBefore(end))
        problems.add(HH_MM.format(time) + " in " + zone + " is at or after " + HH_MM.format(end));
    }
    if (problems.isEmpty()) return new HoursCheck(true, localTimes, null, null);

    Instant next = LocalWindows.firstCommonStart(zones.zones(), start, end, at, at.plus(LOOKAHEAD));
    String reason = String.join("; ", problems);
    if (next == null)
      reason += "; and no time in the next " + LOOKAHEAD.toDays() + " days is between " + HH_MM.format(start)
          + " and " + HH_MM.format(end) + " in all of " + zones.zones();
    return new HoursCheck(false, localTimes, next, reason);
  }
}
