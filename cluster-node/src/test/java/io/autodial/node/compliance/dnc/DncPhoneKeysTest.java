package io.autodial.node.compliance.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DncPhoneKeysTest {
  @Test
  void usNationalNumbersBecomePlusOneWhateverTheSeparators() {
    assertThat(PhoneKeys.parse("2125550123")).isEqualTo(12125550123L);
    assertThat(PhoneKeys.parse("(212) 555-0123")).isEqualTo(12125550123L);
    assertThat(PhoneKeys.parse("212.555.0123")).isEqualTo(12125550123L);
    assertThat(PhoneKeys.parse("1 212 555 0123")).isEqualTo(12125550123L);
    assertThat(PhoneKeys.parse("+1 (212) 555-0123")).isEqualTo(12125550123L);
  }

  @Test
  void e164NumbersOfOtherCountriesKeepTheirDigits() {
    assertThat(PhoneKeys.parse("+442071838750")).isEqualTo(442071838750L);
    assertThat(PhoneKeys.toE164(442071838750L)).isEqualTo("+442071838750");
  }

  @Test
  void badNumbersSayWhy() {
    assertThat(PhoneKeys.parse("")).isEqualTo(PhoneKeys.EMPTY);
    assertThat(PhoneKeys.parse("212555012")).isEqualTo(PhoneKeys.BAD_LENGTH);
    assertThat(PhoneKeys.parse("call me")).isEqualTo(PhoneKeys.NOT_A_NUMBER);
    assertThat(PhoneKeys.parse("212-555-01x3")).isEqualTo(PhoneKeys.NOT_A_NUMBER);
    assertThat(PhoneKeys.parse("1125550123")).isEqualTo(PhoneKeys.US_AREA_CODE);
    assertThat(PhoneKeys.parse("2121550123")).isEqualTo(PhoneKeys.US_EXCHANGE);
    assertThat(PhoneKeys.parse("+121255501234")).isEqualTo(PhoneKeys.US_LENGTH);
    assertThat(PhoneKeys.parse("+0442071838750")).isEqualTo(PhoneKeys.BAD_COUNTRY_CODE);
    assertThat(PhoneKeys.parse("+4420")).isEqualTo(PhoneKeys.TOO_SHORT);
    assertThat(PhoneKeys.parse("+4420718387501234")).isEqualTo(PhoneKeys.TOO_LONG);
    assertThat(PhoneKeys.reason(PhoneKeys.US_AREA_CODE)).contains("area code");
  }

  @Test
  void theCheckTakesOnlyStrictE164() {
    assertThat(PhoneKeys.keyOfE164("+12125550123")).isEqualTo(12125550123L);
    assertThat(PhoneKeys.keyOfE164("2125550123")).isEqualTo(-1);
    assertThat(PhoneKeys.keyOfE164("+1 212")).isEqualTo(-1);
    assertThat(PhoneKeys.keyOfE164("+0123")).isEqualTo(-1);
  }
}
