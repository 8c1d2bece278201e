package io.autodial.node.leads;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of {@code leads}. Nullable: the optional contact fields, timeZone and the dialing marks. */
public record Lead(
    long id,
    long leadsetId,
    String phone,
    String firstName,
    String lastName,
    String email,
    String company,
    String timeZone,
    LeadStatus status,
    int priority,
    Map<String, String> custom,
    int attempts,
    Instant nextDialAt,
    CallOutcome lastOutcome,
    UUID lastCallUuid,
    UUID reservedByCall,
    Instant reservedAt,
    Instant createdAt,
    Instant updatedAt) {}
