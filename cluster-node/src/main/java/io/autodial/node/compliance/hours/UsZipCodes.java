package io.autodial.node.compliance.hours;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * US ZIP code → zones, by the ZIP's first three digits (the USPS sectional center prefix).
 *
 * <p>Facts: USPS ZIP prefix assignments (3-digit ZIP ranges per state, as in the USPS
 * "L002" sectional center list); zones per state from {@link RegionZones}. A prefix maps to its
 * state's zones, finer only where a prefix lies wholly on one side of a time-zone line. Military
 * (090–099 AE, 340 AA, 962–966 AP) and unassigned prefixes map to nothing: the lead falls through
 * to its region or phone number.
 */
final class UsZipCodes {
  private UsZipCodes() {}

  private static final ZoneId AMERICAN_SAMOA = ZoneId.of("Pacific/Pago_Pago");

  /** Rows "first[-last] STATE" or "first[-last] Zone/Id ..."; a later row overrides an earlier one. */
  private static final List<List<ZoneId>> BY_PREFIX = build(
      "005 NY", "006-007 PR", "008 VI", "009 PR", "010-027 MA", "028-029 RI", "030-038 NH",
      "039-049 ME", "050-054 VT", "055 MA", "056-059 VT", "060-069 CT", "070-089 NJ", "100-149 NY",
      "150-196 PA", "197-199 DE", "200 DC", "201 VA", "202-205 DC", "206-219 MD", "220-246 VA",
      "247-268 WV", "270-289 NC", "290-299 SC", "300-319 GA", "320-339 FL", "341-349 FL",
      "350-369 AL", "370-385 TN", "386-397 MS", "398-399 GA", "400-427 KY", "430-459 OH",
      "460-479 IN", "480-499 MI", "500-528 IA", "530-549 WI", "550-567 MN", "570-577 SD",
      "580-588 ND", "590-599 MT", "600-629 IL", "630-658 MO", "660-679 KS", "680-693 NE",
      "700-714 LA", "716-729 AR", "730-732 OK", "733 TX", "734-749 OK", "750-799 TX", "800-816 CO",
      "820-831 WY", "832-838 ID", "840-847 UT", "850-865 AZ", "870-884 NM", "885 TX", "889-898 NV",
      "900-961 CA", "967-968 HI", "970-979 OR", "980-994 WA", "995-999 AK",
      // Guam, Northern Marianas, Palau, Micronesia, Marshall Islands share 969: all their zones.
      "969 Pacific/Guam Pacific/Saipan Pacific/Palau Pacific/Chuuk Pacific/Pohnpei Pacific/Kosrae Pacific/Majuro",
      // Texas: the state's zones by default; El Paso (799, 885) is Mountain; 798 mixes El Paso's
      // Mountain counties with the Central Big Bend counties (Alpine, Marfa): both.
      "733 America/Chicago", "750-797 America/Chicago", "799 America/Denver", "885 America/Denver",
      // Florida: Pensacola to Walton County (325) is Central; 324 (Panama City, Port St. Joe) straddles the line.
      "320-323 America/New_York", "326-339 America/New_York", "341-349 America/New_York", "325 America/Chicago",
      // Nevada: only 898 (Elko County, with West Wendover on Mountain) is not wholly Pacific.
      "889-897 America/Los_Angeles",
      // Oregon: Malheur County (979) is Mountain like Boise; the rest is Pacific.
      "970-978 America/Los_Angeles");

  static Optional<List<ZoneId>> zonesFor(String digits) {
    if (digits.startsWith("96799")) return Optional.of(List.of(AMERICAN_SAMOA)); // in Hawaii's 967
    List<ZoneId> zones = BY_PREFIX.get(Integer.parseInt(digits.substring(0, 3)));
    return Optional.ofNullable(zones);
  }

  private static List<List<ZoneId>> build(String... rows) {
    List<List<ZoneId>> table = new ArrayList<>(Collections.nCopies(1000, null));
    for (String row : rows) {
      String[] parts = row.split(" ");
      String[] range = parts[0].split("-");
      int first = Integer.parseInt(range[0]), last = Integer.parseInt(range[range.length - 1]);
      List<ZoneId> zones = parts.length == 2 && parts[1].length() == 2
          ? RegionZones.usState(parts[1])
          : Arrays.stream(parts, 1, parts.length).map(ZoneId::of).toList();
      for (int prefix = first; prefix <= last; prefix++) table.set(prefix, zones);
    }
    return table; // read-only after class init
  }
}
