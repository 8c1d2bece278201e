package io.autodial.http.leads;

import static org.apache.pekko.http.javadsl.server.Directives.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.Multipart;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * {@code multipart/form-data} upload: a {@code file} part with the CSV, a {@code mapping} part with
 * the column mapping as JSON, and optional {@code startRow}, {@code dedupe}, {@code defaultRegion}.
 */
final class MultipartUpload {
  private static final long READ_TIMEOUT_MILLIS = 60_000;
  private final LeadsService leads;

  MultipartUpload(LeadsService leads) {
    this.leads = leads;
  }

  Route route(long leadsetId) {
    return entity(
        Unmarshaller.entityToMultipartFormData(),
        form ->
            extractMaterializer(
                materializer ->
                    onSuccess(
                        form.toStrict(READ_TIMEOUT_MILLIS, materializer),
                        strict -> load(leadsetId, partsByName(strict)))));
  }

  private Route load(long leadsetId, Map<String, String> parts) {
    String csv = parts.get("file");
    if (csv == null) return ApiErrors.error(StatusCodes.BAD_REQUEST, "the form needs a 'file' part with the CSV");
    String mappingJson = parts.get("mapping");
    if (mappingJson == null)
      return ApiErrors.error(StatusCodes.BAD_REQUEST, "the form needs a 'mapping' part: JSON naming the CSV header of phone, status, ...");
    UploadOptions options;
    try {
      options =
          new UploadOptions(
              Json.MAPPER.readValue(mappingJson, ColumnMappingRequest.class),
              parts.containsKey("startRow") ? startRow(parts.get("startRow")) : 1,
              !parts.containsKey("dedupe") || Boolean.parseBoolean(parts.get("dedupe").trim()),
              parts.get("defaultRegion"));
    } catch (JsonProcessingException e) {
      return ApiErrors.error(StatusCodes.BAD_REQUEST, "the 'mapping' part is not valid: " + reason(e));
    }
    return onSuccess(
        leads.uploadCsv(leadsetId, csv, options),
        report -> complete(StatusCodes.OK, report, Json.<ImportReportView>marshaller()));
  }

  private static Map<String, String> partsByName(Multipart.FormData.Strict form) {
    Map<String, String> parts = new HashMap<>();
    for (Multipart.FormData.BodyPart.Strict part : form.getStrictParts())
      parts.put(part.getName(), part.getEntity().getData().utf8String());
    return parts;
  }

  private static long startRow(String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("startRow '" + raw + "' is not a whole number");
    }
  }

  /** The mapping record's own message (e.g. "mapping.phone must name ...") when it has one. */
  private static String reason(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause())
      if (t instanceof IllegalArgumentException && t.getMessage() != null) return t.getMessage();
    return e.getOriginalMessage();
  }
}
