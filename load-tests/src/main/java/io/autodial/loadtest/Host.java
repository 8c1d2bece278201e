package io.autodial.loadtest;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

/** What every benchmark reads off the machine it runs on: shared so the results describe it alike. */
public final class Host {
  private Host() {}

  /** The postmaster is the parent of the backend serving this connection. */
  public static Optional<ProcessHandle> postmaster(Connection c) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent);
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  public static String postgresVersion(Connection c) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return "PostgreSQL " + rs.getString(1) + " (embedded, zonky)";
    } catch (Exception e) {
      return "n/a";
    }
  }

  /** The number the next Netty thread pool will get, so a component's pools can be told apart. */
  public static int nextNettyPoolId() {
    String name = new DefaultThreadFactory("probe").newThread(() -> {}).getName(); // probe-<pool>-1
    String[] parts = name.split("-");
    return Integer.parseInt(parts[parts.length - 2]);
  }
}
