package io.autodial.http.compliance;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.longSegment;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import io.autodial.http.auth.Authentication;
import io.autodial.http.auth.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * The compliance audit trail, its report and erasure, mounted under {@code /api}: staff
 * (admin, supervisor) read the trail and the report; only an admin erases a contact or looks up a
 * phone number's trail. Lists are oldest first, paged by {@code after} (the last id seen) and
 * {@code limit}.
 */
public final class AuditRoutes {
  /** Rows fetched per page while streaming the CSV: bounded memory however long the trail. */
  static final int CSV_PAGE = 500;
  private static final ContentType.WithCharset CSV = MediaTypes.TEXT_CSV.toContentType(HttpCharsets.UTF_8);

  private final ComplianceAuditService audit;

  public AuditRoutes(ComplianceAuditService audit) {
    this.audit = audit;
  }

  public Route route(Principal principal) {
    return handleExceptions(
        failures(),
        () ->
            concat(
                path(segment("leads").slash(longSegment()).slash("audit"), leadId ->
                    get(() -> Authentication.staff(principal, () -> params(p -> list(audit.leadAudit(leadId, p.after(), p.limit())))))),
                pathPrefix(segment("campaigns").slash(segment()), campaignId ->
                    concat(
                        path("audit", () -> get(() -> Authentication.staff(principal, () -> params(p -> list(audit.campaignAudit(query(campaignId, p, p.limit()))))))),
                        path("audit.csv", () -> get(() -> Authentication.staff(principal, () -> params(p -> csv(campaignId, p))))),
                        path("compliance-report", () -> get(() -> Authentication.staff(principal, () -> params(p -> report(campaignId, p))))))),
                pathPrefix("contacts", () ->
                    concat(
                        path("erasure", () -> post(() -> Authentication.admin(principal, () -> contact(c -> erase(c, principal))))),
                        path("audit", () -> post(() -> Authentication.admin(principal, () -> params(p ->
                            contact(c -> list(audit.phoneAudit(c.phone(), p.after(), p.limit())))))))))));
  }

  private static Route params(java.util.function.Function<AuditParams, Route> inner) {
    return parameterMap(map -> inner.apply(new AuditParams(map)));
  }

  private static Route contact(java.util.function.Function<ContactRequest, Route> inner) {
    return entity(Json.unmarshaller(ContactRequest.class), inner::apply);
  }

  private AuditQuery query(String campaignId, AuditParams p, int limit) {
    return new AuditQuery(campaignId, p.fromInstant(), p.toInstant(), p.kind(audit.kinds()), p.after(), limit);
  }

  private static Route list(CompletionStage<List<AuditEntryView>> entries) {
    return onSuccess(entries, list -> complete(StatusCodes.OK, list, Json.<List<AuditEntryView>>marshaller()));
  }

  /** Streamed page by page (keyset on id), so a year of trail never sits in memory. */
  private Route csv(String campaignId, AuditParams p) {
    AuditQuery first = query(campaignId, p, CSV_PAGE); // validates before the 200 goes out
    Long cap = p.csvLimit();
    Source<AuditEntryView, NotUsed> rows =
        Source.<Long, List<AuditEntryView>>unfoldAsync(first.afterId(), after ->
                audit.campaignAudit(first.after(after)).thenApply(page ->
                    page.isEmpty() ? Optional.<Pair<Long, List<AuditEntryView>>>empty() : Optional.of(Pair.create(page.get(page.size() - 1).id(), page))))
            .mapConcat(page -> page);
    if (cap != null) rows = rows.take(cap);
    Source<ByteString, NotUsed> body = Source.single(AuditCsv.HEADER).concat(rows.map(AuditCsv::row)).map(ByteString::fromString);
    return complete(
        HttpResponse.create()
            .withEntity(HttpEntities.createChunked(CSV, body))
            .addHeader(RawHeader.create("Content-Disposition", "attachment; filename=\"audit-" + campaignId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv\"")));
  }

  private Route report(String campaignId, AuditParams p) {
    AuditParams.Days days = p.reportDays(LocalDate.now(ZoneOffset.UTC));
    return onSuccess(audit.report(campaignId, days.from(), days.to()), r -> complete(StatusCodes.OK, r, Json.<ComplianceReportView>marshaller()));
  }

  private Route erase(ContactRequest request, Principal principal) {
    return onSuccess(audit.erase(request.phone(), "admin:" + principal.username()), r -> complete(StatusCodes.OK, r, Json.<ErasureResult>marshaller()));
  }

  private static ExceptionHandler failures() {
    return ExceptionHandler.newBuilder().matchAny(AuditRoutes::failure).build();
  }

  private static Route failure(Throwable t) {
    if (t instanceof CompletionException && t.getCause() != null) return failure(t.getCause());
    if (t instanceof IllegalArgumentException) return ApiErrors.error(StatusCodes.BAD_REQUEST, t.getMessage());
    return ApiErrors.error(StatusCodes.INTERNAL_SERVER_ERROR, "internal error: " + t.getClass().getSimpleName());
  }
}
