package io.autodial.node.compliance.audit;

/** Where compliance decisions go to be persisted. Never blocks the caller. */
public interface AuditTrail {
  void record(AuditEntry entry);
}
