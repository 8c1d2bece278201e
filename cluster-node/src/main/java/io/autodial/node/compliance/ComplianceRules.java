package io.autodial.node.compliance;

import io.autodial.node.compliance.hours.CallingHours;
import io.autodial.protocol.CborSerializable;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A campaign's compliance settings. Null fields take their defaults, some of which depend on the
 * jurisdiction (the UK locks out an abandoned number for 72 hours).
 *
 * @param callingStart local time of the lead, "HH:mm", inclusive (default 08:00)
 * @param callingEnd local time of the lead, "HH:mm", exclusive (default 21:00); "24:00" is the end of the day
 * @param lockoutHoursAfterAbandon a number whose call was abandoned is not dialed again for this long
 * @param safeHarborMessage what an answered call no agent can take hears within 2 s (names the seller,
 *     gives a number for do-not-call requests, offers the opt-out digit)
 * @param warningAbandonmentPercent an audit warning when the rate reaches this (default 2.5)
 * @param amdFalsePositivePercent UK: the share of AMD "machine" verdicts estimated to be people, counted as abandoned
 * @param allPartyConsentStates region codes (e.g. "CA", "US-CA") whose leads get the recording notice, or no recording
 * @param noticeInAllPartyStates true: those leads hear the notice and are recorded; false: they are not recorded
 */
public record ComplianceRules(
    Jurisdiction jurisdiction,
    ConsentRequirement consent,
    String callingStart,
    String callingEnd,
    Integer maxAttemptsPerDay,
    Integer maxAttemptsTotal,
    Integer minMinutesBetweenAttempts,
    Integer lockoutHoursAfterAbandon,
    String safeHarborMessage,
    String optOutDigit,
    Double warningAbandonmentPercent,
    Double amdFalsePositivePercent,
    RecordingMode recording,
    String recordingNotice,
    List<String> allPartyConsentStates,
    Boolean noticeInAllPartyStates)
    implements CborSerializable {

  public static final String DEFAULT_SAFE_HARBOR = "autodial/safe-harbor.wav";
  public static final String DEFAULT_NOTICE = "autodial/recording-notice.wav";
  /** States that require every party's consent to record (state laws; the admin can change the list). */
  public static final List<String> DEFAULT_ALL_PARTY_STATES =
      List.of("CA", "CT", "DE", "FL", "IL", "MD", "MA", "MI", "MT", "NV", "NH", "OR", "PA", "WA");

  public static final ComplianceRules DEFAULT =
      new ComplianceRules(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  public ComplianceRules {
    jurisdiction = jurisdiction == null ? Jurisdiction.US : jurisdiction;
    consent = consent == null ? ConsentRequirement.NONE : consent;
    callingStart = callingStart == null ? "08:00" : callingStart.trim();
    callingEnd = callingEnd == null ? "21:00" : callingEnd.trim();
    LocalTime start = time("callingStart", callingStart);
    LocalTime end = time("callingEnd", callingEnd);
    if (!start.isBefore(end)) throw new IllegalArgumentException("callingStart must be before callingEnd");
    maxAttemptsPerDay = atLeast("maxAttemptsPerDay", maxAttemptsPerDay, 3, 1);
    maxAttemptsTotal = atLeast("maxAttemptsTotal", maxAttemptsTotal, 10, 1);
    minMinutesBetweenAttempts = atLeast("minMinutesBetweenAttempts", minMinutesBetweenAttempts, 0, 0);
    lockoutHoursAfterAbandon =
        atLeast("lockoutHoursAfterAbandon", lockoutHoursAfterAbandon, jurisdiction == Jurisdiction.UK ? 72 : 0, 0);
    if (jurisdiction == Jurisdiction.UK && lockoutHoursAfterAbandon < 72)
      throw new IllegalArgumentException("lockoutHoursAfterAbandon must be at least 72 under UK rules (Ofcom)");
    safeHarborMessage = safeHarborMessage == null || safeHarborMessage.isBlank() ? DEFAULT_SAFE_HARBOR : safeHarborMessage.trim();
    optOutDigit = optOutDigit == null || optOutDigit.isBlank() ? "9" : optOutDigit.trim();
    if (!optOutDigit.matches("[0-9*#]")) throw new IllegalArgumentException("optOutDigit must be one key: 0-9, * or #");
    warningAbandonmentPercent = warningAbandonmentPercent == null ? 2.5 : warningAbandonmentPercent;
    if (!(warningAbandonmentPercent > 0 && warningAbandonmentPercent <= 3.0))
      throw new IllegalArgumentException("warningAbandonmentPercent must be above 0 and at most 3");
    amdFalsePositivePercent = amdFalsePositivePercent == null ? (jurisdiction == Jurisdiction.UK ? 2.0 : 0.0) : amdFalsePositivePercent;
    if (!(amdFalsePositivePercent >= 0 && amdFalsePositivePercent <= 100))
      throw new IllegalArgumentException("amdFalsePositivePercent must be between 0 and 100");
    recording = recording == null ? RecordingMode.OFF : recording;
    recordingNotice = recordingNotice == null || recordingNotice.isBlank() ? DEFAULT_NOTICE : recordingNotice.trim();
    Set<String> states = new LinkedHashSet<>();
    for (String s : allPartyConsentStates == null ? DEFAULT_ALL_PARTY_STATES : allPartyConsentStates) {
      if (s == null || s.isBlank()) throw new IllegalArgumentException("allPartyConsentStates must not hold a blank entry");
      states.add(regionCode(s));
    }
    allPartyConsentStates = List.copyOf(states);
    noticeInAllPartyStates = noticeInAllPartyStates == null || noticeInAllPartyStates;
  }

  public CallingHours callingHours() {
    return new CallingHours(time("callingStart", callingStart), time("callingEnd", callingEnd));
  }

  public Duration minSpacing() {
    return Duration.ofMinutes(minMinutesBetweenAttempts);
  }

  public Duration lockoutAfterAbandon() {
    return Duration.ofHours(lockoutHoursAfterAbandon);
  }

  /** US: 30 days (FCC 64.1200(a)(7)); UK: 24 hours (Ofcom). */
  public Duration abandonmentWindow() {
    return jurisdiction == Jurisdiction.UK ? Duration.ofHours(24) : Duration.ofDays(30);
  }

  /** Whether a lead in {@code region} (e.g. "CA" or "US-CA") is in an all-party-consent state. */
  public boolean allPartyConsent(String region) {
    return region != null && allPartyConsentStates.contains(regionCode(region));
  }

  /** "us-ca" and "CA" are the same state: compared by the part after the country. */
  public static String regionCode(String raw) {
    String s = raw.trim().toUpperCase(Locale.ROOT);
    int dash = s.indexOf('-');
    return dash >= 0 ? s.substring(dash + 1) : s;
  }

  private static LocalTime time(String field, String value) {
    if (value.equals("24:00")) return LocalTime.MAX;
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be a local time such as 08:00, not '" + value + "'");
    }
  }

  private static int atLeast(String field, Integer value, int dflt, int min) {
    int v = value == null ? dflt : value;
    if (v < min) throw new IllegalArgumentException(field + " must be at least " + min);
    return v;
  }
}
