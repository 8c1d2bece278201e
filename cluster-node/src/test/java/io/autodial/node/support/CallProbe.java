package io.autodial.node.support;

import io.autodial.node.call.CallEntity;
import io.autodial.node.call.CallInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/** What an end-to-end test looks at: a call as its entity sees it, its journal, its call_log row. */
public final class CallProbe {
  private final ActorSystem<?> system;
  private final DataSource readModel;

  public CallProbe(ActorSystem<?> system, DataSource readModel) {
    this.system = system;
    this.readModel = readModel;
  }

  public CallEntity.DialReply dial(String uuid, CallEntity.DialSpec spec) {
    return ClusterSharding.get(system)
        .entityRefFor(CallEntity.ENTITY_KEY, uuid)
        .<CallEntity.DialReply>ask(replyTo -> new CallEntity.Dial(spec, replyTo), Duration.ofSeconds(10))
        .toCompletableFuture()
        .join();
  }

  public CallInfo call(String uuid) {
    return ClusterSharding.get(system)
        .entityRefFor(CallEntity.ENTITY_KEY, uuid)
        .ask(CallEntity.GetCall::new, Duration.ofSeconds(10))
        .toCompletableFuture()
        .join()
        .call();
  }

  public CallInfo awaitPhase(String uuid, CallInfo.Phase phase, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    CallInfo call = null;
    while (System.nanoTime() < deadline) {
      call = call(uuid);
      if (call != null && call.phase() == phase) return call;
      sleep(50);
    }
    throw new AssertionError("call " + uuid + " did not reach " + phase + "; it is " + call);
  }

  /** The events persisted for the call, in order, read back from the journal in PostgreSQL. */
  public List<CallEntity.Event> journal(String uuid) {
    JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    return journal
        .currentEventsByPersistenceId(CallEntity.ENTITY_KEY.name() + "|" + uuid, 0, Long.MAX_VALUE)
        .map(envelope -> (CallEntity.Event) envelope.event())
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .join();
  }

  /** The call's call_log row once the projection has written its end. */
  public Map<String, Object> awaitEndedRow(String uuid, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    Optional<Map<String, Object>> row = Optional.empty();
    while (System.nanoTime() < deadline) {
      row = row(uuid);
      if (row.isPresent() && row.get().get("ended_at") != null) return row.get();
      sleep(100);
    }
    throw new AssertionError("call_log has no ended row for " + uuid + ": " + row);
  }

  public Optional<Map<String, Object>> row(String uuid) {
    try (Connection c = readModel.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM call_log WHERE call_uuid = ?::uuid")) {
      ps.setString(1, uuid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnName(i), rs.getObject(i));
        c.rollback();
        return Optional.of(row);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new RuntimeException(e);
    }
  }
}
