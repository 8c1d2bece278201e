package io.autodial.node.leads;

import io.autodial.node.db.Transactions;
import io.autodial.node.leads.ImportReport.RejectedRow;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads a CSV file of leads into a set. Bad rows are reported with their line and what to fix and
 * do not stop the good ones; the good ones are inserted in batches in one transaction, so an
 * import either loads all its good rows or (on a database failure) none. Blocking: run it on a
 * dedicated executor.
 */
public final class CsvLeadImport {
  private static final int BATCH_SIZE = 1000;
  private final DataSource dataSource;

  public CsvLeadImport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The report of loading {@code csv} into set {@code leadsetId}. {@link IllegalArgumentException}
   * when the file cannot be matched to the mapping at all (no header, a mapped header missing, an
   * unknown default region); {@link NoSuchLeadset} when the set does not exist.
   */
  public ImportReport load(long leadsetId, Reader csv, ImportOptions options) {
    LeadValidator validator = new LeadValidator(new PhoneNumbers(options.defaultRegion()));
    CSVParser parser = open(csv);
    Columns columns = Columns.resolve(options.mapping(), parser.getHeaderNames());
    return Transactions.inTransaction(
        dataSource,
        c -> {
          lockLeadset(c, leadsetId);
          try (PreparedStatement insert =
              c.prepareStatement(options.dedupe() ? LeadInserts.INSERT_IF_NEW : LeadInserts.UPSERT_CONTACT)) {
            return new Run(leadsetId, options, validator, columns, insert).readAll(parser);
          }
        });
  }

  private static CSVParser open(Reader csv) {
    try {
      return CSVFormat.DEFAULT.builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(false) // so that line numbers stay exact; blank lines are skipped below
          .setAllowMissingColumnNames(true)
          .setTrim(true)
          .get()
          .parse(csv);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("the header line cannot be read as CSV: " + e.getMessage());
    }
  }

  /** Holds the set against deletion while its leads are being loaded. */
  private static void lockLeadset(Connection c, long leadsetId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM leadsets WHERE id = ? FOR SHARE")) {
      ps.setLong(1, leadsetId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new NoSuchLeadset(leadsetId);
      }
    }
  }

  /** The file's actual header for each mapped field, and the headers that become custom fields. */
  private record Columns(Map<String, String> headerByField, List<String> customHeaders, int width) {
    static Columns resolve(ColumnMapping mapping, List<String> headers) {
      if (headers.isEmpty()) throw new IllegalArgumentException("the file is empty: the first line must name the columns");
      Map<String, String> byField = new LinkedHashMap<>();
      mapping.mappedHeaders()
          .forEach(
              (field, wanted) ->
                  byField.put(
                      field,
                      headers.stream()
                          .filter(h -> h.equalsIgnoreCase(wanted.trim()))
                          .findFirst()
                          .orElseThrow(
                              () ->
                                  new IllegalArgumentException(
                                      "the mapping names header '" + wanted + "' for " + field
                                          + ", but the file has no such column; its headers are: " + String.join(", ", headers)))));
      List<String> custom =
          mapping.keepUnmappedAsCustom()
              ? headers.stream().filter(h -> !h.isBlank() && !byField.containsValue(h)).toList()
              : List.of();
      return new Columns(byField, custom, headers.size());
    }

    String value(CSVRecord record, String field) {
      String header = headerByField.get(field);
      return header == null ? null : record.get(header);
    }
  }

  /** The state of one import: counters, rejections, phones seen, and the batch not yet written. */
  private static final class Run {
    private final long leadsetId;
    private final ImportOptions options;
    private final LeadValidator validator;
    private final Columns columns;
    private final PreparedStatement insert;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private final Map<String, Long> firstLineByPhone = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private int rowsRead;
    private int loaded;

    private record Pending(long line, NewLead lead) {}

    Run(long leadsetId, ImportOptions options, LeadValidator validator, Columns columns, PreparedStatement insert) {
      this.leadsetId = leadsetId;
      this.options = options;
      this.validator = validator;
      this.columns = columns;
      this.insert = insert;
    }

    ImportReport readAll(CSVParser parser) throws SQLException {
      Iterator<CSVRecord> records = parser.iterator();
      long dataRow = 0;
      while (true) {
        // The parser has consumed exactly the lines before the next record.
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) break;
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // After broken quoting the parser cannot tell where rows start again, so reading stops.
          rejected.add(new RejectedRow(line, structureProblem(e) + "; the rows after it were not read"));
          break;
        }
        if (record.size() == 1 && record.get(0).isEmpty()) continue; // blank line
        dataRow++;
        if (dataRow < options.startRow()) continue;
        rowsRead++;
        parse(line, record).ifPresent(lead -> queue(line, lead));
        if (pending.size() >= BATCH_SIZE) flush();
      }
      flush();
      rejected.sort(Comparator.comparingLong(RejectedRow::line));
      return new ImportReport(rowsRead, loaded, rejected);
    }

    private Optional<NewLead> parse(long line, CSVRecord record) {
      if (!record.isConsistent()) {
        rejected.add(
            new RejectedRow(
                line,
                "has " + record.size() + " fields but the header has " + columns.width()
                    + " (an unquoted comma or a missing field?)"));
        return Optional.empty();
      }
      try {
        Map<String, String> custom = new LinkedHashMap<>();
        for (String header : columns.customHeaders()) {
          String value = record.get(header);
          if (!value.isEmpty()) custom.put(header, value);
        }
        LeadInput input =
            new LeadInput(
                columns.value(record, "phone"),
                columns.value(record, "first_name"),
                columns.value(record, "last_name"),
                columns.value(record, "email"),
                columns.value(record, "company"),
                columns.value(record, "time_zone"),
                columns.value(record, "status"),
                priority(columns.value(record, "priority")),
                custom);
        return Optional.of(validator.validate(input));
      } catch (LeadRejected e) {
        rejected.add(new RejectedRow(line, e.reason()));
        return Optional.empty();
      }
    }

    private void queue(long line, NewLead lead) {
      Long first = firstLineByPhone.putIfAbsent(lead.phone(), line);
      if (first != null && options.dedupe()) {
        rejected.add(new RejectedRow(line, "duplicate of line " + first + " (same phone " + lead.phone() + ")"));
        return;
      }
      pending.add(new Pending(line, lead));
    }

    private void flush() throws SQLException {
      if (pending.isEmpty()) return;
      for (Pending p : pending) {
        LeadInserts.bind(insert, leadsetId, p.lead());
        insert.addBatch();
      }
      int[] counts = insert.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          Pending p = pending.get(i);
          rejected.add(new RejectedRow(p.line(), "phone " + p.lead().phone() + " is already in this leadset"));
        } else {
          loaded++;
        }
      }
      pending.clear();
    }

    private static int priority(String raw) {
      if (raw == null || raw.isEmpty()) return 0;
      try {
        return Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        throw new LeadRejected("priority '" + raw + "' is not a whole number");
      }
    }

    private static String structureProblem(RuntimeException e) {
      String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      if (message.contains("EOF reached before encapsulated token finished"))
        return "unterminated quoted field: a quote opened on this line is never closed";
      return "malformed CSV: " + message;
    }
  }
}
