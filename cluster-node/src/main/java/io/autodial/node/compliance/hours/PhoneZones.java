package io.autodial.node.compliance.hours;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.prefixmapper.PrefixTimeZonesMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A phone number's time zones, from libphonenumber's prefix → zones data. */
final class PhoneZones {
  private PhoneZones() {}

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String UNKNOWN_ZONE = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

  /** libphonenumber answers with a few hundred distinct lists; convert each once. */
  private static final Map<List<String>, List<ZoneId>> ZONE_LISTS = new ConcurrentHashMap<>();
  private static final Map<Integer, List<ZoneId>> COUNTRY_ZONES = new ConcurrentHashMap<>();

  /** The number with its country calling code, when `e164` is "+" and a known calling code. */
  static Optional<PhoneNumber> parse(String e164) {
    if (e164 == null || e164.isBlank()) return Optional.empty();
    try {
      PhoneNumber number = UTIL.parse(e164.trim(), "ZZ"); // "ZZ": only numbers with "+country code" parse
      return "ZZ".equals(UTIL.getRegionCodeForCountryCode(number.getCountryCode()))
          ? Optional.empty()
          : Optional.of(number);
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The number's own zones (PHONE_NUMBER); when libphonenumber only knows its country — the number
   * is invalid, its area code unknown, or it is not geographic (toll-free, some mobiles) — every
   * zone of its calling code (COUNTRY); UNKNOWN when even that is unknown.
   */
  static LeadZones zonesFor(PhoneNumber number) {
    List<ZoneId> country = countryZones(number.getCountryCode());
    List<ZoneId> own = toZoneIds(PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number));
    if (!own.isEmpty() && !(own.size() > 1 && own.equals(country)))
      return new LeadZones(own, ZoneSource.PHONE_NUMBER);
    return country.isEmpty() ? LeadZones.UNKNOWN : new LeadZones(country, ZoneSource.COUNTRY);
  }

  /**
   * Every zone libphonenumber lists for a calling code (for +1: all of NANP, US, Canada and the
   * Caribbean and Pacific members), empty if none. The mapper keeps this lookup private, so the same
   * data file it reads is read once here through the public PrefixTimeZonesMap.
   */
  static List<ZoneId> countryZones(int callingCode) {
    // Without the data every country answers "unknown", which never allows a call.
    if (CountryData.MAP == null) return List.of();
    return COUNTRY_ZONES.computeIfAbsent(callingCode, code ->
        toZoneIds(CountryData.MAP.lookupCountryLevelTimeZonesForNumber(new PhoneNumber().setCountryCode(code))));
  }

  /**
   * Unknown markers and ids this JDK does not know are left out. Dropping a zone could wrongly allow
   * a call, so a list with any unusable id counts as unknown as a whole.
   */
  private static List<ZoneId> toZoneIds(List<String> ids) {
    return ZONE_LISTS.computeIfAbsent(List.copyOf(ids), key -> {
      List<ZoneId> zones = new ArrayList<>();
      for (String id : key) {
        if (id.equals(UNKNOWN_ZONE)) return List.of();
        try {
          zones.add(ZoneId.of(id));
        } catch (DateTimeException e) {
          return List.of();
        }
      }
      return List.copyOf(zones);
    });
  }

  /** Loaded on first use (lazy holder): the same file PhoneNumberToTimeZonesMapper loads; null if unreadable. */
  private static final class CountryData {
    static final PrefixTimeZonesMap MAP = load();

    private static PrefixTimeZonesMap load() {
      InputStream raw = PhoneNumberToTimeZonesMapper.class.getResourceAsStream(
          "/com/google/i18n/phonenumbers/timezones/data/map_data");
      if (raw == null) return null;
      try (ObjectInputStream in = new ObjectInputStream(raw)) {
        PrefixTimeZonesMap map = new PrefixTimeZonesMap();
        map.readExternal(in);
        return map;
      } catch (IOException e) {
        return null;
      }
    }
  }
}
