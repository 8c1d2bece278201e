package io.autodial.node.leads;

import java.util.List;

/**
 * What an import did: data rows read (from startRow on), leads loaded, and each rejected row with
 * its physical line in the file (the header is line 1) and what to fix.
 */
public record ImportReport(int rowsRead, int loaded, List<RejectedRow> rejected) {
  public record RejectedRow(long line, String reason) {}

  public ImportReport {
    rejected = List.copyOf(rejected);
  }
}
