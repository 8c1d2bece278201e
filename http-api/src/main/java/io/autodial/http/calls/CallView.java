package io.autodial.http.calls;

import java.time.Instant;

/** A call as the API shows it. */
public record CallView(
    String uuid,
    String phase,
    String destination,
    String switchId,
    Instant startedAt,
    Instant answeredAt,
    Instant endedAt,
    String hangupCause,
    int sipStatus,
    long billSec,
    String amdResult,
    String campaignId,
    String agentId,
    String disposition) {}
