package io.autodial.node.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.node.compliance.dnc.DncHit;
import io.autodial.node.compliance.dnc.DncListKind;
import io.autodial.node.compliance.eligibility.Block;
import io.autodial.node.compliance.eligibility.Consent;
import io.autodial.node.compliance.eligibility.DncCheck;
import io.autodial.node.compliance.eligibility.Eligibility;
import io.autodial.node.compliance.eligibility.LeadFacts;
import io.autodial.node.compliance.eligibility.Rule;
import io.autodial.node.compliance.eligibility.Verdict;
import io.autodial.node.compliance.hours.LeadLocation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules the dialer and the eligibility endpoint share, each at its edges. */
class EligibilityTest {
  private static final String NYC = "+12125550101";
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final DncCheck NO_DNC = (phone, campaign) -> Optional.empty();
  private static final ComplianceRules US = ComplianceRules.DEFAULT;

  private static Instant newYork(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
  }

  private static LeadFacts lead(String phone) {
    return new LeadFacts(1, phone, new LeadLocation(null, null, null, phone), 0, List.of(), null, List.of());
  }

  private static Verdict check(LeadFacts lead, ComplianceRules rules, DncCheck dnc, Instant at) {
    return Eligibility.evaluate(lead, "c-1", rules, dnc, at, List.of());
  }

  private static List<Rule> rules(Verdict v) {
    return v.blocks().stream().map(Block::rule).toList();
  }

  @Test
  void callingHoursAtTheirEdgesInTheLeadsLocalTime() {
    assertThat(check(lead(NYC), US, NO_DNC, newYork("2026-11-20T07:59:00")).allowed()).isFalse();
    assertThat(check(lead(NYC), US, NO_DNC, newYork("2026-11-20T08:00:00")).allowed()).isTrue();
    assertThat(check(lead(NYC), US, NO_DNC, newYork("2026-11-20T20:59:00")).allowed()).isTrue();
    Verdict nine = check(lead(NYC), US, NO_DNC, newYork("2026-11-20T21:00:00"));
    assertThat(rules(nine)).containsExactly(Rule.CALLING_HOURS);
    assertThat(nine.nextAllowedAt()).isEqualTo(newYork("2026-11-21T08:00:00"));
    assertThat(nine.localTimes()).extracting(t -> t.toLocalTime().toString()).containsExactly("21:00");
  }

  @Test
  void anExplicitZoneOverridesTheNumbersOwn() {
    LeadFacts inLondon = new LeadFacts(1, NYC, new LeadLocation("Europe/London", null, null, NYC), 0, List.of(), null, List.of());
    Instant tenAmNewYork = newYork("2026-11-20T10:00:00"); // 15:00 in London
    assertThat(check(inLondon, US, NO_DNC, tenAmNewYork).allowed()).isTrue();
    Instant fivePmNewYork = newYork("2026-11-20T17:00:00"); // 22:00 in London
    Verdict late = check(inLondon, US, NO_DNC, fivePmNewYork);
    assertThat(rules(late)).containsExactly(Rule.CALLING_HOURS);
    assertThat(late.zones().zones()).containsExactly(ZoneId.of("Europe/London"));
  }

  @Test
  void everyDoNotCallListBlocksForGood() {
    Instant noon = newYork("2026-11-20T12:00:00");
    for (DncListKind kind : DncListKind.values()) {
      DncCheck listed = (phone, campaign) -> phone.equals(NYC) ? Optional.of(new DncHit(kind, kind == DncListKind.CAMPAIGN ? "c-1" : null, noon, "API")) : Optional.empty();
      Verdict v = check(lead(NYC), US, listed, noon);
      assertThat(v.allowed()).isFalse();
      assertThat(v.blockedForGood()).isTrue();
      assertThat(v.nextAllowedAt()).isNull();
      assertThat(v.firstBlock().rule().name()).startsWith("DNC_");
    }
  }

