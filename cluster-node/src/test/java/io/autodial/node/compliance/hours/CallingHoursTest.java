package io.autodial.node.compliance.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 08:00–21:00 rule in the lead's local time, at each edge. */
class CallingHoursTest {
  private static final CallingHours HOURS = CallingHours.DEFAULT;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LeadZones IN_NEW_YORK = new LeadZones(List.of(NEW_YORK), ZoneSource.EXPLICIT);

  private static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  private static HoursCheck inNewYork(String localDateTime) {
    return HOURS.check(IN_NEW_YORK, local(localDateTime, NEW_YORK));
  }

  @Test
  void theWindowStartsAt08AndEndsBefore21() {
    HoursCheck early = inNewYork("2026-06-15T07:59:59");
    assertThat(early.allowed()).isFalse();
    assertThat(early.reason()).isEqualTo("07:59 in America/New_York is before 08:00");
    assertThat(early.nextAllowedAt()).isEqualTo(Instant.parse("2026-06-15T12:00:00Z"));
    assertThat(early.localTimes()).containsExactly(LocalDateTime.parse("2026-06-15T07:59:59").atZone(NEW_YORK));

    for (String allowed : new String[] {"2026-06-15T08:00:00", "2026-06-15T14:00:00", "2026-06-15T20:59:59"}) {
      HoursCheck check = inNewYork(allowed);
      assertThat(check.allowed()).as(allowed).isTrue();
      assertThat(check.reason()).as(allowed).isNull();
      assertThat(check.nextAllowedAt()).as(allowed).isNull();
    }

    HoursCheck late = inNewYork("2026-06-15T21:00:00");
    assertThat(late.allowed()).isFalse();
    assertThat(late.reason()).isEqualTo("21:00 in America/New_York is at or after 21:00");
  }

  @Test
  void nextAllowedAtCrossesMidnight() {
    assertThat(inNewYork("2026-06-15T21:00:00").nextAllowedAt()).isEqualTo(Instant.parse("2026-06-16T12:00:00Z"));
    assertThat(inNewYork("2026-06-15T23:59:59").nextAllowedAt()).isEqualTo(Instant.parse("2026-06-16T12:00:00Z"));
    assertThat(inNewYork("2026-06-16T00:00:00").nextAllowedAt()).isEqualTo(Instant.parse("2026-06-16T12:00:00Z"));
  }

