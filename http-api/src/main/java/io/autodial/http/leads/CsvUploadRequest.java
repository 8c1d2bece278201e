package io.autodial.http.leads;

/**
 * JSON body of {@code POST /api/leadsets/{id}/uploads}: either pasted CSV text ({@code csv}) or a
 * URL to fetch it from ({@code url}), never both.
 */
public record CsvUploadRequest(
    String csv, String url, ColumnMappingRequest mapping, Long startRow, Boolean dedupe, String defaultRegion) {

  public CsvUploadRequest {
    boolean hasCsv = csv != null && !csv.isBlank();
    boolean hasUrl = url != null && !url.isBlank();
    if (hasCsv == hasUrl)
      throw new IllegalArgumentException("give exactly one of csv (the pasted file) or url (where to fetch it)");
    if (mapping == null) throw new IllegalArgumentException("mapping is required: which CSV header holds phone, status, ...");
  }

  public UploadOptions options() {
    return new UploadOptions(mapping, startRow == null ? 1 : startRow, dedupe == null || dedupe, defaultRegion);
  }
}
