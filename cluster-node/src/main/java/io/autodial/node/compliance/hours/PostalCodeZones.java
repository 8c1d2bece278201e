package io.autodial.node.compliance.hours;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Zones of a postal code, told apart by format: US ZIP (5 digits or ZIP+4), Canadian postal code
 * (A9A 9A9, or its first three characters), UK postcode (outward code + 9AA). The three formats do
 * not overlap. Anything else is unknown, and the lead falls through to its region or phone.
 *
 * <p>Facts: Canada Post assigns the first letter by province/territory (the letters are in its
 * addressing guidelines); Royal Mail's postcode format (BS 7666) and the Crown dependencies (GY,
 * JE, IM: same clocks as London), BFPO (BF) and Gibraltar (GX) areas.
 */
final class PostalCodeZones {
  private PostalCodeZones() {}

  private static final Pattern US_ZIP = Pattern.compile("(\\d{5})(?:-?\\d{4})?");
  private static final Pattern CANADA = Pattern.compile("([ABCEGHJ-NPRSTVXY])\\d[ABCEGHJ-NPRSTV-Z](?:[ -]?\\d[ABCEGHJ-NPRSTV-Z]\\d)?");
  private static final Pattern UK = Pattern.compile("([A-Z]{1,2})\\d[A-Z\\d]? ?\\d[A-Z]{2}");

  private static final Map<Character, List<ZoneId>> CANADA_BY_LETTER = Map.ofEntries(
      Map.entry('A', RegionZones.canadianProvince("NL")),
      Map.entry('B', RegionZones.canadianProvince("NS")),
      Map.entry('C', RegionZones.canadianProvince("PE")),
      Map.entry('E', RegionZones.canadianProvince("NB")),
      Map.entry('G', RegionZones.canadianProvince("QC")), // eastern Quebec, with the Magdalen Islands
      Map.entry('H', List.of(ZoneId.of("America/Toronto"))), // Montreal
      Map.entry('J', List.of(ZoneId.of("America/Toronto"))), // western Quebec
      Map.entry('K', List.of(ZoneId.of("America/Toronto"))), // eastern Ontario
      Map.entry('L', List.of(ZoneId.of("America/Toronto"))), // central Ontario
      Map.entry('M', List.of(ZoneId.of("America/Toronto"))), // Toronto
      Map.entry('N', List.of(ZoneId.of("America/Toronto"))), // south-western Ontario
      Map.entry('P', RegionZones.canadianProvince("ON")), // northern Ontario, with Kenora on Central
      Map.entry('R', RegionZones.canadianProvince("MB")),
      Map.entry('S', RegionZones.canadianProvince("SK")),
      Map.entry('T', RegionZones.canadianProvince("AB")),
      Map.entry('V', RegionZones.canadianProvince("BC")),
      Map.entry('X', union(RegionZones.canadianProvince("NT"), RegionZones.canadianProvince("NU"))),
      Map.entry('Y', RegionZones.canadianProvince("YT")));

  private static final List<ZoneId> LONDON = List.of(ZoneId.of("Europe/London"));
  private static final List<ZoneId> GIBRALTAR = List.of(ZoneId.of("Europe/Gibraltar"));

  /**
   * Zones of `postalCode`. A 5-digit code is read as a US ZIP only when `mayBeUs` (other countries,
   * e.g. Germany and France, use 5-digit codes too).
   */
  static Optional<List<ZoneId>> zonesFor(String postalCode, boolean mayBeUs) {
    if (postalCode == null || postalCode.isBlank()) return Optional.empty();
    String code = postalCode.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m;
    if ((m = US_ZIP.matcher(code)).matches()) return mayBeUs ? UsZipCodes.zonesFor(m.group(1)) : Optional.empty();
    if ((m = CANADA.matcher(code)).matches()) return Optional.of(CANADA_BY_LETTER.get(m.group(1).charAt(0)));
    if ((m = UK.matcher(code)).matches()) {
      return switch (m.group(1)) {
        case "BF" -> Optional.empty(); // BFPO: British forces anywhere in the world
        case "GX" -> Optional.of(GIBRALTAR); // Gibraltar uses a UK-format postcode (GX11 1AA) on CET
        default -> Optional.of(LONDON);
      };
    }
    return Optional.empty();
  }

  private static List<ZoneId> union(List<ZoneId> a, List<ZoneId> b) {
    return Stream.concat(a.stream(), b.stream()).distinct().toList();
  }
}
