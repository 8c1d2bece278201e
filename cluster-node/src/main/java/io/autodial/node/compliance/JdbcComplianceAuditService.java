package io.autodial.node.compliance;

import io.autodial.http.compliance.AuditEntryView;
import io.autodial.http.compliance.AuditQuery;
import io.autodial.http.compliance.ComplianceAuditService;
import io.autodial.http.compliance.ComplianceReportView;
import io.autodial.http.compliance.ErasureResult;
import io.autodial.node.db.Transactions;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.compliance.audit.AuditTrail;
import io.autodial.node.compliance.audit.PhoneHasher;
import io.autodial.node.leads.PhoneNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The audit routes' service: reads of the trail and the report, and erasure, each on the blocking
 * JDBC executor in one transaction. Phone numbers given in clear are normalized to E.164 (as
 * leads and the trail hold them) and hashed before any query.
 */
public final class JdbcComplianceAuditService implements ComplianceAuditService {
  private static final List<String> KINDS = Arrays.stream(AuditKind.values()).map(Enum::name).toList();

  private final DataSource dataSource;
  private final Executor blocking;
  private final PhoneHasher hasher;
  private final PhoneNumbers phones;
  private final AuditTrail trail;
  private final Optional<Consumer<String>> keepOnDnc;
  private final Clock clock;

  /**
   * @param keepOnDnc puts an E.164 number on the internal do-not-call list, inside the erasure (a
   *     failure aborts it); empty while the node has no such list
   */
  public JdbcComplianceAuditService(
      DataSource dataSource, Executor blocking, PhoneHasher hasher, PhoneNumbers phones, AuditTrail trail,
      Optional<Consumer<String>> keepOnDnc, Clock clock) {
    this.dataSource = dataSource;
    this.blocking = blocking;
    this.hasher = hasher;
    this.phones = phones;
    this.trail = trail;
    this.keepOnDnc = keepOnDnc;
    this.clock = clock;
  }

  @Override
  public List<String> kinds() {
    return KINDS;
  }

  @Override
  public CompletionStage<List<AuditEntryView>> leadAudit(long leadId, long afterId, int limit) {
    return inTransaction(c -> AuditQueries.byLead(c, leadId, afterId, limit));
  }

  @Override
  public CompletionStage<List<AuditEntryView>> campaignAudit(AuditQuery query) {
    return inTransaction(c -> AuditQueries.byCampaign(c, query));
  }

  @Override
  public CompletionStage<List<AuditEntryView>> phoneAudit(String phone, long afterId, int limit) {
    return normalized(phone).thenCompose(e164 -> inTransaction(c -> AuditQueries.byPhoneHash(c, hasher.hash(e164), afterId, limit)));
  }

  @Override
  public CompletionStage<ComplianceReportView> report(String campaignId, LocalDate from, LocalDate to) {
    return inTransaction(c -> ComplianceReports.report(c, campaignId, from, to));
  }

  @Override
  public CompletionStage<ErasureResult> erase(String phone, String actor) {
    return normalized(phone).thenCompose(e164 -> inTransaction(c -> {
      keepOnDnc.ifPresent(dnc -> dnc.accept(e164)); // first: never an erased number that could be dialed again
      ContactErasure.Counts counts = ContactErasure.erase(c, e164, hasher);
      return new Erased(e164, counts);
    })).thenApply(erased -> {
      // after the commit: the trail says only what was really done
      ContactErasure.Counts n = erased.counts();
      trail.record(new AuditEntry(clock.instant(), AuditKind.CONTACT_ERASED, null, null, erased.e164(), null,
          "leads removed: " + n.leadsRemoved() + ", skips removed: " + n.skipsRemoved() + ", call-log rows scrubbed: " + n.callLogRowsScrubbed()
              + ", kept on DNC: " + keepOnDnc.isPresent(),
          actor));
      return new ErasureResult(hasher.hash(erased.e164()), n.leadsRemoved(), n.skipsRemoved(), n.callLogRowsScrubbed(), n.recordings(),
          keepOnDnc.isPresent());
    });
  }

  private record Erased(String e164, ContactErasure.Counts counts) {}

  /** Invalid numbers fail the stage with an IllegalArgumentException: a 400 that says why. */
  private CompletionStage<String> normalized(String phone) {
    try {
      return CompletableFuture.completedFuture(phones.toE164(phone));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("phone " + e.getMessage()));
    }
  }

  private <T> CompletionStage<T> inTransaction(Transactions.Work<T> work) {
    return CompletableFuture.supplyAsync(() -> Transactions.inTransaction(dataSource, work), blocking);
  }
}
