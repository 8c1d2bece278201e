package io.autodial.node.leads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Phone numbers as admins type them, made E.164 with libphonenumber. Numbers without a country
 * code are read as numbers of the default region.
 */
public final class PhoneNumbers {
  public static final String DEFAULT_REGION = "US";
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private final String defaultRegion;

  public PhoneNumbers(String defaultRegion) {
    String region = defaultRegion == null || defaultRegion.isBlank() ? DEFAULT_REGION : defaultRegion.trim().toUpperCase();
    if (!UTIL.getSupportedRegions().contains(region))
      throw new IllegalArgumentException(
          "default region '" + defaultRegion + "' is not a two-letter region code libphonenumber knows (e.g. US, GB, DE)");
    this.defaultRegion = region;
  }

  public PhoneNumbers() {
    this(DEFAULT_REGION);
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /**
   * The E.164 form of {@code raw}, or {@link InvalidPhoneNumber} whose message completes
   * "phone '...' " (e.g. "is not a valid phone number for region US (too short)").
   */
  public String toE164(String raw) {
    if (raw == null || raw.isBlank()) throw new InvalidPhoneNumber("is missing");
    PhoneNumber number;
    try {
      number = UTIL.parse(raw.trim(), defaultRegion);
    } catch (NumberParseException e) {
      throw new InvalidPhoneNumber(notValid(defaultRegion, parseProblem(e.getErrorType())));
    }
    String region = regionOf(number);
    switch (UTIL.isPossibleNumberWithReason(number)) {
      case TOO_SHORT -> throw new InvalidPhoneNumber(notValid(region, "too short"));
      case TOO_LONG -> throw new InvalidPhoneNumber(notValid(region, "too long"));
      case INVALID_LENGTH -> throw new InvalidPhoneNumber(notValid(region, "wrong number of digits"));
      case INVALID_COUNTRY_CODE -> throw new InvalidPhoneNumber(notValid(region, "unknown country code"));
      default -> {}
    }
    if (!UTIL.isValidNumber(number)) throw new InvalidPhoneNumber(notValid(region, "no such number range"));
    return UTIL.format(number, PhoneNumberFormat.E164);
  }

  /** The number's time zone when it maps to exactly one; multi-zone numbers are left to compliance rules. */
  public static Optional<ZoneId> timeZoneOf(String e164) {
    PhoneNumber number;
    try {
      number = UTIL.parse(e164, "ZZ");
    } catch (NumberParseException e) {
      return Optional.empty();
    }
    List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number);
    if (zones.size() != 1 || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
      return Optional.empty();
    return Optional.of(ZoneId.of(zones.get(0)));
  }

  private String regionOf(PhoneNumber number) {
    String region = UTIL.getRegionCodeForNumber(number);
    if (region != null && !region.equals("ZZ")) return region;
    String byCode = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
    return byCode.equals("ZZ") ? defaultRegion : byCode;
  }

  private static String notValid(String region, String why) {
    return "is not a valid phone number for region " + region + " (" + why + ")";
  }

  private static String parseProblem(NumberParseException.ErrorType type) {
    return switch (type) {
      case INVALID_COUNTRY_CODE -> "unknown country code";
      case NOT_A_NUMBER -> "not a number";
      case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
      case TOO_LONG -> "too long";
    };
  }

  /** A raw phone that is not a dialable number; the message completes "phone '...' ". */
  public static final class InvalidPhoneNumber extends IllegalArgumentException {
    public InvalidPhoneNumber(String problem) {
      super(problem);
    }
  }
}
