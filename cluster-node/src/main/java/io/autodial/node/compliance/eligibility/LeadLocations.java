package io.autodial.node.compliance.eligibility;

import io.autodial.node.compliance.hours.LeadLocation;
import io.autodial.node.leads.Lead;
import io.autodial.node.leads.PhoneNumbers;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Where a lead is, from its row: its time zone, and the postal code and region it was loaded with
 * (custom fields of the leadset, under any of the usual column names).
 */
public final class LeadLocations {
  static final List<String> POSTAL_CODE_FIELDS = List.of("postal_code", "postcode", "zip", "zip_code", "zipcode");
  static final List<String> REGION_FIELDS = List.of("region", "state", "province");

  private LeadLocations() {}

  public static LeadLocation of(Lead lead) {
    return of(lead.phone(), lead.timeZone(), lead.custom());
  }

  public static LeadLocation of(String phone, String timeZone, Map<String, String> custom) {
    return new LeadLocation(explicitZone(phone, timeZone), field(custom, POSTAL_CODE_FIELDS), field(custom, REGION_FIELDS), phone);
  }

  public static String region(Lead lead) {
    return region(lead.custom());
  }

  public static String region(Map<String, String> custom) {
    return field(custom, REGION_FIELDS);
  }

  /**
   * A lead's zone counts as given only when it is not just its number's own zone (which the lead
   * import fills in): then a postal code, more precise than an area code, still decides.
   */
  private static String explicitZone(String phone, String timeZone) {
    if (timeZone == null || timeZone.isBlank()) return null;
    String numberZone = PhoneNumbers.timeZoneOf(phone).map(ZoneId::getId).orElse(null);
    return timeZone.equals(numberZone) ? null : timeZone;
  }

  private static String field(Map<String, String> custom, List<String> names) {
    if (custom == null) return null;
    for (var entry : custom.entrySet()) {
      if (names.contains(entry.getKey().trim().toLowerCase().replace(' ', '_')) && !entry.getValue().isBlank()) return entry.getValue().trim();
    }
    return null;
  }
}