  @Test
  void consentIsNeededWhenTheCampaignSaysSoAndARevokedOneDoesNotCount() {
    Instant noon = newYork("2026-11-20T12:00:00");
    ComplianceRules written = new ComplianceRules(null, ConsentRequirement.WRITTEN, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    assertThat(check(lead(NYC), written, NO_DNC, noon).firstBlock().rule()).isEqualTo(Rule.CONSENT);
    Consent verbal = new Consent(1, false, "call", "recorded verbal", noon.minus(Duration.ofDays(3)), null, null);
    Consent signed = new Consent(2, true, "web form", "checkbox", noon.minus(Duration.ofDays(2)), null, null);
    LeadFacts withVerbal = new LeadFacts(1, NYC, lead(NYC).location(), 0, List.of(), null, List.of(verbal));
    assertThat(check(withVerbal, written, NO_DNC, noon).firstBlock().rule()).isEqualTo(Rule.CONSENT);
    LeadFacts withSigned = new LeadFacts(1, NYC, lead(NYC).location(), 0, List.of(), null, List.of(verbal, signed));
    assertThat(check(withSigned, written, NO_DNC, noon).allowed()).isTrue();
    Consent revoked = new Consent(2, true, "web form", "checkbox", noon.minus(Duration.ofDays(2)), noon.minus(Duration.ofHours(1)), "INBOUND_STOP");
    Verdict afterStop = check(new LeadFacts(1, NYC, lead(NYC).location(), 0, List.of(), null, List.of(revoked)), written, NO_DNC, noon);
    assertThat(afterStop.firstBlock().reason()).contains("revoked");
    assertThat(afterStop.blockedForGood()).isTrue();
  }

  @Test
  void attemptLimitsSpacingAndTheLockOutSayWhenTheyLift() {
    ComplianceRules rules = new ComplianceRules(Jurisdiction.UK, null, null, null, 2, 5, 60, null, null, null, null, null, null, null, null, null);
    Instant noon = newYork("2026-11-20T12:00:00");
    LeadFacts twiceToday = new LeadFacts(1, NYC, lead(NYC).location(), 2,
        List.of(newYork("2026-11-20T09:00:00"), newYork("2026-11-20T11:30:00")), null, List.of());
    Verdict v = check(twiceToday, rules, NO_DNC, noon);
    assertThat(rules(v)).containsExactly(Rule.MAX_ATTEMPTS_PER_DAY, Rule.ATTEMPT_SPACING);
    // the day's limit lifts at local midnight, the hours at 08:00 the next morning
    assertThat(v.nextAllowedAt()).isEqualTo(newYork("2026-11-21T08:00:00"));

    LeadFacts abandonedYesterday = new LeadFacts(1, NYC, lead(NYC).location(), 1, List.of(), noon.minus(Duration.ofHours(24)), List.of());
    Verdict locked = check(abandonedYesterday, rules, NO_DNC, noon);
    assertThat(rules(locked)).containsExactly(Rule.ABANDON_LOCKOUT);
    assertThat(locked.nextAllowedAt()).isEqualTo(noon.plus(Duration.ofHours(48))); // 72 h in UK mode

    LeadFacts exhausted = new LeadFacts(1, NYC, lead(NYC).location(), 5, List.of(), null, List.of());
    assertThat(check(exhausted, rules, NO_DNC, noon).blockedForGood()).isTrue();
  }

  @Test
  void aStaleRegistryIsReportedWithEveryDecisionButDoesNotBlock() {
    String stale = "the national DNC registry copy is from 2026-09-01, more than 31 days old: import a fresh one";
    Verdict v = Eligibility.evaluate(lead(NYC), "c-1", US, NO_DNC, newYork("2026-11-20T12:00:00"), List.of(stale));
    assertThat(v.allowed()).isTrue();
    assertThat(v.warnings()).containsExactly(stale);
  }

  @Test
  void aNumberInTwoZonesIsDialedOnlyWhenBothAreInsideTheWindow() {
    // +1 208 (Idaho) is in Boise's zone and in Los Angeles's: 08:30 in Boise is 07:30 in the north
    String idaho = "+12085550123";
    Instant boiseHalfPastEight = ZonedDateTime.of(java.time.LocalDateTime.parse("2026-11-20T08:30:00"), ZoneId.of("America/Boise")).toInstant();
    Verdict early = check(lead(idaho), US, NO_DNC, boiseHalfPastEight);
    assertThat(rules(early)).containsExactly(Rule.CALLING_HOURS);
    assertThat(early.zones().zones()).containsExactlyInAnyOrder(ZoneId.of("America/Boise"), ZoneId.of("America/Los_Angeles"));
    assertThat(early.nextAllowedAt()).isEqualTo(ZonedDateTime.of(java.time.LocalDateTime.parse("2026-11-20T08:00:00"), ZoneId.of("America/Los_Angeles")).toInstant());
  }
}
