package io.autodial.node.compliance.hours;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Zones of a region: ISO 3166-2 codes (US-TX, CA-BC, GB-ENG) and, for +1 numbers, bare US state /
 * Canadian province codes (TX, BC). No US code equals a Canadian one, so a bare code is unambiguous.
 *
 * <p>Facts: the IANA tz database (zone.tab and the zones' comments on which counties each covers)
 * and the US DOT time-zone boundaries (49 CFR part 71). A region spanning zones maps to all of them
 * (the lead is called only when legal in each). Zones with the same rules as one listed are left out
 * (e.g. America/Juneau, Sitka, Nome ≡ Anchorage today; Atikokan, Blanc-Sablon, Creston are always
 * equal to one of their province's listed zones). Known simplifications: Arizona maps to
 * America/Phoenix only, ignoring the Navajo Nation (which keeps DST); unofficial local practice
 * (Phenix City AL on Eastern, Kenton OK on Mountain) is ignored.
 */
final class RegionZones {
  private RegionZones() {}

  private static final Map<String, List<ZoneId>> US = table(
      "AL America/Chicago", "AK America/Anchorage America/Adak", "AZ America/Phoenix",
      "AR America/Chicago", "CA America/Los_Angeles", "CO America/Denver", "CT America/New_York",
      "DE America/New_York", "DC America/New_York", "FL America/New_York America/Chicago",
      "GA America/New_York", "HI Pacific/Honolulu", "ID America/Boise America/Los_Angeles",
      "IL America/Chicago", "IN America/Indiana/Indianapolis America/Chicago", "IA America/Chicago",
      "KS America/Chicago America/Denver", "KY America/New_York America/Chicago",
      "LA America/Chicago", "ME America/New_York", "MD America/New_York", "MA America/New_York",
      "MI America/Detroit America/Menominee", "MN America/Chicago", "MS America/Chicago",
      "MO America/Chicago", "MT America/Denver", "NE America/Chicago America/Denver",
      // West Wendover, NV is officially on Mountain time (DOT, 1999).
      "NV America/Los_Angeles America/Denver", "NH America/New_York", "NJ America/New_York",
      "NM America/Denver", "NY America/New_York", "NC America/New_York",
      "ND America/Chicago America/Denver", "OH America/New_York", "OK America/Chicago",
      "OR America/Los_Angeles America/Boise", "PA America/New_York", "RI America/New_York",
      "SC America/New_York", "SD America/Chicago America/Denver", "TN America/New_York America/Chicago",
      "TX America/Chicago America/Denver", "UT America/Denver", "VT America/New_York",
      "VA America/New_York", "WA America/Los_Angeles", "WV America/New_York", "WI America/Chicago",
      "WY America/Denver", "PR America/Puerto_Rico", "VI America/St_Thomas", "GU Pacific/Guam",
      "MP Pacific/Saipan", "AS Pacific/Pago_Pago");

  private static final Map<String, List<ZoneId>> CANADA = table(
      "AB America/Edmonton",
      // Peace River region (Dawson Creek, Fort Nelson) and Creston keep MST all year; East Kootenay is on Mountain.
      "BC America/Vancouver America/Edmonton America/Dawson_Creek",
      "MB America/Winnipeg", "NB America/Moncton",
      "NL America/St_Johns America/Goose_Bay", // most of Labrador is on Atlantic time
      "NS America/Halifax", "NT America/Edmonton", // Yellowknife and Inuvik keep Mountain time
      "NU America/Iqaluit America/Rankin_Inlet America/Cambridge_Bay",
      "ON America/Toronto America/Winnipeg", // north-western Ontario is on Central
      "PE America/Halifax", "QC America/Toronto America/Halifax", // Magdalen Islands are on Atlantic
      "SK America/Regina America/Edmonton", // Lloydminster keeps Alberta's time
      "YT America/Whitehorse");

  private static final List<ZoneId> UK = List.of(ZoneId.of("Europe/London"));

  /** Zones of a region code; bare state/province codes only when `northAmericanNumber`. */
  static Optional<List<ZoneId>> zonesFor(String region, boolean northAmericanNumber) {
    if (region == null || region.isBlank()) return Optional.empty();
    String code = region.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    int dash = code.indexOf('-');
    if (dash < 0) {
      if (!northAmericanNumber) return Optional.empty();
      return Optional.ofNullable(US.getOrDefault(code, CANADA.get(code)));
    }
    String country = code.substring(0, dash), subdivision = code.substring(dash + 1);
    return switch (country) {
      case "US" -> Optional.ofNullable(US.get(subdivision));
      case "CA" -> Optional.ofNullable(CANADA.get(subdivision));
      case "GB" -> subdivision.isEmpty() ? Optional.empty() : Optional.of(UK); // ENG, SCT, WLS, NIR, and counties
      default -> Optional.empty();
    };
  }

  /** A state's or province's zones by its two-letter code, for the postal code tables. */
  static List<ZoneId> usState(String code) {
    return require(US, code);
  }

  static List<ZoneId> canadianProvince(String code) {
    return require(CANADA, code);
  }

  private static List<ZoneId> require(Map<String, List<ZoneId>> table, String code) {
    List<ZoneId> zones = table.get(code);
    if (zones == null) throw new IllegalArgumentException("no zones for " + code);
    return zones;
  }

  /** Rows "CODE Zone/One Zone/Two"; ZoneId.of fails the class load on a mistyped zone. */
  static Map<String, List<ZoneId>> table(String... rows) {
    Map<String, List<ZoneId>> map = new HashMap<>();
    for (String row : rows) {
      String[] parts = row.split(" ");
      map.put(parts[0], Arrays.stream(parts, 1, parts.length).map(ZoneId::of).toList());
    }
    return Map.copyOf(map);
  }
}
