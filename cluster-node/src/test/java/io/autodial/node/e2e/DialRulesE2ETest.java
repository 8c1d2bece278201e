package io.autodial.node.e2e;

import static io.autodial.node.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autodial.freeswitch.sim.CallModel;
import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import io.autodial.node.AutodialNode;
import io.autodial.node.robot.RobotAgent;
import io.autodial.node.robot.RobotBehaviour;
import io.autodial.node.support.ApiClient;
import io.autodial.node.support.Campaigns;
import io.autodial.node.support.SimulatedFloor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every dial passes the compliance check, end to end: a number put on the DNC list while its lead
 * is queued is not called; a lead whose local time is outside the calling hours waits for them;
 * a lead without consent waits for one, and one whose consent was revoked by an inbound STOP is
 * not called; the eligibility endpoint gives the dialer's own verdict; the audit trail shows why.
 */
class DialRulesE2ETest {
  /** Candidate zones for "now inside the window" and "now outside": some are always in each. */
  private static final List<String> ZONES =
      List.of("Pacific/Honolulu", "America/Los_Angeles", "America/New_York", "Europe/London", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney");
  private static SimulatedFloor floor;
  private static FreeSwitchSimulator sim;
  private static AutodialNode node;
  private static ApiClient admin;
  private static List<RobotAgent> robots;

  @BeforeAll
  static void start() {
    CallModel answers = new CallModel(1.0, 0, 0, 0, 0, 0, Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(60), 0.1, 0.0, Duration.ofMillis(800));
    floor = SimulatedFloor.start(answers, 5);
    sim = floor.sim();
    node = floor.node();
    admin = floor.admin();
    robots = floor.robots();
  }

  @AfterAll
  static void stop() {
    if (floor != null) floor.close();
  }

  private static String zoneWhereLocalHourIs(int fromHour, int toHour) {
    return zoneWhereLocalHourIs(fromHour, toHour, "");
  }

  private static String zoneWhereLocalHourIs(int fromHour, int toHour, String except) {
    for (String zone : ZONES) {
      if (zone.equals(except)) continue;
      int hour = ZonedDateTime.now(ZoneId.of(zone)).getHour();
      if (hour >= fromHour && hour < toHour) return zone;
    }
    throw new IllegalStateException("no candidate zone has a local hour in [" + fromHour + ", " + toHour + ")");
  }

  @Test
  void everyDialIsCheckedAndEveryDecisionIsExplained() throws Exception {
    // not the numbers' own zone (+1 212: New York): a lead's zone equal to its number's counts as
    // the import's guess, so Dee's state (California) would decide her hours instead
    String inside = zoneWhereLocalHourIs(9, 19, "America/New_York");
    String outside = zoneWhereLocalHourIs(0, 6);
    long leadset = ok(admin.post("/api/leadsets", Map.of("name", "rules"))).get("id").asLong();
    // Dee lives in California, an all-party-consent state for recordings
    String csv = "phone,status,first_name,tz,state\n"
        + "+12125551001,NEW,Ann," + inside + ",\n"
        + "+12125551002,NEW,Bob," + inside + ",\n"
        + "+12125551003,NEW,Cid," + outside + ",\n"
        + "+12125551004,NEW,Dee," + inside + ",CA\n"
        + "+12125551005,NEW,Eve," + inside + ",\n";
    ObjectNode upload = ApiClient.JSON.createObjectNode().put("csv", csv);
    upload.set("mapping", ApiClient.JSON.valueToTree(Map.of("phone", "phone", "status", "status", "firstName", "first_name", "timeZone", "tz")));
    assertThat(ok(admin.post("/api/leadsets/" + leadset + "/uploads", upload)).get("loaded").asInt()).isEqualTo(5);
    long ann = lead("+12125551001"), bob = lead("+12125551002"), cid = lead("+12125551003"), dee = lead("+12125551004"), eve = lead("+12125551005");

    // a caller ID the company does not own is refused
    ApiClient.Response foreign = admin.post("/api/campaigns", Map.of("name", "x", "callerId", "+12125559999"));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body().get("message").asText()).contains("not one of the company's numbers");

    // progressive, consent needed, the default calling hours in each lead's local time, recorded
    String campaign = Campaigns.campaign(admin, "Rules", leadset, Map.of("mode", "PROGRESSIVE", "amd", false,
        "compliance", Map.of("consent", "ANY", "recording", "ON")));
    for (long id : List.of(ann, bob, cid, eve))
      assertThat(admin.post("/api/leads/" + id + "/consents", Map.of("source", "web form", "method", "checkbox", "written", true)).status()).isEqualTo(201);
    // Eve texts STOP: her consent ends
    JsonNode stop = ok(admin.post("/api/inbound-messages", Map.of("from", "+12125551005", "body", "Stop please", "channel", "SMS")));
    assertThat(stop.get("consentsRevoked").asInt()).isEqualTo(1);

    // queued in an active campaign with nobody to take calls yet; then Bob's number goes on the DNC list
    ok(admin.post("/api/campaigns/" + campaign + "/start", Map.of()));
    assertThat(admin.post("/api/dnc", Map.of("phone", "+12125551002", "note", "asked on the phone")).status()).isEqualTo(201);
    JsonNode bobNow = ok(admin.get("/api/leads/" + bob + "/eligibility?campaignId=" + campaign));
    assertThat(bobNow.get("allowed").asBoolean()).isFalse();
    assertThat(bobNow.at("/blocks/0/rule").asText()).isEqualTo("DNC_INTERNAL");
    JsonNode cidNow = ok(admin.get("/api/leads/" + cid + "/eligibility?campaignId=" + campaign));
    assertThat(cidNow.at("/blocks/0/rule").asText()).isEqualTo("CALLING_HOURS");
    assertThat(cidNow.at("/localTimes/0/zone").asText()).isEqualTo(outside);
    Instant cidNext = Instant.parse(cidNow.get("nextAllowedAt").asText());
    assertThat(cidNext.atZone(ZoneId.of(outside)).toLocalTime().toString()).isEqualTo("08:00");
    assertThat(ok(admin.get("/api/leads/" + ann + "/eligibility?campaignId=" + campaign)).get("allowed").asBoolean()).isTrue();

    // an agent comes: only Ann may be called
    Campaigns.agent(admin, "rules-agent", campaign);
    robots.add(RobotAgent.start(admin.base(), "rules-agent", Campaigns.password("rules-agent"), RobotBehaviour.fixed(Duration.ofMillis(300), Duration.ofMillis(100))));
    Campaigns.awaitCount(node.readModel(), "SELECT count(*) FROM call_log WHERE receiver = '+12125551001' AND ended_at IS NOT NULL", 1, Duration.ofSeconds(30));
    Campaigns.awaitCount(node.readModel(), "SELECT count(*) FROM compliance_audit WHERE campaign_id = '" + campaign + "' AND kind = 'BLOCKED'", 4, Duration.ofSeconds(30));
    assertThat(status(bob)).isEqualTo("DNC");
    assertThat(status(cid)).isEqualTo("NEW");
    assertThat(Campaigns.count(node.readModel(), "SELECT extract(epoch FROM next_dial_at)::bigint FROM leads WHERE id = " + cid)).isEqualTo(cidNext.getEpochSecond());
    assertThat(status(dee)).isEqualTo("BLOCKED");
    assertThat(status(eve)).isEqualTo("BLOCKED");

    // Dee's consent arrives: she is called
    assertThat(admin.post("/api/leads/" + dee + "/consents", Map.of("source", "call", "method", "recorded verbal")).status()).isEqualTo(201);
    Campaigns.awaitCount(node.readModel(), "SELECT count(*) FROM call_log WHERE receiver = '+12125551004' AND ended_at IS NOT NULL", 1, Duration.ofSeconds(30));

    // both calls were recorded from the bridge on; only Dee, in California, heard the notice
    String annCall = uuidOf("+12125551001"), deeCall = uuidOf("+12125551004");
    Campaigns.awaitCount(node.readModel(), "SELECT count(*) FROM call_log WHERE recording_url LIKE '%/" + campaign + "/%.wav'", 2, Duration.ofSeconds(10));
    assertThat(sim.timeline().first(annCall, "api uuid_record " + annCall + " start")).isPresent();
    assertThat(sim.timeline().first(annCall, "api uuid_broadcast")).isEmpty();
    assertThat(sim.timeline().first(deeCall, "api uuid_record " + deeCall + " start")).isPresent();
    assertThat(sim.timeline().first(deeCall, "api uuid_broadcast " + deeCall + " autodial/recording-notice.wav")).isPresent();

    // nobody else was ever dialed
    assertThat(Campaigns.count(node.readModel(), "SELECT count(*) FROM call_log WHERE receiver IN ('+12125551002', '+12125551003', '+12125551005')")).isZero();

    // Bob's number comes off the list: his lead is dialable again, and he is called
    assertThat(admin.delete("/api/dnc/+12125551002").status()).isEqualTo(204);
    Campaigns.awaitCount(node.readModel(), "SELECT count(*) FROM call_log WHERE receiver = '+12125551002' AND ended_at IS NOT NULL", 1, Duration.ofSeconds(30));

    // the audit trail of each lead says why
    assertTrailHas(bob, "BLOCKED DNC_INTERNAL", "DIALED null");
    assertTrailHas(cid, "BLOCKED CALLING_HOURS");
    assertTrailHas(eve, "BLOCKED CONSENT");
    assertTrailHas(dee, "BLOCKED CONSENT", "CONSENT_GIVEN CONSENT", "DIALED null");
    assertTrailHas(ann, "CONSENT_GIVEN CONSENT", "DIALED null");
  }

  private static long lead(String phone) {
    return Campaigns.count(node.readModel(), "SELECT id FROM leads WHERE phone = '" + phone + "'");
  }

  private static String uuidOf(String phone) throws Exception {
    try (var c = node.readModel().getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT call_uuid FROM call_log WHERE receiver = '" + phone + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String status(long leadId) throws Exception {
    try (var c = node.readModel().getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT status FROM leads WHERE id = " + leadId)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The lead's audit trail ("KIND rule" entries) holds these; it is projected, so it may take a moment. */
  private static void assertTrailHas(long leadId, String... expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> entries = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      entries.clear();
      ok(admin.get("/api/leads/" + leadId + "/audit")).forEach(e -> entries.add(e.get("kind").asText() + " " + (e.hasNonNull("rule") ? e.get("rule").asText() : "null")));
      if (entries.containsAll(List.of(expected))) break;
      Thread.sleep(200);
    }
    assertThat(entries).contains(expected);
  }
}
