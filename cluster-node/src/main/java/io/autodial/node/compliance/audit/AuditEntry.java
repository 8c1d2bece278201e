package io.autodial.node.compliance.audit;

import java.time.Instant;

/**
 * One compliance decision, as its maker hands it to the {@link AuditTrail}. {@code phone} is the
 * E.164 number in clear here; the trail stores only its keyed hash, so the persisted trail holds no
 * personal data and survives an erasure. {@code detail} must not hold personal data either.
 *
 * @param campaignId null for decisions outside any campaign (a global DNC entry, a registry import)
 * @param leadId null when no lead is concerned
 * @param rule the rule applied (e.g. {@code DNC_INTERNAL}, {@code CALLING_HOURS}), null when none
 * @param actor who decided: {@code dialer}, {@code agent:<id>}, {@code admin:<name>}, {@code callee}, {@code system}
 */
public record AuditEntry(
    Instant at, AuditKind kind, String campaignId, Long leadId, String phone, String rule, String detail, String actor) {}
