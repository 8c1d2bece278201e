package io.autodial.node.projection;

import io.autodial.node.db.PlainJdbcSession;
import java.util.List;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Runs an exactly-once JDBC projection per tag, spread over the cluster by a sharded daemon
 * process: the handler's writes and the projection's offset commit in one transaction.
 */
public final class TaggedProjections {
  private TaggedProjections() {}

  public static <E> void init(
      ActorSystem<?> system,
      DataSource dataSource,
      String name,
      List<String> tags,
      ReadModelWriter<E> writer) {
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            name,
            tags.size(),
            index -> {
              SourceProvider<Offset, EventEnvelope<E>> source =
                  EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tags.get(index));
              return ProjectionBehavior.create(
                  JdbcProjection.exactlyOnce(
                      ProjectionId.of(name, tags.get(index)), source, () -> new PlainJdbcSession(dataSource), () -> handler(writer), system));
            },
            ProjectionBehavior.stopMessage());
  }

  private static <E> JdbcHandler<EventEnvelope<E>, PlainJdbcSession> handler(ReadModelWriter<E> writer) {
    return new JdbcHandler<>() {
      @Override
      public void process(PlainJdbcSession session, EventEnvelope<E> envelope) throws Exception {
        // persistence ids are "<entity type>|<entity id>"
        String entityId = envelope.persistenceId().substring(envelope.persistenceId().indexOf('|') + 1);
        session.withConnection(c -> {
          writer.write(c, entityId, envelope.event());
          return null;
        });
      }
    };
  }
}
