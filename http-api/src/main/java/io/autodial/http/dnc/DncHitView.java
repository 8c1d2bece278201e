package io.autodial.http.dnc;

import java.time.Instant;

/** The list that holds a number: {@code list} is INTERNAL, CAMPAIGN or NATIONAL_REGISTRY. */
public record DncHitView(String phone, String list, String campaignId, Instant since, String source) {}
