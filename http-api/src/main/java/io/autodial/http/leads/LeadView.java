package io.autodial.http.leads;

import java.time.Instant;
import java.util.Map;

/** A lead as the API shows it: phone in E.164, its dialing state and custom fields. */
public record LeadView(
    long id,
    long leadsetId,
    String phone,
    String firstName,
    String lastName,
    String email,
    String company,
    String timeZone,
    String status,
    int priority,
    Map<String, String> custom,
    int attempts,
    Instant nextDialAt,
    String lastOutcome,
    String lastCallUuid,
    Instant createdAt,
    Instant updatedAt) {}
