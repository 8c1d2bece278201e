package io.autodial.http.compliance;

import java.time.Instant;

/**
 * A page of a campaign's trail: {@code from} included, {@code to} excluded (either null: open),
 * {@code kind} null for all kinds, entries with an id above {@code afterId}, at most {@code limit}.
 */
public record AuditQuery(String campaignId, Instant from, Instant to, String kind, long afterId, int limit) {
  public AuditQuery after(long id) {
    return new AuditQuery(campaignId, from, to, kind, id, limit);
  }
}
