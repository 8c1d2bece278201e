package io.autodial.node.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.autodial.node.db.ReadModelPool;
import io.autodial.node.leads.ImportReport.RejectedRow;
import io.autodial.node.support.TestDatabases;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsvLeadImportTest {
  private static final String HEADER = "Phone,First,Last,E-mail,Status,Plan,Region";
  private static final ColumnMapping MAPPING =
      new ColumnMapping("Phone", "Status", "First", "Last", "E-mail", null, null, null, true);

  private HikariDataSource db;
  private CsvLeadImport importer;
  private LeadRepository leads;
  private long leadset;

  @BeforeEach
  void setUp() {
    db = ReadModelPool.create(TestDatabases.fresh());
    importer = new CsvLeadImport(db);
    leads = new LeadRepository(db, new LeadValidator(new PhoneNumbers()));
    leadset = new LeadsetRepository(db).create("march", null).id();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /** Data row {@code i} (1-based) of a good file; its physical line is i + 1. */
  private static String goodRow(int i) {
    String phone =
        switch (i % 3) {
          case 0 -> String.format("(212) %03d-%04d", 200 + i / 100, 1000 + i);
          case 1 -> String.format("212.%03d.%04d", 200 + i / 100, 1000 + i);
          default -> String.format("+1 212 %03d %04d", 200 + i / 100, 1000 + i);
        };
    return phone + ",Ada" + i + ",Lovelace,ada" + i + "@example.com," + (i % 2 == 0 ? "new" : "NEW") + ",gold,north";
  }

  @Test
  void fiveHundredRowsWithTwentyBadOnesLoadTheOtherFourHundredEighty() {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 500; i++) rows.add(goodRow(i));
    Map<Long, String> expected = new LinkedHashMap<>();
    // physical line = data row + 1
    bad(rows, expected, 3, "12,A,B,a@example.com,NEW,gold,north", "phone '12' is not a valid phone number for region US (too short)");
    bad(rows, expected, 20, "call me,A,B,a@example.com,NEW,gold,north", "phone 'call me' is not a valid phone number for region US (not a number)");
    bad(rows, expected, 41, ",A,B,a@example.com,NEW,gold,north", "missing phone");
    bad(rows, expected, 77, "212 555 0000 000,A,B,a@example.com,NEW,gold,north", "phone '212 555 0000 000' is not a valid phone number for region US (too long)");
    bad(rows, expected, 90, "(212) 200-1050,A,B,,,gold,north", "missing status");
    bad(rows, expected, 120, "(212) 201-1120,A,B,,  ,gold,north", "missing status");
    bad(rows, expected, 150, "(212) 201-1150,A,B,, ,gold,north", "missing status");
    bad(rows, expected, 200, "212.200.1010,A,B,,NEW,gold,north", "duplicate of line 11 (same phone +12122001010)");
    bad(rows, expected, 230, "+1 212 200 1011,A,B,,NEW,gold,north", "duplicate of line 12 (same phone +12122001011)");
    bad(rows, expected, 260, "2122001012,A,B,,NEW,gold,north", "duplicate of line 13 (same phone +12122001012)");
    bad(rows, expected, 300, "(212) 203-1300,A,B,x,NEW,gold,north", "email 'x' is not an email address");
    bad(rows, expected, 310, "(212) 203-1310,A,B,ada@,NEW,gold,north", "email 'ada@' is not an email address");
    bad(rows, expected, 320, "(212) 203-1320,A,B,a b@c.d,NEW,gold,north", "email 'a b@c.d' is not an email address");
    bad(rows, expected, 350, "(212) 203-1350,A,Smith, Jr,a@example.com,NEW,gold,north", "has 8 fields but the header has 7 (an unquoted comma or a missing field?)");
    bad(rows, expected, 360, "(212) 203-1360,A,B,NEW", "has 4 fields but the header has 7 (an unquoted comma or a missing field?)");
    bad(rows, expected, 370, "(212) 203-1370", "has 1 fields but the header has 7 (an unquoted comma or a missing field?)");
    bad(rows, expected, 400, "(212) 204-1400,A,B,,FOO,gold,north", "status 'FOO' is not one of NEW, RETRY, CALLBACK, DNC");
    bad(rows, expected, 410, "(212) 204-1410,A,B,,dialing,gold,north", "status 'dialing' is not one of NEW, RETRY, CALLBACK, DNC");
    bad(rows, expected, 420, "(212) 204-1420,A,B,,ANSWERED,gold,north", "status 'ANSWERED' is not one of NEW, RETRY, CALLBACK, DNC");
    bad(rows, expected, 450, "+44 12,A,B,,NEW,gold,north", "phone '+44 12' is not a valid phone number for region GB (too short)");
    assertThat(expected).hasSize(20);

    ImportReport report = importer.load(leadset, csv(rows), ImportOptions.of(MAPPING));

    assertThat(report.rowsRead()).isEqualTo(500);
    assertThat(report.loaded()).isEqualTo(480);
    assertThat(report.rejected())
        .containsExactlyElementsOf(expected.entrySet().stream().map(e -> new RejectedRow(e.getKey(), e.getValue())).toList());
    assertThat(leads.counts(List.of(leadset), Instant.now()).total()).isEqualTo(480);
  }

  @Test
  void unmappedColumnsLandInCustomAndFieldsAreNormalized() {
    ImportReport report = importer.load(leadset, csv(List.of(goodRow(1))), ImportOptions.of(MAPPING));
    assertThat(report.loaded()).isEqualTo(1);
    Lead lead = onlyLead();
    assertThat(lead.phone()).isEqualTo("+12122001001");
    assertThat(lead.firstName()).isEqualTo("Ada1");
    assertThat(lead.email()).isEqualTo("ada1@example.com");
    assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
    assertThat(lead.timeZone()).isEqualTo("America/New_York");
    assertThat(lead.custom()).isEqualTo(Map.of("Plan", "gold", "Region", "north"));
  }

  @Test
  void withoutKeepUnmappedCustomStaysEmpty() {
    ColumnMapping mapping = new ColumnMapping("phone", "status", null, null, null, null, null, null, false);
    importer.load(leadset, csv(List.of(goodRow(1))), ImportOptions.of(mapping)); // headers match case-insensitively
    assertThat(onlyLead().custom()).isEmpty();
  }

  @Test
  void startRowSkipsRowsAlreadyLoadedAndKeepsPhysicalLineNumbers() {
    List<String> rows = new ArrayList<>(List.of(goodRow(1), goodRow(2), goodRow(3), "12,A,B,,NEW,gold,north", goodRow(5)));
    rows.add(2, ""); // a blank line is not a data row but is a line
    ImportReport report = importer.load(leadset, csv(rows), new ImportOptions(MAPPING, 3, true, "US"));
    assertThat(report.rowsRead()).isEqualTo(3);
    assertThat(report.loaded()).isEqualTo(2);
    assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(6L);
  }

  @Test
  void dedupeAgainstTheLeadsetReportsEachRowAndDedupeOffUpdatesContactFieldsOnly() {
    importer.load(leadset, csv(List.of(goodRow(1), goodRow(2))), ImportOptions.of(MAPPING));
    String changed = goodRow(1).replace("Ada1", "Grace").replace(",NEW,", ",DNC,");

    ImportReport again = importer.load(leadset, csv(List.of(changed, goodRow(3))), ImportOptions.of(MAPPING));
    assertThat(again.loaded()).isEqualTo(1);
    assertThat(again.rejected()).containsExactly(new RejectedRow(2, "phone +12122001001 is already in this leadset"));

    ImportReport update = importer.load(leadset, csv(List.of(changed)), new ImportOptions(MAPPING, 1, false, "US"));
    assertThat(update.loaded()).isEqualTo(1);
    assertThat(update.rejected()).isEmpty();
    Lead lead = leads.find(leadIdOf("+12122001001")).orElseThrow();
    assertThat(lead.firstName()).isEqualTo("Grace");
    assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
  }

  @Test
  void anUnterminatedQuoteRejectsItsLineAndKeepsTheRowsBeforeIt() {
    List<String> rows = List.of(goodRow(1), goodRow(2), "\"(212) 200-1003,A,B,,NEW,gold,north", goodRow(4));
    ImportReport report = importer.load(leadset, csv(rows), ImportOptions.of(MAPPING));
    assertThat(report.loaded()).isEqualTo(2);
    assertThat(report.rejected())
        .containsExactly(
            new RejectedRow(4, "unterminated quoted field: a quote opened on this line is never closed; the rows after it were not read"));
  }

  @Test
  void quotedFieldsMaySpanLinesAndLineNumbersFollowTheFile() {
    List<String> rows = List.of("(212) 200-1001,\"Ada\nAugusta\",L,,NEW,gold,north", "12,A,B,,NEW,gold,north");
    ImportReport report = importer.load(leadset, csv(rows), ImportOptions.of(MAPPING));
    assertThat(report.loaded()).isEqualTo(1);
    assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(4L);
  }

  @Test
  void aMappedHeaderMissingFromTheFileIsNamedWithTheHeadersPresent() {
    ColumnMapping mapping = new ColumnMapping("Mobile", "Status", null, null, null, null, null, null, true);
    assertThatThrownBy(() -> importer.load(leadset, csv(List.of(goodRow(1))), ImportOptions.of(mapping)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the mapping names header 'Mobile' for phone, but the file has no such column; its headers are: "
                + "Phone, First, Last, E-mail, Status, Plan, Region");
    assertThatThrownBy(() -> importer.load(424242, csv(List.of(goodRow(1))), ImportOptions.of(MAPPING)))
        .isInstanceOf(NoSuchLeadset.class);
  }

  private static void bad(List<String> rows, Map<Long, String> expected, int dataRow, String row, String reason) {
    rows.set(dataRow - 1, row);
    expected.put((long) dataRow + 1, reason);
  }

  private static StringReader csv(List<String> rows) {
    return new StringReader(HEADER + "\n" + String.join("\n", rows) + "\n");
  }

  private Lead onlyLead() {
    assertThat(leads.counts(List.of(leadset), Instant.now()).total()).isEqualTo(1);
    return leads.find(leadIdOf("+12122001001")).orElseThrow();
  }

  private long leadIdOf(String phone) {
    try (var c = db.getConnection(); var ps = c.prepareStatement("SELECT id FROM leads WHERE phone = ?")) {
      ps.setString(1, phone);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
