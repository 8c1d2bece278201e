package io.autodial.node.compliance.eligibility;

import io.autodial.node.compliance.hours.LeadLocation;
import java.time.Instant;
import java.util.List;

/**
 * What the rules need to know of one lead, read in one go before a dial.
 *
 * @param previousAttempts attempts made before the one being decided
 * @param recentAttempts when this lead was dialed over the last days (for the daily limit and spacing)
 * @param lastAbandonedAt the last time a call to this number, by any campaign, was abandoned
 */
public record LeadFacts(
    long leadId,
    String phone,
    LeadLocation location,
    int previousAttempts,
    List<Instant> recentAttempts,
    Instant lastAbandonedAt,
    List<Consent> consents) {}
