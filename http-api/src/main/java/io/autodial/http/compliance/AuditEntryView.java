package io.autodial.http.compliance;

import java.time.Instant;

/** One audit trail row; {@code id} orders a campaign's or a lead's entries and pages them. */
public record AuditEntryView(
    long id, Instant at, String kind, String campaignId, Long leadId, String phoneHash, String rule, String detail, String actor) {}
