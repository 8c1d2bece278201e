package io.autodial.node.compliance.eligibility;

import io.autodial.node.compliance.hours.LeadZones;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Whether a lead may be dialed at {@code at}: every rule that blocks it (empty when allowed), the
 * time zones it was placed in and its local time there, when it next may be dialed (null when a
 * rule that time does not lift blocks it), and warnings that do not block (a stale registry).
 */
public record Verdict(
    Instant at, boolean allowed, List<Block> blocks, LeadZones zones, List<ZonedDateTime> localTimes, Instant nextAllowedAt, List<String> warnings) {

  public Block firstBlock() {
    return blocks.isEmpty() ? null : blocks.get(0);
  }

  /** Blocked by a rule that time alone does not lift. */
  public boolean blockedForGood() {
    return blocks.stream().anyMatch(b -> !b.rule().passesWithTime);
  }
}
