package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.freeswitch.sim.SimulatorConfig;
import io.autodial.node.AutodialNode;
import io.autodial.node.compliance.audit.AuditEntry;
import io.autodial.node.compliance.audit.AuditKind;
import io.autodial.node.support.ApiClient;
import io.autodial.node.support.TestDatabases;
import io.autodial.node.support.TestNode;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compliance audit trail end to end: decisions recorded through the node's AuditTrail, persisted
 * hashed, projected, read over the API as JSON, CSV and the compliance report; a contact's erasure.
 */
class AuditApiTest {
  private static final String PASSWORD = "audit-" + UUID.randomUUID();
  private static final String PHONE = "+14155552671";
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static ApiClient admin;
  private static ApiClient supervisor;

  @BeforeAll
  static void start() {
    sim = FreeSwitchSimulator.start(SimulatorConfig.defaults().withPort(0).withPassword(PASSWORD));
    node = TestNode.start(TestDatabases.fresh(), sim, PASSWORD);
    admin = new ApiClient(node.httpAddress()).login("admin", TestNode.ADMIN_PASSWORD);
    ok(admin.post("/api/users", Map.of("username", "sue", "password", "sue-password", "role", "SUPERVISOR")));
    supervisor = new ApiClient(node.httpAddress()).login("sue", "sue-password");
  }

  @AfterAll
  static void stop() {
    node.close();
    sim.close();
  }

  private static void record(String campaign, AuditKind kind, Long lead, String rule, String detail, Instant at) {
    node.auditTrail().record(new AuditEntry(at, kind, campaign, lead, PHONE, rule, detail, "dialer"));
  }