  @Test
  void springForward() {
    // 2026-03-08 02:00 EST → 03:00 EDT: 08:00 is 13:00Z the day before, 12:00Z that day.
    assertThat(inNewYork("2026-03-07T07:59:59").allowed()).isFalse();
    assertThat(inNewYork("2026-03-07T08:00:00").allowed()).isTrue();
    assertThat(HOURS.check(IN_NEW_YORK, Instant.parse("2026-03-07T13:00:00Z")).allowed()).isTrue();
    assertThat(inNewYork("2026-03-08T07:59:59").allowed()).isFalse();
    assertThat(inNewYork("2026-03-08T08:00:00").allowed()).isTrue();
    assertThat(local("2026-03-08T08:00:00", NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
    // The same UTC time of day is refused before the change and allowed after it.
    assertThat(HOURS.check(IN_NEW_YORK, Instant.parse("2026-03-07T12:30:00Z")).allowed()).isFalse();
    assertThat(HOURS.check(IN_NEW_YORK, Instant.parse("2026-03-08T12:30:00Z")).allowed()).isTrue();
    // The night between is 23 hours long; 24 hours after Saturday's opening would be an hour late.
    assertThat(inNewYork("2026-03-07T21:00:00").nextAllowedAt()).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
    assertThat(inNewYork("2026-03-08T07:59:59").nextAllowedAt()).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
  }

  @Test
  void fallBack() {
    // 2026-11-01 02:00 EDT → 01:00 EST: 08:00 is 12:00Z the day before, 13:00Z that day.
    assertThat(inNewYork("2026-10-31T07:59:59").allowed()).isFalse();
    assertThat(inNewYork("2026-10-31T08:00:00").allowed()).isTrue();
    assertThat(inNewYork("2026-11-01T07:59:59").allowed()).isFalse();
    assertThat(inNewYork("2026-11-01T08:00:00").allowed()).isTrue();
    assertThat(HOURS.check(IN_NEW_YORK, Instant.parse("2026-10-31T12:30:00Z")).allowed()).isTrue();
    HoursCheck sunday = HOURS.check(IN_NEW_YORK, Instant.parse("2026-11-01T12:30:00Z"));
    assertThat(sunday.allowed()).isFalse();
    assertThat(sunday.reason()).isEqualTo("07:30 in America/New_York is before 08:00");
    assertThat(sunday.nextAllowedAt()).isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    // The night between is 25 hours long.
    assertThat(inNewYork("2026-10-31T21:00:00").nextAllowedAt()).isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    // The repeated hour 01:00–02:00 is refused both times.
    assertThat(HOURS.check(IN_NEW_YORK, Instant.parse("2026-11-01T05:30:00Z")).allowed()).isFalse();
    assertThat(HOURS.check(IN_NEW_YORK, Instant.parse("2026-11-01T06:30:00Z")).allowed()).isFalse();
  }

  @Test
  void arizonaDoesNotShiftButDenverDoes() {
    LeadZones arizona = LeadZoneResolver.resolve(new LeadLocation(null, null, "US-AZ", null));
    LeadZones denver = new LeadZones(List.of(ZoneId.of("America/Denver")), ZoneSource.EXPLICIT);
    Instant summer = Instant.parse("2026-07-01T14:30:00Z"); // Phoenix 07:30 MST, Denver 08:30 MDT
    HoursCheck phoenix = HOURS.check(arizona, summer);
    assertThat(phoenix.allowed()).isFalse();
    assertThat(phoenix.reason()).isEqualTo("07:30 in America/Phoenix is before 08:00");
    assertThat(phoenix.nextAllowedAt()).isEqualTo(Instant.parse("2026-07-01T15:00:00Z"));
    assertThat(HOURS.check(denver, summer).allowed()).isTrue();
    Instant winter = Instant.parse("2026-01-15T14:30:00Z"); // both 07:30 MST
    assertThat(HOURS.check(arizona, winter).allowed()).isFalse();
    assertThat(HOURS.check(denver, winter).allowed()).isFalse();
    assertThat(HOURS.check(denver, winter).nextAllowedAt()).isEqualTo(HOURS.check(arizona, winter).nextAllowedAt());
  }

  @Test
  void aMultiZoneAreaCodeIsCalledOnlyWhenLegalInBothZones() {
    // +1 208 maps to America/Boise (MDT, UTC-6) and America/Los_Angeles (PDT, UTC-7) in July.
    LeadZones idaho = LeadZoneResolver.resolve(new LeadLocation(null, null, null, "+12085550123"));
    assertThat(idaho.zones()).containsExactly(ZoneId.of("America/Boise"), ZoneId.of("America/Los_Angeles"));

    HoursCheck morning = HOURS.check(idaho, Instant.parse("2026-07-01T14:30:00Z")); // 08:30 Boise, 07:30 LA
    assertThat(morning.allowed()).isFalse();
    assertThat(morning.localTimes()).extracting(t -> t.toLocalTime()).containsExactly(LocalTime.of(8, 30), LocalTime.of(7, 30));
    assertThat(morning.reason()).isEqualTo("07:30 in America/Los_Angeles is before 08:00");
    assertThat(morning.nextAllowedAt()).isEqualTo(Instant.parse("2026-07-01T15:00:00Z")); // 09:00 Boise, 08:00 LA

    assertThat(HOURS.check(idaho, Instant.parse("2026-07-02T02:59:59Z")).allowed()).isTrue(); // 20:59 Boise
    HoursCheck evening = HOURS.check(idaho, Instant.parse("2026-07-02T03:00:00Z")); // 21:00 Boise, 20:00 LA
    assertThat(evening.allowed()).isFalse();
    assertThat(evening.reason()).isEqualTo("21:00 in America/Boise is at or after 21:00");
    assertThat(evening.nextAllowedAt()).isEqualTo(Instant.parse("2026-07-02T15:00:00Z"));
  }

  @Test
  void anExplicitZoneOverridesTheNumbersOwn() {
    LeadZones london = LeadZoneResolver.resolve(new LeadLocation("Europe/London", null, null, "+12125550123"));
    Instant at = Instant.parse("2026-07-01T21:00:00Z"); // 22:00 in London, 17:00 in New York
    HoursCheck check = HOURS.check(london, at);
    assertThat(check.allowed()).isFalse();
    assertThat(check.reason()).isEqualTo("22:00 in Europe/London is at or after 21:00");
    assertThat(check.nextAllowedAt()).isEqualTo(Instant.parse("2026-07-02T07:00:00Z"));
    assertThat(HOURS.check(LeadZoneResolver.resolve(new LeadLocation(null, null, null, "+12125550123")), at).allowed()).isTrue();
  }

  @Test
  void anUnknownAreaCodeIsCalledOnlyWhenLegalAcrossItsWholeCallingCode() {
    LeadZones anywhereInNanp = LeadZoneResolver.resolve(new LeadLocation(null, null, null, "+19995550123"));
    // In January the +1 zones span Guam (UTC+10) to St. John's (UTC-3:30): the only common
    // window is 22:00Z (08:00 in Guam) to 00:30Z (21:00 in St. John's).
    HoursCheck noon = HOURS.check(anywhereInNanp, Instant.parse("2026-01-15T17:00:00Z"));
    assertThat(noon.allowed()).isFalse();
    assertThat(noon.nextAllowedAt()).isEqualTo(Instant.parse("2026-01-15T22:00:00Z"));
    assertThat(HOURS.check(anywhereInNanp, Instant.parse("2026-01-16T00:29:59Z")).allowed()).isTrue();
    assertThat(HOURS.check(anywhereInNanp, Instant.parse("2026-01-16T00:30:00Z")).allowed()).isFalse();
  }

  @Test
  void aLeadWithoutZonesIsNeverCalled() {
    LeadZones nowhere = LeadZoneResolver.resolve(new LeadLocation(null, null, null, "+9991234567"));
    HoursCheck check = HOURS.check(nowhere, Instant.parse("2026-06-15T16:00:00Z"));
    assertThat(check.allowed()).isFalse();
    assertThat(check.nextAllowedAt()).isNull();
    assertThat(check.localTimes()).isEmpty();
    assertThat(check.reason()).startsWith("no time zone could be determined");
  }

  @Test
  void zonesWithNoCommonWindowWithinEightDaysGiveNoNextTime() {
    CallingHours oneHour = new CallingHours(LocalTime.of(9, 0), LocalTime.of(10, 0));
    LeadZones apart = new LeadZones(List.of(NEW_YORK, ZoneId.of("Europe/London")), ZoneSource.PHONE_NUMBER);
    HoursCheck check = oneHour.check(apart, Instant.parse("2026-06-15T13:30:00Z")); // 09:30 NY, 14:30 London
    assertThat(check.allowed()).isFalse();
    assertThat(check.nextAllowedAt()).isNull();
    assertThat(check.reason()).isEqualTo("14:30 in Europe/London is at or after 10:00; and no time in the next 8 days"
        + " is between 09:00 and 10:00 in all of [America/New_York, Europe/London]");
  }

  @Test
  void customHoursAreValidated() {
    assertThat(new CallingHours(LocalTime.of(9, 0), LocalTime.of(20, 0)).check(IN_NEW_YORK, local("2026-06-15T08:30:00", NEW_YORK)).nextAllowedAt())
        .isEqualTo(Instant.parse("2026-06-15T13:00:00Z"));
    assertThatThrownBy(() -> new CallingHours(LocalTime.of(21, 0), LocalTime.of(8, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calling hours must start before they end on the same day, but 21:00 is not before 08:00");
    assertThatThrownBy(() -> new CallingHours(LocalTime.of(8, 0), LocalTime.of(8, 0))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallingHours(null, LocalTime.of(8, 0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start time");
    assertThatThrownBy(() -> new CallingHours(LocalTime.of(8, 0), null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end time");
  }
}
