package io.autodial.node.projection;

import io.autodial.node.call.CallEntity;
import io.autodial.node.db.PlainJdbcSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Writes the {@code call_log} read model. Runs inside the projection's transaction together with
 * its offset, so each event is applied exactly once; every statement is also safe to repeat.
 */
public final class CallLogHandler extends JdbcHandler<EventEnvelope<CallEntity.Event>, PlainJdbcSession> {

  @Override
  public void process(PlainJdbcSession session, EventEnvelope<CallEntity.Event> envelope) throws Exception {
    String uuid = envelope.persistenceId().substring(envelope.persistenceId().indexOf('|') + 1);
    session.withConnection(
        connection -> {
          apply(connection, UUID.fromString(uuid), envelope.event());
          return null;
        });
  }

  static void apply(Connection c, UUID uuid, CallEntity.Event event) throws SQLException {
    if (event instanceof CallEntity.DialRequested e) {
      update(c, """
          INSERT INTO call_log (call_uuid, leg_kind, caller, receiver, started_at)
          VALUES (?, ?, ?, ?, ?) ON CONFLICT (call_uuid) DO NOTHING""",
          uuid, e.spec().kind().name(), e.spec().callerIdNumber(), e.spec().destination(), ts(e.at()));
    } else if (event instanceof CallEntity.Dialed e) {
      update(c, "UPDATE call_log SET switch_id = ? WHERE call_uuid = ?", e.switchId(), uuid);
    } else if (event instanceof CallEntity.Ringing e) {
      update(c, "UPDATE call_log SET ringing_at = ? WHERE call_uuid = ?", ts(e.at()), uuid);
    } else if (event instanceof CallEntity.Answered e) {
      update(c, "UPDATE call_log SET answered_at = ? WHERE call_uuid = ?", ts(e.at()), uuid);
    } else if (event instanceof CallEntity.AmdDetected e) {
      update(c, "UPDATE call_log SET amd_result = ? WHERE call_uuid = ?", e.result().name(), uuid);
    } else if (event instanceof CallEntity.Bridged e) {
      update(c, "UPDATE call_log SET bridged_to = ? WHERE call_uuid = ?", UUID.fromString(e.otherUuid()), uuid);
    } else if (event instanceof CallEntity.RecordingStarted e) {
      update(c, "UPDATE call_log SET recording_url = ? WHERE call_uuid = ?", e.path(), uuid);
    } else if (event instanceof CallEntity.HungUp e) {
      update(c, """
          UPDATE call_log SET ended_at = ?, hangup_cause = ?, sip_status = ?, duration_sec = ?, billsec = ?
          WHERE call_uuid = ?""",
          ts(e.at()), e.cause(), e.sipStatus(), e.durationSec(), e.billSec(), uuid);
    } else if (event instanceof CallEntity.DialFailed e) {
      update(c, """
          UPDATE call_log SET ended_at = ?, hangup_cause = ?, sip_status = 0, duration_sec = 0, billsec = 0
          WHERE call_uuid = ?""",
          ts(e.at()), e.cause(), uuid);
    }
  }

  private static Timestamp ts(java.time.Instant at) {
    return Timestamp.from(at);
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      ps.executeUpdate();
    }
  }
}
