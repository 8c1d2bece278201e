package io.autodial.node.compliance.dnc;

import java.time.Instant;

/**
 * The list that holds a number. {@code since} is when the entry was added (for the registry: the
 * start of the registry file's date, UTC); {@code source} is the {@link DncSource} name.
 *
 * @param campaignId null unless {@code kind} is {@link DncListKind#CAMPAIGN}
 */
public record DncHit(DncListKind kind, String campaignId, Instant since, String source) {}
