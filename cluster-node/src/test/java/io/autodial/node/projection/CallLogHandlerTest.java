package io.autodial.node.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.freeswitch.api.OriginateRequest.LegKind;
import io.autodial.node.call.CallEntity;
import io.autodial.node.db.DatabaseSettings;
import io.autodial.node.db.Migrations;
import io.autodial.node.support.TestDatabases;
import io.autodial.protocol.call.SwitchEvent.AmdResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallLogHandlerTest {
  private static DatabaseSettings db;

  @BeforeAll
  static void database() {
    db = TestDatabases.fresh();
  }

  private final UUID uuid = UUID.randomUUID();
  private final Instant t0 = Instant.parse("2026-11-21T10:00:00Z");

  private List<CallEntity.Event> answeredCall() {
    return List.of(
        new CallEntity.DialRequested(uuid.toString(), new CallEntity.DialSpec(LegKind.CUSTOMER, "+15551230001", "+15550000000", "", Duration.ofSeconds(20), Map.of(), io.autodial.node.call.CallContext.NONE), t0),
        new CallEntity.Dialed("fs1", "job", t0.plusMillis(5)),
        new CallEntity.Ringing(t0.plusSeconds(1)),
        new CallEntity.Answered(t0.plusSeconds(6)),
        new CallEntity.AmdDetected(AmdResult.HUMAN, "amd", t0.plusSeconds(7)),
        new CallEntity.RecordingStarted("/recordings/" + uuid + ".wav", t0.plusSeconds(7)),
        new CallEntity.HungUp("NORMAL_CLEARING", 200, 66, 60, t0.plusSeconds(66)));
  }

  @Test
  void anAnsweredCallBecomesOneCompleteRow() throws Exception {
    try (Connection c = connect()) {
      for (CallEntity.Event e : answeredCall()) CallLogHandler.apply(c, uuid, e);
      c.commit();
      assertRow(c);
    }
  }

  @Test
  void replayingTheSameEventsLeavesTheSameRow() throws Exception {
    try (Connection c = connect()) {
      for (CallEntity.Event e : answeredCall()) CallLogHandler.apply(c, uuid, e);
      for (CallEntity.Event e : answeredCall()) CallLogHandler.apply(c, uuid, e);
      c.commit();
      assertRow(c);
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM call_log WHERE call_uuid = '" + uuid + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void aRefusedDialIsLoggedAsEndedWithItsReason() throws Exception {
    try (Connection c = connect()) {
      CallLogHandler.apply(c, uuid, answeredCall().get(0));
      CallLogHandler.apply(c, uuid, new CallEntity.DialFailed("DESTINATION_OUT_OF_ORDER", t0.plusSeconds(1)));
      c.commit();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT hangup_cause, answered_at, ended_at, billsec FROM call_log WHERE call_uuid = '" + uuid + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("hangup_cause")).isEqualTo("DESTINATION_OUT_OF_ORDER");
        assertThat(rs.getTimestamp("answered_at")).isNull();
        assertThat(rs.getTimestamp("ended_at").toInstant()).isEqualTo(t0.plusSeconds(1));
        assertThat(rs.getLong("billsec")).isZero();
      }
    }
  }

  @Test
  void migrationsAreIdempotent() {
    assertThat(Migrations.migrate(db)).isZero();
  }

  private void assertRow(Connection c) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM call_log WHERE call_uuid = '" + uuid + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("switch_id")).isEqualTo("fs1");
      assertThat(rs.getString("caller")).isEqualTo("+15550000000");
      assertThat(rs.getString("receiver")).isEqualTo("+15551230001");
      assertThat(rs.getTimestamp("started_at").toInstant()).isEqualTo(t0);
      assertThat(rs.getTimestamp("answered_at").toInstant()).isEqualTo(t0.plusSeconds(6));
      assertThat(rs.getTimestamp("ended_at").toInstant()).isEqualTo(t0.plusSeconds(66));
      assertThat(rs.getLong("duration_sec")).isEqualTo(66);
      assertThat(rs.getLong("billsec")).isEqualTo(60);
      assertThat(rs.getString("hangup_cause")).isEqualTo("NORMAL_CLEARING");
      assertThat(rs.getInt("sip_status")).isEqualTo(200);
      assertThat(rs.getString("amd_result")).isEqualTo("HUMAN");
      assertThat(rs.getString("recording_url")).isEqualTo("/recordings/" + uuid + ".wav");
    }
  }

  private Connection connect() throws Exception {
    Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
    c.setAutoCommit(false);
    return c;
  }
}
