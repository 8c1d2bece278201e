package io.autodial.node.compliance.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which zones a lead is judged in, from which of its data. */
class LeadZonesTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final ZoneId DENVER = ZoneId.of("America/Denver");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static LeadZones resolve(String zone, String postal, String region, String phone) {
    return LeadZoneResolver.resolve(new LeadLocation(zone, postal, region, phone));
  }

  private static LeadZones zones(ZoneSource source, String... ids) {
    return new LeadZones(List.of(ids).stream().map(ZoneId::of).toList(), source);
  }

  @Test
  void anExplicitZoneWinsOverEverythingElseEvenAnotherCountry() {
    assertThat(resolve("Europe/London", "10001", "US-NY", "+12125550123")).isEqualTo(zones(ZoneSource.EXPLICIT, "Europe/London"));
    assertThat(resolve(" America/Phoenix ", null, null, null)).isEqualTo(zones(ZoneSource.EXPLICIT, "America/Phoenix"));
  }

  @Test
  void invalidExplicitZonesAreIgnored() {
    for (String bad : new String[] {"Mars/Olympus", "+05:00", "america/new_york", "EST5EDT-ish", ""})
      assertThat(resolve(bad, null, null, "+12125550123")).as(bad).isEqualTo(new LeadZones(List.of(NEW_YORK), ZoneSource.PHONE_NUMBER));
  }

  @Test
  void usZipCodesMapThroughTheirThreeDigitPrefix() {
    assertThat(resolve(null, "10001", null, "+13125550123")).isEqualTo(new LeadZones(List.of(NEW_YORK), ZoneSource.POSTAL_CODE));
    assertThat(resolve(null, "85004-1234", null, null).zones()).containsExactly(PHOENIX);
    assertThat(resolve(null, "606011234", null, null).zones()).containsExactly(CHICAGO);
    assertThat(resolve(null, "90210", null, null).zones()).containsExactly(LOS_ANGELES);
  }

  @Test
  void zipCodesAreFinerThanTheirStateWhereAPrefixIsOnOneSideOfTheLine() {
    assertThat(resolve(null, "79901", null, null).zones()).as("El Paso").containsExactly(DENVER);
    assertThat(resolve(null, "88510", null, null).zones()).as("El Paso 885").containsExactly(DENVER);
    assertThat(resolve(null, "79830", null, null).zones()).as("Alpine (798 straddles)").containsExactly(CHICAGO, DENVER);
    assertThat(resolve(null, "75201", null, null).zones()).as("Dallas").containsExactly(CHICAGO);
    assertThat(resolve(null, "32501", null, null).zones()).as("Pensacola").containsExactly(CHICAGO);
    assertThat(resolve(null, "33101", null, null).zones()).as("Miami").containsExactly(NEW_YORK);
    assertThat(resolve(null, "96799", null, null).zones()).as("American Samoa").containsExactly(ZoneId.of("Pacific/Pago_Pago"));
    assertThat(resolve(null, "96813", null, null).zones()).as("Honolulu").containsExactly(ZoneId.of("Pacific/Honolulu"));
    assertThat(resolve(null, "40202", null, null).zones()).as("Kentucky: state level").containsExactly(NEW_YORK, CHICAGO);
  }

  @Test
  void aFiveDigitCodeIsNoUsZipWhenThePhoneOrRegionIsElsewhere() {
    // Berlin's postal code 10115 would read as a New York ZIP.
    assertThat(resolve(null, "10115", null, "+493012345678")).isEqualTo(zones(ZoneSource.PHONE_NUMBER, "Europe/Berlin"));
    assertThat(resolve(null, "75001", "FR-75", null)).isEqualTo(LeadZones.UNKNOWN);
  }

  @Test
  void canadianPostalCodesMapByTheirFirstLetter() {
    assertThat(resolve(null, "K1A 0B1", null, null)).isEqualTo(zones(ZoneSource.POSTAL_CODE, "America/Toronto"));
    assertThat(resolve(null, "t2p1j9", null, null).zones()).containsExactly(ZoneId.of("America/Edmonton"));
    assertThat(resolve(null, "V6B 1A1", null, null).zones()).contains(ZoneId.of("America/Vancouver"), ZoneId.of("America/Dawson_Creek"));
    assertThat(resolve(null, "S4P 3Y2", null, null).zones()).containsExactly(ZoneId.of("America/Regina"), ZoneId.of("America/Edmonton"));
  }

  @Test
  void ukPostcodesMapToLondon() {
    assertThat(resolve(null, "SW1A 1AA", null, "+12125550123")).isEqualTo(zones(ZoneSource.POSTAL_CODE, "Europe/London"));
    assertThat(resolve(null, "m1 1ae", null, null).zones()).containsExactly(LONDON);
    assertThat(resolve(null, "GX11 1AA", null, null).zones()).as("Gibraltar").containsExactly(ZoneId.of("Europe/Gibraltar"));
    assertThat(resolve(null, "BF1 4FB", null, "+442071234567")).as("BFPO falls through").isEqualTo(zones(ZoneSource.PHONE_NUMBER, "Europe/London"));
    // A UK mobile has no place: libphonenumber gives every zone of +44 (London and the Crown dependencies).
    assertThat(resolve(null, null, null, "+447911123456").source()).isEqualTo(ZoneSource.COUNTRY);
  }

  @Test
  void anUnknownPostalFormatFallsThroughToRegionThenPhone() {
    assertThat(resolve(null, "not a code", "US-AZ", "+12125550123")).isEqualTo(zones(ZoneSource.REGION, "America/Phoenix"));
    assertThat(resolve(null, "1234", null, "+12125550123")).isEqualTo(zones(ZoneSource.PHONE_NUMBER, "America/New_York"));
  }

  @Test
  void regionsInIsoForm() {
    assertThat(resolve(null, null, "US-AZ", null)).isEqualTo(zones(ZoneSource.REGION, "America/Phoenix"));
    assertThat(resolve(null, null, "US-TX", null).zones()).containsExactly(CHICAGO, DENVER);
    assertThat(resolve(null, null, "us-fl", null).zones()).containsExactly(NEW_YORK, CHICAGO);
    assertThat(resolve(null, null, "US-HI", null).zones()).containsExactly(ZoneId.of("Pacific/Honolulu"));
    assertThat(resolve(null, null, "CA-BC", null).zones()).contains(ZoneId.of("America/Vancouver"));
    assertThat(resolve(null, null, "GB-SCT", "+12125550123")).isEqualTo(zones(ZoneSource.REGION, "Europe/London"));
    assertThat(resolve(null, null, "US-ZZ", "+12125550123").source()).isEqualTo(ZoneSource.PHONE_NUMBER);
  }

  @Test
  void bareStateCodesCountOnlyForNorthAmericanNumbers() {
    // A Colorado number whose owner lives in Texas: the region is more precise than the area code.
    assertThat(resolve(null, null, "TX", "+13035550123")).isEqualTo(zones(ZoneSource.REGION, "America/Chicago", "America/Denver"));
    assertThat(resolve(null, null, "qc", "+15145550123").zones()).containsExactly(ZoneId.of("America/Toronto"), ZoneId.of("America/Halifax"));
    assertThat(resolve(null, null, "TX", "+442071234567")).isEqualTo(zones(ZoneSource.PHONE_NUMBER, "Europe/London"));
    assertThat(resolve(null, null, "TX", null)).isEqualTo(LeadZones.UNKNOWN);
  }

  @Test
  void aPhoneNumberMappedToTwoZonesGivesBoth() {
    // Verified with libphonenumber 9.0.43: +1 208 (Idaho) → America/Boise, America/Los_Angeles.
    assertThat(resolve(null, null, null, "+12085550123")).isEqualTo(zones(ZoneSource.PHONE_NUMBER, "America/Boise", "America/Los_Angeles"));
  }

  @Test
  void anUnknownAreaCodeGivesEveryZoneOfItsCallingCode() {
    LeadZones zones = resolve(null, null, null, "+19995550123");
    assertThat(zones.source()).isEqualTo(ZoneSource.COUNTRY);
    assertThat(zones.zones()).contains(NEW_YORK, CHICAGO, DENVER, PHOENIX, LOS_ANGELES, ZoneId.of("America/Anchorage"),
        ZoneId.of("Pacific/Honolulu"), ZoneId.of("America/Toronto"), ZoneId.of("America/St_Johns"), ZoneId.of("America/Halifax"));
    // Toll-free numbers have no place: libphonenumber answers with the same country-wide list.
    assertThat(resolve(null, null, null, "+18005550123")).isEqualTo(zones);
  }

  @Test
  void nonsenseIsUnknown() {
    assertThat(LeadZoneResolver.resolve(null)).isEqualTo(LeadZones.UNKNOWN);
    assertThat(resolve(null, null, null, null)).isEqualTo(LeadZones.UNKNOWN);
    assertThat(resolve("nowhere", "???", "XX-YY", "not a phone")).isEqualTo(LeadZones.UNKNOWN);
    assertThat(resolve(null, null, null, "+9991234567")).as("no such country code").isEqualTo(LeadZones.UNKNOWN);
    assertThat(resolve(null, null, null, "2125550123")).as("not E.164").isEqualTo(LeadZones.UNKNOWN);
  }

  @Test
  void leadZonesAreEmptyExactlyWhenUnknown() {
    assertThatThrownBy(() -> new LeadZones(List.of(), ZoneSource.PHONE_NUMBER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LeadZones(List.of(NEW_YORK), ZoneSource.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
  }
}
