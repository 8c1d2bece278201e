package io.autodial.http.dnc;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.longSegment;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import io.autodial.http.auth.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.javadsl.FileIO;

/**
 * {@code /dnc}, mounted by the caller under {@code /api} behind admin authentication: the internal
 * and campaign lists by phone, and the national registry (upload, import progress, status). A
 * registry file is streamed to a temporary file, never held in memory.
 */
public final class DncRoutes {
  /** A national registry file is about 12 bytes a number: 2 GiB leaves room for 100 million. */
  public static final long DEFAULT_MAX_REGISTRY_BYTES = 2L * 1024 * 1024 * 1024;

  private final DncService dnc;
  private final long maxRegistryBytes;

  public DncRoutes(DncService dnc) {
    this(dnc, DEFAULT_MAX_REGISTRY_BYTES);
  }

  public DncRoutes(DncService dnc, long maxRegistryBytes) {
    this.dnc = dnc;
    this.maxRegistryBytes = maxRegistryBytes;
  }

  public Route route(Principal principal) {
    String actor = "admin:" + principal.username();
    return handleExceptions(
        failures(),
        () ->
            pathPrefix(
                "dnc",
                () ->
                    concat(
                        pathPrefix(
                            "registry",
                            () ->
                                concat(
                                    pathEnd(() -> concat(get(this::status), post(() -> upload(actor)))),
                                    path(segment("imports").slash(longSegment()), id -> get(() -> progress(id))))),
                        pathEnd(() -> post(() -> add(actor))),
                        path(
                            segment(),
                            phone ->
                                parameterOptional(
                                    "campaignId",
                                    campaign -> concat(get(() -> check(phone, campaign)), delete(() -> remove(phone, campaign, actor))))))));
  }

  private Route add(String actor) {
    return entity(
        Json.unmarshaller(DncEntryRequest.class),
        request -> onSuccess(dnc.add(request, actor), hit -> complete(StatusCodes.CREATED, hit, Json.<DncHitView>marshaller())));
  }

  private Route check(String phone, Optional<String> campaign) {
    return onSuccess(
        dnc.check(phone, campaign.orElse(null)),
        hit ->
            hit.isPresent()
                ? complete(StatusCodes.OK, hit.get(), Json.<DncHitView>marshaller())
                : ApiErrors.error(StatusCodes.NOT_FOUND, "phone " + phone + " is on no do-not-call list" + forCampaign(campaign)));
  }

  private Route remove(String phone, Optional<String> campaign, String actor) {
    return onSuccess(
        dnc.remove(phone, campaign.orElse(null), actor),
        removed ->
            removed
                ? complete(StatusCodes.NO_CONTENT)
                : ApiErrors.error(StatusCodes.NOT_FOUND,
                    "phone " + phone + " is not on the " + campaign.map(c -> "list of campaign " + c).orElse("internal list")
                        + " (registry numbers cannot be removed)"));
  }

  private Route status() {
    return onSuccess(dnc.registryStatus(), s -> complete(StatusCodes.OK, s, Json.<RegistryStatusView>marshaller()));
  }

  private Route progress(long id) {
    return onSuccess(
        dnc.registryImport(id),
        p -> p.isPresent() ? complete(StatusCodes.OK, p.get(), Json.<RegistryImportView>marshaller())
            : ApiErrors.error(StatusCodes.NOT_FOUND, "no registry import " + id));
  }

  /** The body is the file (text/plain or text/csv); {@code ?date=} is the registry file's date. */
  private Route upload(String actor) {
    return parameterOptional(
        "date",
        date -> {
          if (date.isEmpty() || date.get().isBlank())
            return ApiErrors.error(StatusCodes.BAD_REQUEST, "give the registry file's date: POST /api/dnc/registry?date=YYYY-MM-DD");
          LocalDate registryDate;
          try {
            registryDate = LocalDate.parse(date.get().trim());
          } catch (DateTimeParseException e) {
            return ApiErrors.error(StatusCodes.BAD_REQUEST, "date '" + date.get() + "' is not a date like 2026-11-01");
          }
          return extractRequestEntity(
              entity -> {
                MediaType type = entity.getContentType().mediaType();
                if (!type.mainType().equals("text") || !(type.subType().equals("plain") || type.subType().equals("csv")))
                  return ApiErrors.error(StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                      "send the registry file as the body with Content-Type text/plain or text/csv (one number a line, or CSV with the number first)");
                return extractMaterializer(
                    mat -> {
                      Path file = tempFile();
                      CompletionStage<RegistryImportView> started =
                          entity.withSizeLimit(maxRegistryBytes).getDataBytes().runWith(FileIO.toPath(file), mat)
                              .thenCompose(written -> dnc.importRegistry(file, registryDate, actor))
                              .whenComplete((ok, failed) -> {
                                if (failed != null) deleteQuietly(file); // on success the import deletes it when done
                              });
                      return onSuccess(
                          started,
                          view ->
                              respondWithHeader(
                                  Location.create("/api/dnc/registry/imports/" + view.id()),
                                  () -> complete(StatusCodes.ACCEPTED, view, Json.<RegistryImportView>marshaller())));
                    });
              });
        });
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("dnc-registry-", ".upload");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file: the OS cleans up what is left
    }
  }

  private static String forCampaign(Optional<String> campaign) {
    return campaign.map(c -> " for campaign " + c).orElse(" (internal or registry; give ?campaignId= to include a campaign's list)");
  }

  private ExceptionHandler failures() {
    return ExceptionHandler.newBuilder().matchAny(this::failure).build();
  }

  private Route failure(Throwable t) {
    if (t instanceof CompletionException && t.getCause() != null) return failure(t.getCause());
    if (t instanceof DncFailure f)
      return ApiErrors.error(f.kind() == DncFailure.Kind.CONFLICT ? StatusCodes.CONFLICT : StatusCodes.BAD_REQUEST, f.getMessage());
    if (t instanceof IllegalArgumentException) return ApiErrors.error(StatusCodes.BAD_REQUEST, t.getMessage());
    if (t instanceof EntityStreamSizeException || (t.getCause() instanceof EntityStreamSizeException))
      return ApiErrors.error(StatusCodes.PAYLOAD_TOO_LARGE, "the registry file is larger than " + maxRegistryBytes / (1024 * 1024) + " MiB");
    return ApiErrors.error(StatusCodes.INTERNAL_SERVER_ERROR, "internal error: " + t.getClass().getSimpleName());
  }
}
