package io.autodial.node.leads;

import io.autodial.node.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code leadsets} table. Plain blocking JDBC, one transaction per method: callers run it on a
 * dedicated executor.
 */
public final class LeadsetRepository {
  private static final String COLUMNS = "id, name, description, created_at";
  private final DataSource dataSource;

  public LeadsetRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A new set; {@link LeadsetNameTaken} when the name is in use. */
  public Leadset create(String name, String description) {
    return nameChecked(
        name,
        () ->
            Transactions.inTransaction(
                dataSource,
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement("INSERT INTO leadsets (name, description) VALUES (?, ?) RETURNING " + COLUMNS)) {
                    ps.setString(1, name);
                    ps.setString(2, description);
                    try (ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      return read(rs);
                    }
                  }
                }));
  }

  public List<Leadset> list() {
    return Transactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM leadsets ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            List<Leadset> sets = new ArrayList<>();
            while (rs.next()) sets.add(read(rs));
            return sets;
          }
        });
  }

  public Optional<Leadset> find(long id) {
    return Transactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM leadsets WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
          }
        });
  }

  /** Renames or re-describes a set; empty when there is no such set. */
  public Optional<Leadset> update(long id, String name, String description) {
    return nameChecked(
        name,
        () ->
            Transactions.inTransaction(
                dataSource,
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement("UPDATE leadsets SET name = ?, description = ? WHERE id = ? RETURNING " + COLUMNS)) {
                    ps.setString(1, name);
                    ps.setString(2, description);
                    ps.setLong(3, id);
                    try (ResultSet rs = ps.executeQuery()) {
                      return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                    }
                  }
                }));
  }

  /** Deletes the set and, by the foreign key's cascade, its leads. False when there was no such set. */
  public boolean delete(long id) {
    return Transactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM leadsets WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private static <T> T nameChecked(String name, java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (Transactions.StoreFailure e) {
      if (Transactions.isUniqueViolation((SQLException) e.getCause())) throw new LeadsetNameTaken(name);
      throw e;
    }
  }

  private static Leadset read(ResultSet rs) throws SQLException {
    return new Leadset(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
  }
}
