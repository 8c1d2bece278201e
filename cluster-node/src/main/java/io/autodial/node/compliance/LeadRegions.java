package io.autodial.node.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The US state a lead is in, for the state laws on recording: its own region field when the
 * leadset has one, else what libphonenumber's geocoder says of its number ("New York, NY" or
 * "California"). Empty when neither tells (a toll-free or non-US number).
 */
public final class LeadRegions {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();
  private static final Map<String, String> STATES = Map.ofEntries(
      Map.entry("alabama", "AL"), Map.entry("alaska", "AK"), Map.entry("arizona", "AZ"), Map.entry("arkansas", "AR"),
      Map.entry("california", "CA"), Map.entry("colorado", "CO"), Map.entry("connecticut", "CT"), Map.entry("delaware", "DE"),
      Map.entry("district of columbia", "DC"), Map.entry("washington d.c.", "DC"), Map.entry("florida", "FL"), Map.entry("georgia", "GA"),
      Map.entry("hawaii", "HI"), Map.entry("idaho", "ID"), Map.entry("illinois", "IL"), Map.entry("indiana", "IN"), Map.entry("iowa", "IA"),
      Map.entry("kansas", "KS"), Map.entry("kentucky", "KY"), Map.entry("louisiana", "LA"), Map.entry("maine", "ME"),
      Map.entry("maryland", "MD"), Map.entry("massachusetts", "MA"), Map.entry("michigan", "MI"), Map.entry("minnesota", "MN"),
      Map.entry("mississippi", "MS"), Map.entry("missouri", "MO"), Map.entry("montana", "MT"), Map.entry("nebraska", "NE"),
      Map.entry("nevada", "NV"), Map.entry("new hampshire", "NH"), Map.entry("new jersey", "NJ"), Map.entry("new mexico", "NM"),
      Map.entry("new york", "NY"), Map.entry("north carolina", "NC"), Map.entry("north dakota", "ND"), Map.entry("ohio", "OH"),
      Map.entry("oklahoma", "OK"), Map.entry("oregon", "OR"), Map.entry("pennsylvania", "PA"), Map.entry("rhode island", "RI"),
      Map.entry("south carolina", "SC"), Map.entry("south dakota", "SD"), Map.entry("tennessee", "TN"), Map.entry("texas", "TX"),
      Map.entry("utah", "UT"), Map.entry("vermont", "VT"), Map.entry("virginia", "VA"), Map.entry("washington", "WA"),
      Map.entry("west virginia", "WV"), Map.entry("wisconsin", "WI"), Map.entry("wyoming", "WY"));

  private LeadRegions() {}

  public static Optional<String> stateOf(String region, String phoneE164) {
    if (region != null && !region.isBlank()) return Optional.of(ComplianceRules.regionCode(region));
    if (phoneE164 == null || !phoneE164.startsWith("+1")) return Optional.empty();
    try {
      String place = GEOCODER.getDescriptionForNumber(UTIL.parse(phoneE164, "US"), Locale.ENGLISH).trim();
      int comma = place.lastIndexOf(", ");
      if (comma >= 0 && place.length() - comma == 4) return Optional.of(place.substring(comma + 2));
      return Optional.ofNullable(STATES.get(place.toLowerCase(Locale.ROOT)));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
