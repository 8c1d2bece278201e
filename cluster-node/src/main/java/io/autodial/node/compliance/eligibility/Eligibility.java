package io.autodial.node.compliance.eligibility;

import io.autodial.node.compliance.ComplianceRules;
import io.autodial.node.compliance.ConsentRequirement;
import io.autodial.node.compliance.dnc.DncHit;
import io.autodial.node.compliance.hours.HoursCheck;
import io.autodial.node.compliance.hours.LeadZoneResolver;
import io.autodial.node.compliance.hours.LeadZones;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one decision whether a lead may be dialed now, used by the dialer before every dial (manual
 * ones too) and by the eligibility endpoint. Pure: everything it needs is passed in, so the
 * dialer's decision and the endpoint's answer cannot differ.
 */
public final class Eligibility {
  /** How far ahead a next-allowed time is looked for before the lead is called blocked for now. */
  private static final int MAX_ROUNDS = 8;

  private Eligibility() {}

  public static Verdict evaluate(LeadFacts lead, String campaignId, ComplianceRules rules, DncCheck dnc, Instant at, List<String> warnings) {
    LeadZones zones = LeadZoneResolver.resolve(lead.location());
    HoursCheck now = rules.callingHours().check(zones, at);
    List<Block> blocks = new ArrayList<>(lasting(lead, campaignId, rules, dnc));
    List<Block> timed = timed(lead, rules, zones, at, now);
    blocks.addAll(timed);
    Instant next = null;
    if (blocks.isEmpty()) next = at;
    else if (blocks.stream().allMatch(b -> b.rule().passesWithTime)) next = nextAllowed(lead, rules, zones, at, timed);
    return new Verdict(at, blocks.isEmpty(), List.copyOf(blocks), zones, now.localTimes(), next, List.copyOf(warnings));
  }

  /** Rules time does not lift: the DNC lists, consent, the total number of attempts. */
  private static List<Block> lasting(LeadFacts lead, String campaignId, ComplianceRules rules, DncCheck dnc) {
    List<Block> blocks = new ArrayList<>();
    Optional<DncHit> hit = dnc.check(lead.phone(), campaignId);
    hit.ifPresent(h -> blocks.add(dncBlock(h)));
    if (rules.consent() != ConsentRequirement.NONE) {
      boolean written = rules.consent() == ConsentRequirement.WRITTEN;
      boolean has = lead.consents().stream().anyMatch(c -> c.active() && (!written || c.written()));
      if (!has) {
        boolean revoked = lead.consents().stream().anyMatch(c -> !c.active() && (!written || c.written()));
        String what = written ? "prior express written consent" : "consent";
        blocks.add(new Block(Rule.CONSENT, revoked ? "the lead revoked its " + what : "the campaign needs " + what + " and the lead has none on record", null));
      }
    }
    if (lead.previousAttempts() >= rules.maxAttemptsTotal())
      blocks.add(new Block(Rule.MAX_ATTEMPTS_TOTAL, "already dialed " + lead.previousAttempts() + " times; the campaign allows " + rules.maxAttemptsTotal(), null));
    return blocks;
  }

  /** Rules that pass with time, each with the earliest instant it no longer blocks; {@code check}: the hours at {@code at}. */
  private static List<Block> timed(LeadFacts lead, ComplianceRules rules, LeadZones zones, Instant at, HoursCheck check) {
    List<Block> blocks = new ArrayList<>();
    if (!check.allowed()) blocks.add(new Block(Rule.CALLING_HOURS, check.reason(), check.nextAllowedAt()));
    ZoneId dayZone = zones.zones().isEmpty() ? ZoneOffset.UTC : zones.zones().get(0);
    ZonedDateTime dayStart = at.atZone(dayZone).toLocalDate().atStartOfDay(dayZone);
    long today = lead.recentAttempts().stream().filter(t -> !t.isBefore(dayStart.toInstant()) && !t.isAfter(at)).count();
    if (today >= rules.maxAttemptsPerDay())
      blocks.add(new Block(Rule.MAX_ATTEMPTS_PER_DAY,
          "dialed " + today + " times today (" + dayZone.getId() + "); the campaign allows " + rules.maxAttemptsPerDay() + " a day",
          dayStart.plusDays(1).toInstant()));
    Optional<Instant> last = lead.recentAttempts().stream().filter(t -> !t.isAfter(at)).max(Instant::compareTo);
    if (last.isPresent() && !rules.minSpacing().isZero() && last.get().plus(rules.minSpacing()).isAfter(at))
      blocks.add(new Block(Rule.ATTEMPT_SPACING,
          "last dialed " + minutes(Duration.between(last.get(), at)) + " ago; the campaign waits " + rules.minMinutesBetweenAttempts() + " min between attempts",
          last.get().plus(rules.minSpacing())));
    Instant abandoned = lead.lastAbandonedAt();
    if (abandoned != null && !rules.lockoutAfterAbandon().isZero() && abandoned.plus(rules.lockoutAfterAbandon()).isAfter(at))
      blocks.add(new Block(Rule.ABANDON_LOCKOUT,
          "a call to this number was abandoned " + minutes(Duration.between(abandoned, at)) + " ago; it is locked out for " + rules.lockoutHoursAfterAbandon() + " h",
          abandoned.plus(rules.lockoutAfterAbandon())));
    return blocks;
  }

  /** The earliest instant every timed rule passes at once: each block's own time, re-checked. */
  private static Instant nextAllowed(LeadFacts lead, ComplianceRules rules, LeadZones zones, Instant at, List<Block> blocks) {
    Instant t = at;
    for (int round = 0; round < MAX_ROUNDS && !blocks.isEmpty(); round++) {
      Instant latest = null;
      for (Block b : blocks) {
        if (b.nextAllowedAt() == null) return null; // e.g. no time zone could be found: never legal
        if (latest == null || b.nextAllowedAt().isAfter(latest)) latest = b.nextAllowedAt();
      }
      t = latest;
      blocks = timed(lead, rules, zones, t, rules.callingHours().check(zones, t));
    }
    return blocks.isEmpty() ? t : null;
  }

  static Block dncBlock(DncHit hit) {
    return new Block(dncRule(hit), describe(hit), null);
  }

  private static Rule dncRule(DncHit hit) {
    return switch (hit.kind()) {
      case INTERNAL -> Rule.DNC_INTERNAL;
      case CAMPAIGN -> Rule.DNC_CAMPAIGN;
      case NATIONAL_REGISTRY -> Rule.DNC_REGISTRY;
    };
  }

  private static String describe(DncHit hit) {
    String list = switch (hit.kind()) {
      case INTERNAL -> "the company's do-not-call list";
      case CAMPAIGN -> "campaign " + hit.campaignId() + "'s do-not-call list";
      case NATIONAL_REGISTRY -> "the national do-not-call registry";
    };
    return "on " + list + (hit.since() == null ? "" : " since " + hit.since()) + (hit.source() == null ? "" : " (" + hit.source() + ")");
  }

  private static String minutes(Duration d) {
    long m = d.toMinutes();
    return m < 120 ? m + " min" : (m / 60) + " h";
  }
}
