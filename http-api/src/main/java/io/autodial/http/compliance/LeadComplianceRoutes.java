package io.autodial.http.compliance;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.longSegment;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import io.autodial.http.auth.Authentication;
import io.autodial.http.auth.Principal;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Staff only: {@code GET /api/leads/{id}/eligibility?campaignId=&at=}, {@code GET|POST
 * /api/leads/{id}/consents}, {@code POST /api/leads/{id}/consents/revoke}, {@code POST
 * /api/inbound-messages} (a STOP revokes consent), {@code GET|POST /api/company-numbers}, {@code
 * DELETE /api/company-numbers/{number}}.
 */
public final class LeadComplianceRoutes {
  private final LeadComplianceService service;

  public LeadComplianceRoutes(LeadComplianceService service) {
    this.service = service;
  }

  public Route route(Principal principal) {
    String actor = principal.role().name().toLowerCase() + ":" + principal.username();
    // the role check sits inside each path: other routes (an agent's own) share the prefix
    return concat(
        pathPrefix(PathMatchers.segment("leads").slash(longSegment()), leadId ->
            concat(eligibility(leadId, principal), consents(leadId, actor, principal))),
        path("inbound-messages", () -> Authentication.staff(principal, () -> post(() ->
            entity(Json.unmarshaller(LeadComplianceService.InboundMessage.class), message ->
                onSuccess(service.inbound(message), result -> complete(StatusCodes.OK, result, Json.<LeadComplianceService.InboundResult>marshaller())))))),
        pathPrefix("company-numbers", () -> Authentication.staff(principal, this::companyNumbers)));
  }

  private Route eligibility(long leadId, Principal principal) {
    return path("eligibility", () -> Authentication.staff(principal, () -> get(() -> parameterOptional("campaignId", campaign -> parameterOptional("at", at ->
        onSuccess(service.eligibility(leadId, campaign.orElse(null), at.orElse(null)), view -> view
            .<Route>map(v -> complete(StatusCodes.OK, v, Json.<LeadComplianceService.EligibilityView>marshaller()))
            .orElseGet(() -> ApiErrors.error(StatusCodes.NOT_FOUND, "no lead " + leadId))))))));
  }

  private Route consents(long leadId, String actor, Principal principal) {
    return pathPrefix("consents", () -> Authentication.staff(principal, () -> concat(
        pathEnd(() -> concat(
            get(() -> onSuccess(service.consents(leadId), list -> list
                .<Route>map(l -> complete(StatusCodes.OK, l, Json.marshaller()))
                .orElseGet(() -> ApiErrors.error(StatusCodes.NOT_FOUND, "no lead " + leadId)))),
            post(() -> entity(Json.unmarshaller(LeadComplianceService.ConsentRequest.class), request ->
                onSuccess(service.addConsent(leadId, request, actor), view -> view
                    .<Route>map(v -> complete(StatusCodes.CREATED, v, Json.<LeadComplianceService.ConsentView>marshaller()))
                    .orElseGet(() -> ApiErrors.error(StatusCodes.NOT_FOUND, "no lead " + leadId))))))),
        path("revoke", () -> post(() -> onSuccess(service.revokeConsent(leadId, "API", actor), n -> n
            .<Route>map(count -> complete(StatusCodes.OK, java.util.Map.of("revoked", count), Json.marshaller()))
            .orElseGet(() -> ApiErrors.error(StatusCodes.NOT_FOUND, "no lead " + leadId))))))));
  }

  private Route companyNumbers() {
    return concat(
        pathEnd(() -> concat(
            get(() -> onSuccess(service.companyNumbers(), list -> complete(StatusCodes.OK, list, Json.marshaller()))),
            post(() -> entity(Json.unmarshaller(LeadComplianceService.CompanyNumberView.class), number ->
                onSuccess(service.addCompanyNumber(number), added -> complete(StatusCodes.CREATED, added, Json.<LeadComplianceService.CompanyNumberView>marshaller())))))),
        path(segment(), number -> delete(() -> onSuccess(service.removeCompanyNumber(number), removed -> removed
            ? complete(StatusCodes.NO_CONTENT)
            : ApiErrors.error(StatusCodes.NOT_FOUND, "no company number " + number)))));
  }
}
