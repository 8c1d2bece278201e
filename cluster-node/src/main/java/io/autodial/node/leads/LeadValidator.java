package io.autodial.node.leads;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place a lead's fields are checked, for forms and CSV files alike, so both reject the same
 * things with the same words.
 */
public final class LeadValidator {
  // Deliberately loose: one @, something on each side, a dot in the domain, no spaces. Whether the
  // mailbox exists is not ours to know.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final String LOADABLE_NAMES =
      LeadStatus.LOADABLE.stream().map(Enum::name).collect(Collectors.joining(", "));

  private final PhoneNumbers phones;

  public LeadValidator(PhoneNumbers phones) {
    this.phones = phones;
  }

  /** The lead ready to insert, or {@link LeadRejected} saying what to fix. */
  public NewLead validate(LeadInput input) {
    String phone;
    try {
      phone = phones.toE164(input.phone());
    } catch (PhoneNumbers.InvalidPhoneNumber e) {
      throw new LeadRejected(
          input.phone() == null || input.phone().isBlank() ? "missing phone" : "phone '" + input.phone() + "' " + e.getMessage());
    }
    LeadStatus status = status(input.status());
    String email = blankToNull(input.email());
    if (email != null && !EMAIL.matcher(email).matches())
      throw new LeadRejected("email '" + email + "' is not an email address");
    String timeZone = timeZone(input.timeZone(), phone);
    return new NewLead(
        phone,
        blankToNull(input.firstName()),
        blankToNull(input.lastName()),
        email,
        blankToNull(input.company()),
        timeZone,
        status,
        input.priority(),
        input.custom());
  }

  private static LeadStatus status(String raw) {
    if (raw == null || raw.isBlank()) throw new LeadRejected("missing status");
    String name = raw.trim().toUpperCase(Locale.ROOT);
    boolean loadable = Arrays.stream(LeadStatus.values()).anyMatch(s -> s.name().equals(name) && LeadStatus.LOADABLE.contains(s));
    if (!loadable) throw new LeadRejected("status '" + raw.trim() + "' is not one of " + LOADABLE_NAMES);
    return LeadStatus.valueOf(name);
  }

  /** The given zone when it is a real IANA id, else the number's own zone when it has exactly one. */
  private static String timeZone(String raw, String e164) {
    String given = blankToNull(raw);
    if (given == null) return PhoneNumbers.timeZoneOf(e164).map(ZoneId::getId).orElse(null);
    try {
      ZoneId zone = ZoneId.of(given);
      if (!given.contains("/") && !given.equals("UTC"))
        throw new LeadRejected("time_zone '" + given + "' is an offset, not an IANA time zone id such as America/New_York");
      return zone.getId();
    } catch (DateTimeException e) {
      throw new LeadRejected("time_zone '" + given + "' is not an IANA time zone id such as America/New_York");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
