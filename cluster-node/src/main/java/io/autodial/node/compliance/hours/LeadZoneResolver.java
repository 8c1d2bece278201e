package io.autodial.node.compliance.hours;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The zones a lead may be in, from the most precise data it has: explicit zone > postal code >
 * region > phone number > the phone's country > UNKNOWN. Pure and thread-safe; the costly parts
 * (zone-id set, libphonenumber data, converted zone lists) are loaded or cached once.
 */
public final class LeadZoneResolver {
  private LeadZoneResolver() {}

  /** ZoneId.getAvailableZoneIds() copies the set on every call: keep one. */
  private static final Set<String> IANA_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

  public static LeadZones resolve(LeadLocation location) {
    if (location == null) return LeadZones.UNKNOWN;

    Optional<ZoneId> explicit = explicitZone(location.explicitZone());
    if (explicit.isPresent()) return new LeadZones(List.of(explicit.get()), ZoneSource.EXPLICIT);

    Optional<PhoneNumber> phone = PhoneZones.parse(location.phoneE164());
    boolean northAmerican = phone.map(n -> n.getCountryCode() == 1).orElse(false);

    Optional<List<ZoneId>> byPostalCode = PostalCodeZones.zonesFor(location.postalCode(), mayBeUs(phone, location.region()));
    if (byPostalCode.isPresent()) return new LeadZones(byPostalCode.get(), ZoneSource.POSTAL_CODE);

    Optional<List<ZoneId>> byRegion = RegionZones.zonesFor(location.region(), northAmerican);
    if (byRegion.isPresent()) return new LeadZones(byRegion.get(), ZoneSource.REGION);

    return phone.map(PhoneZones::zonesFor).orElse(LeadZones.UNKNOWN);
  }

  /**
   * A region-based IANA id (America/New_York, Europe/London, also UTC); fixed offsets such as
   * "+05:00" and unknown or mistyped ids are ignored so that the lead's other data decides.
   */
  private static Optional<ZoneId> explicitZone(String id) {
    if (id == null) return Optional.empty();
    String trimmed = id.trim();
    return IANA_IDS.contains(trimmed) ? Optional.of(ZoneId.of(trimmed)) : Optional.empty();
  }

  /** A 5-digit code is a US ZIP unless the phone or the region says the lead is in another country. */
  private static boolean mayBeUs(Optional<PhoneNumber> phone, String region) {
    if (phone.isPresent() && phone.get().getCountryCode() != 1) return false;
    if (region == null) return true;
    String code = region.trim().toUpperCase(Locale.ROOT);
    int dash = code.indexOf('-');
    return dash < 0 || code.substring(0, dash).equals("US");
  }
}
