package io.autodial.http.leads;

/**
 * How to load an uploaded CSV: the column mapping, the 1-based data row to start from, whether
 * duplicates (in the file or already in the set) are rejected, and the region of numbers written
 * without a country code.
 */
public record UploadOptions(ColumnMappingRequest mapping, long startRow, boolean dedupe, String defaultRegion) {
  public static final String DEFAULT_REGION = "US";

  public UploadOptions {
    if (mapping == null) throw new IllegalArgumentException("mapping is required: which CSV header holds phone, status, ...");
    if (startRow < 1) throw new IllegalArgumentException("startRow is the 1-based data row to start from; it must be at least 1");
    defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? DEFAULT_REGION : defaultRegion.trim();
  }
}
