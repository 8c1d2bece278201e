package io.autodial.http.leads;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the lead routes need from the node. Stages fail with {@link LeadsFailure} when a request
 * cannot be done (unknown set, invalid lead, unusable URL); any other failure is a server error.
 */
public interface LeadsService {
  CompletionStage<LeadsetView> createLeadset(LeadsetRequest request);

  CompletionStage<List<LeadsetView>> listLeadsets();

  CompletionStage<Optional<LeadsetDetails>> getLeadset(long leadsetId);

  CompletionStage<Optional<LeadsetView>> updateLeadset(long leadsetId, LeadsetRequest request);

  /** Deletes the set with its leads; false when there was no such set. */
  CompletionStage<Boolean> deleteLeadset(long leadsetId);

  /** Loads CSV text (uploaded or pasted) into the set. */
  CompletionStage<ImportReportView> uploadCsv(long leadsetId, String csv, UploadOptions options);

  /** Fetches the CSV at an http(s) URL and loads it into the set. */
  CompletionStage<ImportReportView> uploadFromUrl(long leadsetId, String url, UploadOptions options);

  CompletionStage<LeadView> addLead(long leadsetId, LeadRequest request);

  CompletionStage<Optional<LeadView>> getLead(long leadId);

  /** The preview skips of a lead, oldest first; empty when there is no such lead. */
  CompletionStage<Optional<List<LeadSkipView>>> getSkips(long leadId);
}
