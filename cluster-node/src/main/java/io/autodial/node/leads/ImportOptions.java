package io.autodial.node.leads;

/**
 * How to load one CSV file. {@code startRow} is the 1-based data row (the header is not a data
 * row) to start from, so a file that was partly loaded can be resumed. With {@code dedupe}, a phone
 * seen earlier in the file or already in the set is rejected; without it, such a row replaces the
 * contact fields of the lead already there (never its dialing state).
 */
public record ImportOptions(ColumnMapping mapping, long startRow, boolean dedupe, String defaultRegion) {
  public ImportOptions {
    if (mapping == null) throw new IllegalArgumentException("a column mapping is required");
    if (startRow < 1) throw new IllegalArgumentException("startRow is 1-based and must be at least 1, not " + startRow);
  }

  public static ImportOptions of(ColumnMapping mapping) {
    return new ImportOptions(mapping, 1, true, PhoneNumbers.DEFAULT_REGION);
  }
}
