package io.autodial.node.projection;

import io.autodial.node.call.CallEntity;
import io.autodial.node.db.PlainJdbcSession;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.Projection;

/** Call events to {@code call_log}: one projection instance per tag, spread over the cluster. */
public final class CallLogProjection {
  public static final String NAME = "call-log";

  private CallLogProjection() {}

  public static void init(ActorSystem<?> system, DataSource dataSource) {
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            NAME,
            CallEntity.TAGS.size(),
            index -> ProjectionBehavior.create(projection(system, dataSource, CallEntity.TAGS.get(index))),
            ProjectionBehavior.stopMessage());
  }

  static Projection<EventEnvelope<CallEntity.Event>> projection(
      ActorSystem<?> system, DataSource dataSource, String tag) {
    SourceProvider<Offset, EventEnvelope<CallEntity.Event>> source =
        EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
    return JdbcProjection.exactlyOnce(
        ProjectionId.of(NAME, tag),
        source,
        () -> new PlainJdbcSession(dataSource),
        CallLogHandler::new,
        system);
  }
}
