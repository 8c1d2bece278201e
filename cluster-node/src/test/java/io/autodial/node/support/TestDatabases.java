package io.autodial.node.support;

import io.autodial.node.db.DatabaseSettings;
import io.autodial.node.db.EmbeddedDatabase;
import io.autodial.node.db.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL server per test JVM, and a fresh, migrated database on it for each
 * test that asks: tests share the server's start-up cost but never each other's rows.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase server;

  private TestDatabases() {}

  public static synchronized DatabaseSettings fresh() {
    if (server == null) {
      server = EmbeddedDatabase.startTemporary();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    String name = "autodial_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    String adminUrl = server.jdbcUrl();
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    String url = adminUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    DatabaseSettings settings = new DatabaseSettings(url, "postgres", "", Path.of("unused"), 4);
    Migrations.migrate(settings);
    return settings;
  }
}
