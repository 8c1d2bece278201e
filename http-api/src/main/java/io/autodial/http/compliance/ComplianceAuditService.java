package io.autodial.http.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the audit routes need from the node. Stages fail with {@link IllegalArgumentException} for
 * what the caller must fix (an invalid phone number); anything else is a server error. Phone
 * numbers come in clear and are hashed by the node: no answer holds one.
 */
public interface ComplianceAuditService {
  /** The audit kinds a {@code kind} filter may name. */
  List<String> kinds();

  /** A lead's entries, oldest first, after entry id {@code afterId}. */
  CompletionStage<List<AuditEntryView>> leadAudit(long leadId, long afterId, int limit);

  /** A campaign's entries matching the query, oldest first. */
  CompletionStage<List<AuditEntryView>> campaignAudit(AuditQuery query);

  /** The entries of a phone number (any campaign), oldest first. */
  CompletionStage<List<AuditEntryView>> phoneAudit(String phone, long afterId, int limit);

  /** Per day (UTC) from {@code from} to {@code to}, both included. */
  CompletionStage<ComplianceReportView> report(String campaignId, LocalDate from, LocalDate to);

  /** Erases a contact's personal data; {@code actor} is recorded in the audit trail. */
  CompletionStage<ErasureResult> erase(String phone, String actor);
}
