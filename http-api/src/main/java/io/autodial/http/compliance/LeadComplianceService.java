package io.autodial.http.compliance;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The compliance side of leads: whether a lead may be dialed (the dialer's own check), its consent
 * records and their revocation (by the API, an agent, or an inbound STOP), and the company's own
 * numbers a campaign may present as caller ID.
 */
public interface LeadComplianceService {

  /** @param campaignId null: the first campaign whose leadsets hold the lead; @param at null: now */
  CompletionStage<Optional<EligibilityView>> eligibility(long leadId, String campaignId, String at);

  CompletionStage<Optional<List<ConsentView>>> consents(long leadId);

  CompletionStage<Optional<ConsentView>> addConsent(long leadId, ConsentRequest request, String actor);

  /** Revokes every active consent of the lead's number, in every leadset. */
  CompletionStage<Optional<Integer>> revokeConsent(long leadId, String via, String actor);

  /** An inbound message (SMS, e-mail reply) from a number: STOP and its synonyms revoke consent. */
  CompletionStage<InboundResult> inbound(InboundMessage message);

  CompletionStage<List<CompanyNumberView>> companyNumbers();

  CompletionStage<CompanyNumberView> addCompanyNumber(CompanyNumberView number);

  CompletionStage<Boolean> removeCompanyNumber(String number);

  record Block(String rule, String reason, String nextAllowedAt) {}

  record LocalTime(String zone, String localTime) {}

  record EligibilityView(
      long leadId, String campaignId, String at, boolean allowed, List<Block> blocks, String zoneSource, List<LocalTime> localTimes,
      String nextAllowedAt, List<String> warnings) {}

  record ConsentRequest(Boolean written, String source, String method, String obtainedAt) {}

  record ConsentView(long id, long leadId, boolean written, String source, String method, String obtainedAt, String revokedAt, String revokedVia) {}

  record InboundMessage(String from, String body, String channel) {}

  record InboundResult(String from, boolean stop, int consentsRevoked) {}

  record CompanyNumberView(String number, String label) {}
}
