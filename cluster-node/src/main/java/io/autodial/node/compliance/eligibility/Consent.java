package io.autodial.node.compliance.eligibility;

import java.time.Instant;

/** A consent record of a lead: how and when it was given, and whether (and how) it was revoked. */
public record Consent(long id, boolean written, String source, String method, Instant obtainedAt, Instant revokedAt, String revokedVia) {
  public boolean active() {
    return revokedAt == null;
  }
}
