package io.autodial.http.leads;

import java.util.List;

/**
 * What an upload did. {@code rowsRead} counts data rows from startRow on; each rejected row names
 * its physical line in the file (the header is line 1) and what to fix.
 */
public record ImportReportView(int rowsRead, int loaded, List<RejectedRowView> rejected) {
  public record RejectedRowView(long line, String reason) {}
}
