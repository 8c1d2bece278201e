package io.autodial.node.compliance.eligibility;

/** The rules a dial is checked against, in the order they are checked. */
public enum Rule {
  DNC_INTERNAL(false),
  DNC_CAMPAIGN(false),
  DNC_REGISTRY(false),
  CONSENT(false),
  MAX_ATTEMPTS_TOTAL(false),
  CALLING_HOURS(true),
  MAX_ATTEMPTS_PER_DAY(true),
  ATTEMPT_SPACING(true),
  ABANDON_LOCKOUT(true);

  /** Whether time alone lifts the block (then it says when). */
  public final boolean passesWithTime;

  Rule(boolean passesWithTime) {
    this.passesWithTime = passesWithTime;
  }
}
