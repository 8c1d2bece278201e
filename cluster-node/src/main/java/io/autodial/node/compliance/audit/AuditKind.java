package io.autodial.node.compliance.audit;

/** What a compliance decision was; the rule it applied is named in {@link AuditEntry#rule()}. */
public enum AuditKind {
  /** A call was placed: every check passed. */
  DIALED,
  /** A dial was refused; {@code rule} names the first rule that blocked it, {@code detail} all of them. */
  BLOCKED,
  /** The safe-harbor message was played to an answered call no agent could take. */
  MESSAGE_PLAYED,
  /** The called person pressed the opt-out digit; the number went onto the DNC list. */
  OPTED_OUT,
  CONSENT_GIVEN,
  CONSENT_REVOKED,
  DNC_ADDED,
  DNC_REMOVED,
  REGISTRY_IMPORTED,
  /** The campaign's abandonment rate reached the warning level. */
  ABANDONMENT_WARNING,
  /** One more abandoned call could cross the limit: pacing was forced to progressive. */
  PACING_FORCED_PROGRESSIVE,
  /** The abandonment rate reached the limit: the campaign was paused. */
  CAMPAIGN_PAUSED,
  /** A contact's personal data was erased; its DNC entry and this hashed trail remain. */
  CONTACT_ERASED
}
