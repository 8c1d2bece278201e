package io.autodial.node.compliance.dnc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One pooled connection, one transaction: committed when the work returns, rolled back when it throws. */
final class Jdbc {
  private Jdbc() {}

  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  static <T> T inTransaction(DataSource dataSource, Work<T> work) {
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
      throw new DncStoreFailure(e);
    }
  }

  /** A database failure; the cause says what the server reported. */
  static final class DncStoreFailure extends RuntimeException {
    DncStoreFailure(SQLException cause) {
      super("DNC database operation failed: " + cause.getMessage(), cause);
    }
  }
}
