package io.autodial.node.db;

import com.typesafe.config.Config;
import java.nio.file.Path;

/** Where the database is: an external server when {@code url} is set, else an embedded one. */
public record DatabaseSettings(String url, String user, String password, Path embeddedDataDir, int poolSize) {

  public static DatabaseSettings from(Config config) {
    Config db = config.getConfig("autodial.database");
    return new DatabaseSettings(
        db.getString("url"),
        db.getString("user"),
        db.getString("password"),
        Path.of(db.getString("embedded-data-dir")),
        db.getInt("pool-size"));
  }

  public boolean embedded() {
    return url.isBlank();
  }

  public DatabaseSettings withServer(String url, String user, String password) {
    return new DatabaseSettings(url, user, password, embeddedDataDir, poolSize);
  }
}
