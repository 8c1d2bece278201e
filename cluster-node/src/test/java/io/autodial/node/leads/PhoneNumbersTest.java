package io.autodial.node.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
  private final PhoneNumbers us = new PhoneNumbers("US");

  @Test
  void normalizesWhatAdminsTypeToE164() {
    assertThat(us.toE164("(202) 555-0101")).isEqualTo("+12025550101");
    assertThat(us.toE164("202.555.0101")).isEqualTo("+12025550101");
    assertThat(us.toE164("1-202-555-0101")).isEqualTo("+12025550101");
    assertThat(us.toE164("+44 20 7946 0958")).isEqualTo("+442079460958");
    assertThat(new PhoneNumbers("GB").toE164("020 7946 0958")).isEqualTo("+442079460958");
    assertThat(new PhoneNumbers("de").toE164("030 1234567")).isEqualTo("+49301234567");
  }

  @Test
  void rejectsWithAReason() {
    assertThatThrownBy(() -> us.toE164("12")).hasMessage("is not a valid phone number for region US (too short)");
    assertThatThrownBy(() -> us.toE164("hello")).hasMessage("is not a valid phone number for region US (not a number)");
    assertThatThrownBy(() -> us.toE164("+1 212 555 00000000")).hasMessage("is not a valid phone number for region US (too long)");
    assertThatThrownBy(() -> us.toE164("(099) 555-0101")).hasMessage("is not a valid phone number for region US (no such number range)");
    assertThatThrownBy(() -> us.toE164(" ")).hasMessage("is missing");
    assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'XX'");
  }

  @Test
  void timeZoneOnlyWhenTheNumberMapsToExactlyOne() {
    assertThat(PhoneNumbers.timeZoneOf("+12125550101")).contains(ZoneId.of("America/New_York"));
    assertThat(PhoneNumbers.timeZoneOf("+13105550101")).contains(ZoneId.of("America/Los_Angeles"));
    assertThat(PhoneNumbers.timeZoneOf("+442079460958")).contains(ZoneId.of("Europe/London"));
    // Toll-free numbers are not in one place: left to the compliance rules.
    assertThat(PhoneNumbers.timeZoneOf("+18005550199")).isEmpty();
    assertThat(PhoneNumbers.timeZoneOf("not a number")).isEmpty();
  }
}
