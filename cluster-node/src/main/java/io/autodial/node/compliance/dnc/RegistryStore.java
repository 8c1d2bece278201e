package io.autodial.node.compliance.dnc;

import io.autodial.node.db.Transactions;
import io.autodial.node.compliance.dnc.RegistryImportState.RejectedLine;
import io.autodial.node.compliance.dnc.RegistryImportState.State;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The registry in PostgreSQL: {@code dnc_registry_imports} (one row per import) and one table of
 * numbers per import, {@code dnc_registry_<id>}, written with COPY (the only way to take 10
 * million rows in seconds) and made current atomically.
 */
final class RegistryStore {
  private static final long SWAP_LOCK = 0x444E4302L; // two imports on two nodes swap one after the other
  private static final int COPY_BUFFER = 1 << 16;

  private final DataSource dataSource;

  RegistryStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The current registry's id, date, import time and size; empty when none was imported. */
  record Current(long id, LocalDate registryDate, Instant importedAt, long count) {}

  long begin(LocalDate registryDate, Instant startedAt) {
    return Transactions.inTransaction(dataSource, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO dnc_registry_imports (registry_date, state, started_at) VALUES (?, 'RUNNING', ?) RETURNING id")) {
        ps.setDate(1, Date.valueOf(registryDate));
        ps.setTimestamp(2, Timestamp.from(startedAt));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  /**
   * In one transaction: a fresh table for this import filled with {@code sorted[0, n)} through COPY,
   * the import marked DONE and current, and the previous registry's table dropped. Nodes see either
   * the old registry or the new one, never a mix; a failure leaves the old one in place.
   */
  void saveAndSwap(RegistryImportState done, long[] sorted, int n) {
    Transactions.inTransaction(dataSource, c -> {
      String table = table(done.id());
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE " + table + " (number BIGINT NOT NULL)");
      }
      copyIn(c, table, sorted, n);
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        ps.setLong(1, SWAP_LOCK);
        ps.execute();
      }
      Optional<Current> previous = current(c);
      try (PreparedStatement ps = c.prepareStatement("UPDATE dnc_registry_imports SET is_current = false WHERE is_current")) {
        ps.executeUpdate();
      }
      finish(c, done, true);
      if (previous.isPresent()) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS " + table(previous.get().id()));
        }
      }
      return null;
    });
  }

  void saveFailed(RegistryImportState failed) {
    Transactions.inTransaction(dataSource, c -> {
      finish(c, failed, false);
      return null;
    });
  }

  Optional<RegistryImportState> find(long id) {
    return Transactions.inTransaction(dataSource, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT registry_date, state, lines_read, numbers_loaded, duplicates, rejected, first_rejected, failure, started_at, finished_at "
              + "FROM dnc_registry_imports WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return Optional.empty();
          Timestamp finished = rs.getTimestamp(10);
          return Optional.of(new RegistryImportState(
              id, State.valueOf(rs.getString(2)), null, rs.getDate(1).toLocalDate(), rs.getLong(3), rs.getLong(4), rs.getLong(5),
              rs.getLong(6), rejections(rs.getString(7)), rs.getTimestamp(9).toInstant(),
              finished == null ? null : finished.toInstant(), rs.getString(8)));
        }
      }
    });
  }

  Optional<Current> current() {
    return Transactions.inTransaction(dataSource, RegistryStore::current);
  }

  /** The numbers of import {@code id}, sorted and distinct (as saved; re-sorted should the table scan not return them in order). */
  RegistryIndex load(Current current) {
    return Transactions.inTransaction(dataSource, c -> {
      NumberSink sink = new NumberSink((int) current.count());
      try {
        c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table(current.id()) + " (number) TO STDOUT", sink);
      } catch (IOException e) {
        throw new SQLException("reading the registry failed", e);
      }
      int n = sink.size;
      long[] keys = sink.keys;
      boolean sorted = true;
      for (int i = 1; i < n && sorted; i++) sorted = keys[i] > keys[i - 1];
      if (!sorted) n = RegistryIndex.sortUnique(keys, n);
      return new RegistryIndex(current.id(), current.registryDate(), keys, n, current.importedAt());
    });
  }

  private static Optional<Current> current(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, registry_date, finished_at, numbers_loaded FROM dnc_registry_imports WHERE is_current");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) return Optional.empty();
      return Optional.of(new Current(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getTimestamp(3).toInstant(), rs.getLong(4)));
    }
  }

  private static void finish(Connection c, RegistryImportState s, boolean current) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE dnc_registry_imports SET state = ?, lines_read = ?, numbers_loaded = ?, duplicates = ?, rejected = ?, "
            + "first_rejected = ?, failure = ?, finished_at = ?, is_current = ? WHERE id = ?")) {
      ps.setString(1, s.state().name());
      ps.setLong(2, s.linesRead());
      ps.setLong(3, s.numbersLoaded());
      ps.setLong(4, s.duplicates());
      ps.setLong(5, s.rejected());
      StringBuilder rejected = new StringBuilder();
      for (RejectedLine r : s.firstRejected()) rejected.append(r.line()).append('\t').append(r.reason()).append('\n');
      ps.setString(6, rejected.toString());
      ps.setString(7, s.failure());
      ps.setTimestamp(8, Timestamp.from(s.finishedAt()));
      ps.setBoolean(9, current);
      ps.setLong(10, s.id());
      ps.executeUpdate();
    }
  }

  private static List<RejectedLine> rejections(String text) {
    List<RejectedLine> lines = new ArrayList<>();
    if (text == null) return lines;
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) lines.add(new RejectedLine(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1)));
    }
    return lines;
  }

  /** COPY text format, one number a line, written straight from the array: no String per number. */
  private static void copyIn(Connection c, String table, long[] sorted, int n) throws SQLException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (number) FROM STDIN");
    try {
      byte[] buf = new byte[COPY_BUFFER];
      byte[] digits = new byte[20];
      int len = 0;
      for (int i = 0; i < n; i++) {
        if (len > COPY_BUFFER - 24) {
          in.writeToCopy(buf, 0, len);
          len = 0;
        }
        long v = sorted[i];
        int d = 0;
        do {
          digits[d++] = (byte) ('0' + v % 10);
          v /= 10;
        } while (v > 0);
        while (d > 0) buf[len++] = digits[--d];
        buf[len++] = '\n';
      }
      if (len > 0) in.writeToCopy(buf, 0, len);
      in.endCopy();
    } finally {
      if (in.isActive()) in.cancelCopy();
    }
  }

  static String table(long importId) {
    return "dnc_registry_" + importId;
  }

  /** Parses COPY's text output (one number a line) into a growing long[]. */
  private static final class NumberSink extends OutputStream {
    long[] keys;
    int size;
    private long value;
    private boolean inNumber;

    NumberSink(int expected) {
      keys = new long[Math.max(16, expected)];
    }

    @Override
    public void write(int b) {
      if (b >= '0' && b <= '9') {
        value = value * 10 + (b - '0');
        inNumber = true;
      } else if (b == '\n' && inNumber) {
        if (size == keys.length) keys = Arrays.copyOf(keys, keys.length + (keys.length >> 1) + 16);
        keys[size++] = value;
        value = 0;
        inNumber = false;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) write(b[i]);
    }
  }
}
