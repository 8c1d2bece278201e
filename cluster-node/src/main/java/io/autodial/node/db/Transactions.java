package io.autodial.node.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work on one pooled connection in one transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {
  private Transactions() {}

  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreFailure(e);
    }
  }

  /** A database failure; the cause says what the server reported. */
  public static final class StoreFailure extends RuntimeException {
    StoreFailure(SQLException cause) {
      super("database operation failed: " + cause.getMessage(), cause);
    }
  }

  public static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  public static boolean isForeignKeyViolation(SQLException e) {
    return "23503".equals(e.getSQLState());
  }
}
