package io.autodial.http.compliance;

import java.util.ArrayList;
import java.util.List;

/** The audit trail as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they must be. */
final class AuditCsv {
  static final String HEADER = line(List.of("id", "at", "kind", "campaign_id", "lead_id", "phone_hash", "rule", "detail", "actor"));

  private AuditCsv() {}

  static String row(AuditEntryView e) {
    List<String> fields = new ArrayList<>();
    fields.add(Long.toString(e.id()));
    fields.add(e.at().toString());
    fields.add(e.kind());
    fields.add(e.campaignId());
    fields.add(e.leadId() == null ? null : e.leadId().toString());
    fields.add(e.phoneHash());
    fields.add(e.rule());
    fields.add(e.detail());
    fields.add(e.actor());
    return line(fields);
  }

  private static String line(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) b.append(',');
      b.append(quote(fields.get(i)));
    }
    return b.append("\r\n").toString();
  }

  /** A field with a comma, quote or line break is quoted, its quotes doubled; null is empty. */
  static String quote(String field) {
    if (field == null) return "";
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) return field;
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
