package io.autodial.node.compliance.dnc;

import java.nio.charset.StandardCharsets;

/**
 * Phone numbers as the DNC index stores them: the E.164 digits without '+', as a {@code long}
 * (E.164 has at most 15 digits and no leading zero, so the key maps back to exactly one number).
 *
 * <p>{@link #parse} reads numbers as registry files and admins write them: 10-digit US national
 * numbers (made +1) or E.164, with spaces, dashes, dots and parentheses ignored. It works on bytes
 * and reports a failure as a negative code rather than an exception, so a 10-million-line import
 * allocates nothing per line; {@link #reason} turns the code into text for the report.
 */
public final class PhoneKeys {
  public static final long EMPTY = -1;
  public static final long NOT_A_NUMBER = -2;
  public static final long BAD_LENGTH = -3;
  public static final long TOO_SHORT = -4;
  public static final long TOO_LONG = -5;
  public static final long BAD_COUNTRY_CODE = -6;
  public static final long US_LENGTH = -7;
  public static final long US_AREA_CODE = -8;
  public static final long US_EXCHANGE = -9;

  private static final int MIN_E164_DIGITS = 8;
  private static final int MAX_E164_DIGITS = 15;

  private PhoneKeys() {}

  /** Why {@link #parse} refused a number. */
  public static String reason(long code) {
    return switch ((int) code) {
      case (int) EMPTY -> "no number";
      case (int) NOT_A_NUMBER -> "not a phone number (only digits, spaces, dashes, dots, parentheses and a leading + are allowed)";
      case (int) BAD_LENGTH -> "neither 10 digits (a US number) nor E.164 (+ and the country code)";
      case (int) TOO_SHORT -> "too short for an E.164 number";
      case (int) TOO_LONG -> "more than 15 digits";
      case (int) BAD_COUNTRY_CODE -> "a country code cannot start with 0";
      case (int) US_LENGTH -> "a US (+1) number has 10 digits after the 1";
      case (int) US_AREA_CODE -> "a US area code cannot start with 0 or 1";
      case (int) US_EXCHANGE -> "a US exchange (digits 4 to 6) cannot start with 0 or 1";
      default -> "not a valid number";
    };
  }

  /** The key of a strict E.164 string ({@code +} and 2 to 15 digits, no leading zero); -1 otherwise. Allocation-free. */
  public static long keyOfE164(String e164) {
    int n = e164.length();
    if (n < 3 || n > MAX_E164_DIGITS + 1 || e164.charAt(0) != '+' || e164.charAt(1) == '0') return -1;
    long key = 0;
    for (int i = 1; i < n; i++) {
      int d = e164.charAt(i) - '0';
      if (d < 0 || d > 9) return -1;
      key = key * 10 + d;
    }
    return key;
  }

  public static String toE164(long key) {
    return "+" + key;
  }

  /** {@link #parse(byte[], int, int)} of a string (not on any hot path). */
  public static long parse(String raw) {
    if (raw == null) return EMPTY;
    byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1); // anything outside Latin-1 becomes '?': not a number
    return parse(b, 0, b.length);
  }

  /** The key of the number in {@code b[from, to)}, or a negative code for {@link #reason}. */
  public static long parse(byte[] b, int from, int to) {
    long key = 0;
    int digits = 0;
    boolean plus = false;
    boolean tooLong = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        if (digits < MAX_E164_DIGITS) key = key * 10 + (c - '0');
        else tooLong = true;
        digits++;
      } else if (c == '+' && digits == 0 && !plus) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '\t') {
        return NOT_A_NUMBER;
      }
    }
    if (digits == 0) return plus ? NOT_A_NUMBER : EMPTY;
    if (tooLong) return TOO_LONG;
    if (!plus) {
      if (digits == 10) return nanp(key + 10_000_000_000L, 11);
      if (digits == 11 && key / 10_000_000_000L == 1) return nanp(key, 11); // "1 212 555 0100"
      return BAD_LENGTH;
    }
    if (digits < MIN_E164_DIGITS) return TOO_SHORT;
    if (leadingDigit(key, digits) == 0) return BAD_COUNTRY_CODE;
    if (leadingDigit(key, digits) == 1) return nanp(key, digits);
    return key;
  }

  /** A +1 number: 1, then an area code and an exchange that each start with 2-9, then 4 digits. */
  private static long nanp(long key, int digits) {
    if (digits != 11) return US_LENGTH;
    if ((key / 1_000_000_000L) % 10 < 2) return US_AREA_CODE;
    if ((key / 1_000_000L) % 10 < 2) return US_EXCHANGE;
    return key;
  }

  private static int leadingDigit(long key, int digits) {
    long k = key;
    for (int i = 1; i < digits; i++) k /= 10;
    return (int) k;
  }
}
