package io.autodial.node.projection;

import java.sql.Connection;

/**
 * Applies one event of an entity to read-model tables, on the projection's connection: inside the
 * transaction that also stores the projection's offset.
 */
@FunctionalInterface
public interface ReadModelWriter<E> {
  void write(Connection connection, String entityId, E event) throws Exception;
}
