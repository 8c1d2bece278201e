package io.autodial.node.leads;

import io.autodial.http.leads.ColumnMappingRequest;
import io.autodial.http.leads.ImportReportView;
import io.autodial.http.leads.LeadCountsView;
import io.autodial.http.leads.LeadRequest;
import io.autodial.http.leads.LeadSkipView;
import io.autodial.http.leads.LeadView;
import io.autodial.http.leads.LeadsFailure;
import io.autodial.http.leads.LeadsService;
import io.autodial.http.leads.LeadsetDetails;
import io.autodial.http.leads.LeadsetRequest;
import io.autodial.http.leads.LeadsetView;
import io.autodial.http.leads.UploadOptions;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The lead routes' view of the lead tables. Every call runs the blocking repositories on
 * {@code blockingExecutor} (the node gives it a dedicated pool) and turns what the admin must fix
 * into {@link LeadsFailure}s.
 */
public final class JdbcLeadsService implements LeadsService {
  private final LeadsetRepository leadsets;
  private final LeadRepository leads;
  private final CsvLeadImport csvImport;
  private final LeadsetFetcher fetcher;
  private final Executor blockingExecutor;
  private final Clock clock;

  /** {@code defaultRegion} reads numbers without a country code in leads added one by one. */
  public JdbcLeadsService(
      DataSource dataSource, LeadsetFetcher fetcher, String defaultRegion, Executor blockingExecutor, Clock clock) {
    this.leadsets = new LeadsetRepository(dataSource);
    this.leads = new LeadRepository(dataSource, new LeadValidator(new PhoneNumbers(defaultRegion)));
    this.csvImport = new CsvLeadImport(dataSource);
    this.fetcher = fetcher;
    this.blockingExecutor = blockingExecutor;
    this.clock = clock;
  }

  @Override
  public CompletionStage<LeadsetView> createLeadset(LeadsetRequest request) {
    return blocking(() -> view(leadsets.create(request.name(), request.description())));
  }

  @Override
  public CompletionStage<List<LeadsetView>> listLeadsets() {
    return blocking(() -> leadsets.list().stream().map(JdbcLeadsService::view).toList());
  }

  @Override
  public CompletionStage<Optional<LeadsetDetails>> getLeadset(long leadsetId) {
    return blocking(
        () ->
            leadsets.find(leadsetId)
                .map(set -> details(set, leads.counts(List.of(set.id()), clock.instant()))));
  }

  @Override
  public CompletionStage<Optional<LeadsetView>> updateLeadset(long leadsetId, LeadsetRequest request) {
    return blocking(() -> leadsets.update(leadsetId, request.name(), request.description()).map(JdbcLeadsService::view));
  }

  @Override
  public CompletionStage<Boolean> deleteLeadset(long leadsetId) {
    return blocking(() -> leadsets.delete(leadsetId));
  }

  @Override
  public CompletionStage<ImportReportView> uploadCsv(long leadsetId, String csv, UploadOptions options) {
    return blocking(
        () -> {
          requireLeadset(leadsetId);
          return view(csvImport.load(leadsetId, new StringReader(csv), importOptions(options)));
        });
  }

  @Override
  public CompletionStage<ImportReportView> uploadFromUrl(long leadsetId, String url, UploadOptions options) {
    return blocking(
        () -> {
          requireLeadset(leadsetId); // before fetching anything for a set that is not there
          ImportOptions importOptions = importOptions(options);
          String csv = fetcher.fetch(url);
          return view(csvImport.load(leadsetId, new StringReader(csv), importOptions));
        });
  }

  @Override
  public CompletionStage<LeadView> addLead(long leadsetId, LeadRequest request) {
    return blocking(
        () ->
            view(
                leads.add(
                    leadsetId,
                    new LeadInput(
                        request.phone(), request.firstName(), request.lastName(), request.email(), request.company(),
                        request.timeZone(), request.status(), request.priority(), request.custom()))));
  }

  @Override
  public CompletionStage<Optional<LeadView>> getLead(long leadId) {
    return blocking(() -> leads.find(leadId).map(JdbcLeadsService::view));
  }

  @Override
  public CompletionStage<Optional<List<LeadSkipView>>> getSkips(long leadId) {
    return blocking(() -> leads.find(leadId).map(lead ->
        leads.skips(leadId).stream().map(k -> new LeadSkipView(k.agentId(), k.campaignId(), k.reason(), k.skippedAt())).toList()));
  }

  private void requireLeadset(long leadsetId) {
    if (leadsets.find(leadsetId).isEmpty()) throw new NoSuchLeadset(leadsetId);
  }

  /** Runs {@code work} on the blocking executor, translating what the admin must fix. */
  private <T> CompletionStage<T> blocking(Supplier<T> work) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return work.get();
          } catch (NoSuchLeadset e) {
            throw new LeadsFailure(LeadsFailure.Kind.NOT_FOUND, e.getMessage());
          } catch (LeadsetNameTaken e) {
            throw new LeadsFailure(LeadsFailure.Kind.CONFLICT, e.getMessage());
          } catch (LeadsetFetcher.FetchFailed e) {
            throw new LeadsFailure(LeadsFailure.Kind.UNPROCESSABLE, e.getMessage());
          } catch (LeadRejected | IllegalArgumentException e) {
            throw new LeadsFailure(LeadsFailure.Kind.INVALID, e.getMessage());
          }
        },
        blockingExecutor);
  }

  private static ImportOptions importOptions(UploadOptions options) {
    ColumnMappingRequest m = options.mapping();
    ColumnMapping mapping =
        new ColumnMapping(
            m.phone(), m.status(), m.firstName(), m.lastName(), m.email(), m.company(), m.timeZone(), m.priority(),
            m.keepUnmappedAsCustom());
    return new ImportOptions(mapping, options.startRow(), options.dedupe(), options.defaultRegion());
  }

  private static LeadsetView view(Leadset set) {
    return new LeadsetView(set.id(), set.name(), set.description(), set.createdAt());
  }

  private static LeadsetDetails details(Leadset set, LeadCounts c) {
    return new LeadsetDetails(
        set.id(), set.name(), set.description(), set.createdAt(),
        new LeadCountsView(c.total(), c.dialableNow(), c.inProgress(), c.answered(), c.failed(), c.dropped(), c.dnc(), c.invalid()));
  }

  private static ImportReportView view(ImportReport report) {
    return new ImportReportView(
        report.rowsRead(),
        report.loaded(),
        report.rejected().stream().map(r -> new ImportReportView.RejectedRowView(r.line(), r.reason())).toList());
  }

  private static LeadView view(Lead lead) {
    return new LeadView(
        lead.id(), lead.leadsetId(), lead.phone(), lead.firstName(), lead.lastName(), lead.email(), lead.company(),
        lead.timeZone(), lead.status().name(), lead.priority(), lead.custom(), lead.attempts(), lead.nextDialAt(),
        lead.lastOutcome() == null ? null : lead.lastOutcome().name(),
        lead.lastCallUuid() == null ? null : lead.lastCallUuid().toString(),
        lead.createdAt(), lead.updatedAt());
  }
}
