package io.autodial.http.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * Reads the audit routes' query parameters; every bad value is an {@link IllegalArgumentException}
 * whose message says what to send (the routes answer it with a 400).
 */
final class AuditParams {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  /** How far a report may reach: a year and a day covers any yearly review. */
  static final int MAX_REPORT_DAYS = 366;

  private final Map<String, String> params;

  AuditParams(Map<String, String> params) {
    this.params = params;
  }

  int limit() {
    String raw = params.get("limit");
    if (raw == null) return DEFAULT_LIMIT;
    int limit = integer("limit", raw);
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit: give 1 to " + MAX_LIMIT);
    return limit;
  }

  /** An optional cap on CSV rows (streamed, so no upper bound). */
  Long csvLimit() {
    String raw = params.get("limit");
    if (raw == null) return null;
    long limit = integer("limit", raw);
    if (limit < 1) throw new IllegalArgumentException("limit: give a positive number of rows");
    return limit;
  }

  long after() {
    String raw = params.get("after");
    if (raw == null) return 0;
    try {
      long after = Long.parseLong(raw);
      if (after < 0) throw new NumberFormatException();
      return after;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("after: give the id of the last entry you have (a number)");
    }
  }

  String kind(Collection<String> kinds) {
    String raw = params.get("kind");
    if (raw == null || raw.isBlank()) return null;
    String kind = raw.trim().toUpperCase();
    if (!kinds.contains(kind)) throw new IllegalArgumentException("kind: give one of " + kinds);
    return kind;
  }

  /** {@code from}: an instant, or a date meaning its start (UTC). */
  Instant fromInstant() {
    String raw = params.get("from");
    return raw == null ? null : instant("from", raw, false);
  }

  /** {@code to} (excluded): an instant, or a date meaning that whole day is included. */
  Instant toInstant() {
    String raw = params.get("to");
    return raw == null ? null : instant("to", raw, true);
  }

  /** The report's days: {@code to} defaults to today (UTC), {@code from} to 29 days before it (the 30-day period). */
  record Days(LocalDate from, LocalDate to) {}

  Days reportDays(LocalDate today) {
    LocalDate to = params.containsKey("to") ? date("to", params.get("to")) : today;
    LocalDate from = params.containsKey("from") ? date("from", params.get("from")) : to.minusDays(29);
    if (from.isAfter(to)) throw new IllegalArgumentException("from must not be after to");
    if (from.plusDays(MAX_REPORT_DAYS).isBefore(to.plusDays(1)))
      throw new IllegalArgumentException("a report covers at most " + MAX_REPORT_DAYS + " days; narrow from..to");
    return new Days(from, to);
  }

  private static int integer(String name, String raw) {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": give a whole number, not '" + raw + "'");
    }
  }

  private static LocalDate date(String name, String raw) {
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + ": give a date as YYYY-MM-DD, not '" + raw + "'");
    }
  }

  private static Instant instant(String name, String raw, boolean endOfDay) {
    String s = raw.trim();
    try {
      if (s.length() == 10) {
        LocalDate day = LocalDate.parse(s);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + ": give a date (YYYY-MM-DD) or an instant (2026-01-31T12:00:00Z), not '" + raw + "'");
    }
  }
}
