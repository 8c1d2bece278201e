package io.autodial.node.db;

import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the schema (journal, snapshots, projection offsets, read models) from the
 * versioned scripts in {@code db/migration}. Safe to run on every start and from several nodes.
 */
public final class Migrations {
  private Migrations() {}

  public static int migrate(DatabaseSettings db) {
    return Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
