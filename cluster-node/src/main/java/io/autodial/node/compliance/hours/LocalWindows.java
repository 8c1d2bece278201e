package io.autodial.node.compliance.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The instants at which a daily local-time window is open, as half-open UTC intervals, and their
 * intersection across zones. Built per stretch of constant UTC offset (split at each DST or other
 * transition) so that skipped and repeated local hours are judged exactly as {@code
 * at.atZone(zone).toLocalTime()} judges them — never by adding 24 hours to a previous opening.
 */
final class LocalWindows {
  private LocalWindows() {}

  record Interval(Instant from, Instant until) {}

  /** The earliest instant in [from, to) at which the window is open in every zone, or null. */
  static Instant firstCommonStart(List<ZoneId> zones, LocalTime start, LocalTime end, Instant from, Instant to) {
    List<Interval> common = null;
    for (ZoneId zone : zones) {
      List<Interval> open = openIntervals(zone, start, end, from, to);
      common = common == null ? open : intersect(common, open);
      if (common.isEmpty()) return null;
    }
    return common == null || common.isEmpty() ? null : common.get(0).from();
  }

  /** Sorted, disjoint, non-adjacent intervals within [from, to) where start <= local time < end. */
  static List<Interval> openIntervals(ZoneId zone, LocalTime start, LocalTime end, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    List<Interval> result = new ArrayList<>();
    Instant segmentStart = from;
    while (segmentStart.isBefore(to)) {
      ZoneOffsetTransition transition = rules.nextTransition(segmentStart);
      Instant segmentEnd =
          transition == null || transition.getInstant().isAfter(to) ? to : transition.getInstant();
      ZoneOffset offset = rules.getOffset(segmentStart);
      LocalDate last = LocalDateTime.ofInstant(segmentEnd, offset).toLocalDate();
      for (LocalDate day = LocalDateTime.ofInstant(segmentStart, offset).toLocalDate();
          !day.isAfter(last);
          day = day.plusDays(1)) {
        Instant opens = max(day.atTime(start).toInstant(offset), segmentStart);
        Instant closes = min(day.atTime(end).toInstant(offset), segmentEnd);
        if (opens.isBefore(closes)) append(result, new Interval(opens, closes));
      }
      segmentStart = segmentEnd;
    }
    return result;
  }

  /** Both inputs sorted and disjoint; so is the result. */
  static List<Interval> intersect(List<Interval> a, List<Interval> b) {
    List<Interval> result = new ArrayList<>();
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      Instant from = max(a.get(i).from(), b.get(j).from());
      Instant until = min(a.get(i).until(), b.get(j).until());
      if (from.isBefore(until)) result.add(new Interval(from, until));
      if (a.get(i).until().isBefore(b.get(j).until())) i++;
      else j++;
    }
    return result;
  }

  /** A window split by a transition inside it is one window again. */
  private static void append(List<Interval> list, Interval next) {
    int last = list.size() - 1;
    if (last >= 0 && !list.get(last).until().isBefore(next.from()))
      list.set(last, new Interval(list.get(last).from(), max(list.get(last).until(), next.until())));
    else list.add(next);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
