package io.autodial.node.compliance.dnc;

import java.time.Instant;

/** A row of {@code dnc_entries} as the poll reads it; {@code removedAt} set = no longer on the list. */
record DncEntry(long seq, long number, String campaignId, DncSource source, Instant addedAt, Instant removedAt) {
  /** The hit this entry answers a check with. */
  DncHit hit() {
    return new DncHit(campaignId == null ? DncListKind.INTERNAL : DncListKind.CAMPAIGN, campaignId, addedAt, source.name());
  }
}
