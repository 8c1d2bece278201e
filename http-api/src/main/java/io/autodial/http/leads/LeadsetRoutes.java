package io.autodial.http.leads;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.longSegment;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * {@code /leadsets} and {@code /leads}, mounted by the caller under {@code /api} behind admin
 * authentication. Every refusal is a JSON error body that says what to fix.
 */
public final class LeadsetRoutes {
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

  private final LeadsService leads;
  private final MultipartUpload multipart;
  private final long maxUploadBytes;

  public LeadsetRoutes(LeadsService leads) {
    this(leads, DEFAULT_MAX_UPLOAD_BYTES);
  }

  /** {@code maxUploadBytes} bounds an uploaded or pasted file (a URL's size is the node's fetcher's to bound). */
  public LeadsetRoutes(LeadsService leads, long maxUploadBytes) {
    this.leads = leads;
    this.maxUploadBytes = maxUploadBytes;
    this.multipart = new MultipartUpload(leads);
  }

  public Route route() {
    return handleExceptions(
        failures(),
        () ->
            concat(
                pathPrefix(
                    "leadsets",
                    () ->
                        concat(
                            pathEnd(() -> concat(post(this::createLeadset), get(this::listLeadsets))),
                            pathPrefix(
                                longSegment(),
                                id ->
                                    concat(
                                        pathEnd(
                                            () ->
                                                concat(
                                                    get(() -> getLeadset(id)),
                                                    put(() -> updateLeadset(id)),
                                                    delete(() -> deleteLeadset(id)))),
                                        path("uploads", () -> post(() -> upload(id))),
                                        path("leads", () -> post(() -> addLead(id))))))),
                path(segment("leads").slash(longSegment()), id -> get(() -> getLead(id))),
                path(segment("leads").slash(longSegment()).slash("skips"), id -> get(() -> getSkips(id)))));
  }

  private Route createLeadset() {
    return entity(
        Json.unmarshaller(LeadsetRequest.class),
        request -> onSuccess(leads.createLeadset(request), set -> complete(StatusCodes.CREATED, set, Json.marshaller())));
  }

  private Route listLeadsets() {
    return onSuccess(leads.listLeadsets(), sets -> complete(StatusCodes.OK, sets, Json.marshaller()));
  }

  private Route getLeadset(long id) {
    return onSuccess(
        leads.getLeadset(id),
        set -> set.isPresent() ? complete(StatusCodes.OK, set.get(), Json.<LeadsetDetails>marshaller()) : noLeadset(id));
  }

  private Route updateLeadset(long id) {
    return entity(
        Json.unmarshaller(LeadsetRequest.class),
        request ->
            onSuccess(
                leads.updateLeadset(id, request),
                set -> set.isPresent() ? complete(StatusCodes.OK, set.get(), Json.<LeadsetView>marshaller()) : noLeadset(id)));
  }

  private Route deleteLeadset(long id) {
    return onSuccess(leads.deleteLeadset(id), deleted -> deleted ? complete(StatusCodes.NO_CONTENT) : noLeadset(id));
  }

  /** A multipart form with a file part, or JSON with pasted {@code csv} or a {@code url}. */
  private Route upload(long id) {
    return withSizeLimit(
        maxUploadBytes,
        () ->
            extractRequestEntity(
                entity ->
                    entity.getContentType().mediaType().isMultipart()
                        ? multipart.route(id)
                        : entity(
                            Json.unmarshaller(CsvUploadRequest.class),
                            request ->
                                onSuccess(
                                    request.url() != null && !request.url().isBlank()
                                        ? leads.uploadFromUrl(id, request.url().trim(), request.options())
                                        : leads.uploadCsv(id, request.csv(), request.options()),
                                    report -> complete(StatusCodes.OK, report, Json.<ImportReportView>marshaller())))));
  }

  private Route addLead(long id) {
    return entity(
        Json.unmarshaller(LeadRequest.class),
        request -> onSuccess(leads.addLead(id, request), lead -> complete(StatusCodes.CREATED, lead, Json.<LeadView>marshaller())));
  }

  private Route getLead(long id) {
    return onSuccess(
        leads.getLead(id),
        lead ->
            lead.isPresent()
                ? complete(StatusCodes.OK, lead.get(), Json.<LeadView>marshaller())
                : ApiErrors.error(StatusCodes.NOT_FOUND, "no lead " + id));
  }

  private Route getSkips(long id) {
    return onSuccess(
        leads.getSkips(id),
        skips ->
            skips.isPresent()
                ? complete(StatusCodes.OK, skips.get(), Json.marshaller())
                : ApiErrors.error(StatusCodes.NOT_FOUND, "no lead " + id));
  }

  private static Route noLeadset(long id) {
    return ApiErrors.error(StatusCodes.NOT_FOUND, "no leadset " + id);
  }

  private ExceptionHandler failures() {
    return ExceptionHandler.newBuilder().matchAny(this::failure).build();
  }

  private Route failure(Throwable t) {
    if (t instanceof CompletionException && t.getCause() != null) return failure(t.getCause());
    if (t instanceof LeadsFailure f) return ApiErrors.error(status(f.kind()), f.getMessage());
    if (t instanceof IllegalArgumentException) return ApiErrors.error(StatusCodes.BAD_REQUEST, t.getMessage());
    if (t instanceof EntityStreamSizeException)
      return ApiErrors.error(
          StatusCodes.PAYLOAD_TOO_LARGE,
          "the upload is larger than the limit of " + maxUploadBytes / (1024 * 1024) + " MiB; split the file or give a URL");
    return ApiErrors.error(StatusCodes.INTERNAL_SERVER_ERROR, "internal error: " + t.getClass().getSimpleName());
  }

  private static StatusCode status(LeadsFailure.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> StatusCodes.NOT_FOUND;
      case INVALID -> StatusCodes.BAD_REQUEST;
      case CONFLICT -> StatusCodes.CONFLICT;
      case UNPROCESSABLE -> StatusCodes.UNPROCESSABLE_ENTITY;
    };
  }
}