  @Test
  void decisionsAreKeptHashedAndReadPageByPage() throws Exception {
    String campaign = "audit-" + UUID.randomUUID();
    Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
    record(campaign, AuditKind.DIALED, 7L, null, null, t0);
    record(campaign, AuditKind.BLOCKED, 7L, "DNC_INTERNAL", "DNC_INTERNAL, CALLING_HOURS", t0.plusSeconds(60));
    record(campaign, AuditKind.BLOCKED, 8L, "CALLING_HOURS", "local time 21:05, \"after 9 pm\"", t0.plusSeconds(120));
    eventually("three entries projected", () -> supervisor.get("/api/campaigns/" + campaign + "/audit").body().size() == 3);

    JsonNode all = ok(supervisor.get("/api/campaigns/" + campaign + "/audit"));
    assertThat(all.get(0).get("kind").asText()).isEqualTo("DIALED");
    assertThat(all.get(2).get("rule").asText()).isEqualTo("CALLING_HOURS");
    assertThat(all.get(1).get("phoneHash").asText()).matches("[0-9a-f]{64}");
    assertThat(all.toString()).doesNotContain("4155552671");

    JsonNode firstPage = ok(supervisor.get("/api/campaigns/" + campaign + "/audit?limit=2"));
    assertThat(firstPage).hasSize(2);
    JsonNode secondPage = ok(supervisor.get("/api/campaigns/" + campaign + "/audit?limit=2&after=" + firstPage.get(1).get("id").asLong()));
    assertThat(secondPage).hasSize(1);
    assertThat(secondPage.get(0).get("leadId").asLong()).isEqualTo(8L);
    assertThat(ok(supervisor.get("/api/campaigns/" + campaign + "/audit?kind=blocked"))).hasSize(2);
    assertThat(ok(supervisor.get("/api/campaigns/" + campaign + "/audit?from=2026-03-01T10:01:00Z&to=2026-03-02"))).hasSize(2);
    assertThat(ok(supervisor.get("/api/leads/7/audit"))).hasSizeGreaterThanOrEqualTo(2);

    // the journal never holds the number in clear
    try (Connection c = node.readModel().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FILTER (WHERE position(convert_to(?, 'UTF8') IN event_payload) > 0), count(*) FROM event_journal WHERE persistence_id = ?")) {
      ps.setString(1, "4155552671");
      ps.setString(2, "ComplianceAudit|" + campaign);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(2)).isEqualTo(3);
        assertThat(rs.getLong(1)).isZero();
      }
      c.rollback();
    }

    // CSV: header, RFC 4180 quoting that a CSV parser reads back
    HttpResponse<String> csv = raw("/api/campaigns/" + campaign + "/audit.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("id,at,kind,campaign_id,lead_id,phone_hash,rule,detail,actor\r\n");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv.body())).getRecords();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(2).get("detail")).isEqualTo("local time 21:05, \"after 9 pm\"");
    assertThat(rows.get(1).get("phone_hash")).isEqualTo(all.get(1).get("phoneHash").asText());
  }

  @Test
  void badParametersAreJsonErrorsAndRolesAreEnforced() {
    for (String query : List.of("limit=0", "limit=x", "kind=NOPE", "from=yesterday", "after=-1")) {
      ApiClient.Response r = supervisor.get("/api/campaigns/c1/audit?" + query);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.body().get("message").asText()).as(query).isNotBlank();
    }
    assertThat(supervisor.get("/api/campaigns/c1/compliance-report?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
    assertThat(supervisor.get("/api/campaigns/c1/compliance-report?from=2020-01-01&to=2026-01-01").status()).isEqualTo(400);
    assertThat(supervisor.post("/api/contacts/erasure", Map.of("phone", PHONE)).status()).isEqualTo(403);
    assertThat(admin.post("/api/contacts/erasure", Map.of("phone", "12")).status()).isEqualTo(400);
    assertThat(new ApiClient(node.httpAddress()).get("/api/campaigns/c1/audit").status()).isEqualTo(401);
  }

  @Test
  void theReportCountsLiveAnswersAbandonmentsBlocksMessagesAndOptOutsPerDay() throws Exception {
    String campaign = "report-" + UUID.randomUUID();
    LocalDate day1 = LocalDate.of(2026, 4, 1);
    Instant d1 = day1.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
    Instant d2 = d1.plusSeconds(86_400);
    try (Connection c = node.readModel().getConnection()) {
      // day 1: 4 live answers, 1 abandoned; plus a broadcast and a machine that do not count
      callLog(c, campaign, d1, true, false, false);
      callLog(c, campaign, d1, true, false, false);
      callLog(c, campaign, d1, true, false, false);
      callLog(c, campaign, d1, false, true, false);
      callLog(c, campaign, d1, true, false, true);
      callLog(c, campaign, null, false, false, false);
      // day 2: 1 live answer, abandoned
      callLog(c, campaign, d2, false, true, false);
      c.commit();
    }
    record(campaign, AuditKind.BLOCKED, 1L, "DNC_INTERNAL", null, d1);
    record(campaign, AuditKind.BLOCKED, 2L, "DNC_INTERNAL", null, d1);
    record(campaign, AuditKind.BLOCKED, 3L, "CALLING_HOURS", null, d2);
    record(campaign, AuditKind.MESSAGE_PLAYED, 4L, "SAFE_HARBOR", null, d2);
    record(campaign, AuditKind.OPTED_OUT, 4L, null, null, d2);
    eventually("five entries projected", () -> supervisor.get("/api/campaigns/" + campaign + "/audit").body().size() == 5);

    JsonNode report = ok(supervisor.get("/api/campaigns/" + campaign + "/compliance-report?from=2026-04-01&to=2026-04-03"));
    JsonNode days = report.get("days");
    assertThat(days).hasSize(3);
    assertThat(days.get(0).get("date").asText()).isEqualTo("2026-04-01");
    assertThat(days.get(0).get("liveAnswers").asLong()).isEqualTo(4);
    assertThat(days.get(0).get("abandoned").asLong()).isEqualTo(1);
    assertThat(days.get(0).get("abandonmentPercent").asDouble()).isEqualTo(25.0);
    assertThat(days.get(0).get("blocksByRule").get("DNC_INTERNAL").asLong()).isEqualTo(2);
    assertThat(days.get(1).get("abandonmentPercent").asDouble()).isEqualTo(100.0);
    assertThat(days.get(1).get("messagesPlayed").asLong()).isEqualTo(1);
    assertThat(days.get(1).get("optOuts").asLong()).isEqualTo(1);
    assertThat(days.get(1).get("blocksByRule").get("CALLING_HOURS").asLong()).isEqualTo(1);
    assertThat(days.get(2).get("liveAnswers").asLong()).isZero();
    JsonNode total = report.get("total");
    assertThat(total.get("liveAnswers").asLong()).isEqualTo(5);
    assertThat(total.get("abandoned").asLong()).isEqualTo(2);
    assertThat(total.get("abandonmentPercent").asDouble()).isEqualTo(40.0);
    assertThat(total.get("blocksByRule").get("DNC_INTERNAL").asLong()).isEqualTo(2);
  }

  @Test
  void erasureRemovesTheContactButKeepsItsHashedTrail() throws Exception {
    String phone = "+14155550199";
    long set1 = ok(admin.post("/api/leadsets", Map.of("name", "erasure one " + UUID.randomUUID()))).get("id").asLong();
    long set2 = ok(admin.post("/api/leadsets", Map.of("name", "erasure two " + UUID.randomUUID()))).get("id").asLong();
    long lead1 = ok(admin.post("/api/leadsets/" + set1 + "/leads", Map.of("phone", phone, "firstName", "Erin", "email", "erin@example.com"))).get("id").asLong();
    long lead2 = ok(admin.post("/api/leadsets/" + set2 + "/leads", Map.of("phone", "(415) 555-0199", "lastName", "Smith"))).get("id").asLong();
    long other = ok(admin.post("/api/leadsets/" + set2 + "/leads", Map.of("phone", "+14155550198"))).get("id").asLong();
    String campaign = "erasure-" + UUID.randomUUID();
    UUID call;
    try (Connection c = node.readModel().getConnection()) {
      call = callLog(c, campaign, Instant.now(), false, false, false);
      try (PreparedStatement ps = c.prepareStatement("UPDATE call_log SET receiver = ?, notes = 'said her name is Erin', recording_url = '/rec/x.wav' WHERE call_uuid = ?")) {
        ps.setString(1, phone);
        ps.setObject(2, call);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO lead_skips (agent_id, lead_id, campaign_id, call_uuid, reason, skipped_at) VALUES ('a1', ?, ?, ?, 'Erin asked for Tuesday', now())")) {
        ps.setLong(1, lead1);
        ps.setString(2, campaign);
        ps.setObject(3, UUID.randomUUID());
        ps.executeUpdate();
      }
      c.commit();
    }
    node.auditTrail().record(new AuditEntry(Instant.now(), AuditKind.DIALED, campaign, lead1, phone, null, null, "dialer"));

    JsonNode result = ok(admin.post("/api/contacts/erasure", Map.of("phone", "415-555-0199")));
    assertThat(result.get("leadsRemoved").asInt()).isEqualTo(2);
    assertThat(result.get("skipsRemoved").asInt()).isEqualTo(1);
    assertThat(result.get("callLogRowsScrubbed").asInt()).isEqualTo(1);
    assertThat(result.get("recordingsToDelete").get(0).asText()).isEqualTo("/rec/x.wav");
    String hash = result.get("phoneHash").asText();

    assertThat(admin.get("/api/leads/" + lead1).status()).isEqualTo(404);
    assertThat(admin.get("/api/leads/" + lead2).status()).isEqualTo(404);
    assertThat(admin.get("/api/leads/" + other).status()).isEqualTo(200);
    try (Connection c = node.readModel().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT receiver, notes FROM call_log WHERE call_uuid = ?")) {
      ps.setObject(1, call);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("erased:" + hash.substring(0, 12));
        assertThat(rs.getString(2)).isNull();
      }
      c.rollback();
    }
    // the hashed trail remains, and now says the contact was erased
    eventually("the erasure is in the trail", () ->
        ok(admin.post("/api/contacts/audit", Map.of("phone", phone))).findValues("kind").stream().anyMatch(k -> k.asText().equals("CONTACT_ERASED")));
    JsonNode trail = ok(admin.post("/api/contacts/audit", Map.of("phone", phone)));
    assertThat(trail.findValuesAsText("kind")).contains("DIALED", "CONTACT_ERASED");
    assertThat(trail.findValuesAsText("phoneHash")).containsOnly(hash);
    assertThat(trail.findValuesAsText("actor")).contains("admin:admin");
  }

  /** A customer leg of {@code campaign}: live at {@code liveAt} (null: never live). */
  private static UUID callLog(Connection c, String campaign, Instant liveAt, boolean bridged, boolean abandoned, boolean broadcast) throws Exception {
    UUID uuid = UUID.randomUUID();
    Instant start = liveAt == null ? Instant.now() : liveAt.minusSeconds(10);
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO call_log (call_uuid, leg_kind, caller, receiver, started_at, answered_at, live_at, bridged_at, abandoned, broadcast, campaign_id, ended_at)
        VALUES (?, 'CUSTOMER', '+12125550000', '+14155550100', ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setObject(1, uuid);
      ps.setTimestamp(2, Timestamp.from(start));
      ps.setTimestamp(3, liveAt == null ? null : Timestamp.from(liveAt));
      ps.setTimestamp(4, liveAt == null ? null : Timestamp.from(liveAt));
      ps.setTimestamp(5, bridged ? Timestamp.from(liveAt.plusSeconds(1)) : null);
      ps.setBoolean(6, abandoned);
      ps.setBoolean(7, broadcast);
      ps.setString(8, campaign);
      ps.setTimestamp(9, Timestamp.from(start.plusSeconds(60)));
      ps.executeUpdate();
    }
    return uuid;
  }

  private static HttpResponse<String> raw(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(admin.base().resolve(path))
        .header("Authorization", "Bearer " + adminToken())
        .GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String adminToken() {
    return ok(new ApiClient(node.httpAddress()).post("/api/login", Map.of("username", "admin", "password", TestNode.ADMIN_PASSWORD))).get("token").asText();
  }

  private static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) return;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting: " + what);
  }
}
