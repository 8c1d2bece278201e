package io.autodial.node.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pool projections and read-model queries use (the journal has its own). */
public final class ReadModelPool {
  private ReadModelPool() {}

  public static HikariDataSource create(DatabaseSettings db) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(db.poolSize());
    config.setPoolName("read-model");
    config.setAutoCommit(false);
    return new HikariDataSource(config);
  }

}
