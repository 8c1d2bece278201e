package io.autodial.node.auth;

import io.autodial.http.auth.Principal;
import io.autodial.http.auth.Role;
import io.autodial.http.users.LoginRequest;
import io.autodial.http.users.LoginResult;
import io.autodial.http.users.NewUser;
import io.autodial.http.users.UserUpdate;
import io.autodial.http.users.UserView;
import io.autodial.http.users.UsersService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/** Users in PostgreSQL. Blocking JDBC runs on the executor it is given, never on an actor. */
public final class JdbcUsersService implements UsersService {
  private static final String COLUMNS = "id, username, password_hash, role, agent_id, display_name";
  private final DataSource db;
  private final Executor blocking;
  private final JwtTokens tokens;

  public JdbcUsersService(DataSource db, Executor blocking, JwtTokens tokens) {
    this.db = db;
    this.blocking = blocking;
    this.tokens = tokens;
  }

  private record Row(long id, String username, String passwordHash, Role role, String agentId, String displayName) {
    UserView view() {
      return new UserView(id, username, role.name(), agentId, displayName);
    }
  }

  @Override
  public CompletionStage<Optional<LoginResult>> login(LoginRequest request) {
    return async(
        c -> {
          Optional<Row> user = findByUsername(c, request.username());
          // hash even for unknown users, so timing does not reveal which usernames exist
          boolean ok = PasswordHasher.matches(request.password(), user.map(Row::passwordHash).orElse(DUMMY_HASH)) && user.isPresent();
          return ok
              ? user.map(u -> new LoginResult(tokens.issue(new Principal(u.id(), u.username(), u.role(), u.agentId())), u.username(), u.role().name(), u.agentId()))
              : Optional.<LoginResult>empty();
        });
  }

  private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password");

  @Override
  public CompletionStage<UserView> create(NewUser user) {
    return async(c -> insert(c, user).view());
  }

  /** Creates the user unless one with that username exists; for demo and bootstrap accounts. */
  public Optional<UserView> createIfAbsent(NewUser user) {
    try (Connection c = db.getConnection()) {
      if (findByUsername(c, user.username()).isPresent()) return Optional.empty();
      Row row = insert(c, user);
      c.commit();
      return Optional.of(row.view());
    } catch (SQLException e) {
      throw new IllegalStateException("could not create user " + user.username(), e);
    }
  }

  @Override
  public CompletionStage<List<UserView>> list() {
    return async(
        c -> {
          List<UserView> users = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) users.add(row(rs).view());
          }
          return users;
        });
  }

  @Override
  public CompletionStage<Optional<UserView>> get(long id) {
    return async(c -> findById(c, id).map(Row::view));
  }

  @Override
  public CompletionStage<Optional<UserView>> update(long id, UserUpdate update) {
    return async(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE users SET display_name = COALESCE(?, display_name), password_hash = COALESCE(?, password_hash) WHERE id = ?")) {
            ps.setString(1, update.displayName());
            ps.setString(2, update.password() == null ? null : PasswordHasher.hash(update.password()));
            ps.setLong(3, id);
            ps.executeUpdate();
          }
          return findById(c, id).map(Row::view);
        });
  }

  @Override
  public CompletionStage<Boolean> delete(long id) {
    return async(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private Row insert(Connection c, NewUser user) throws SQLException {
    if (findByUsername(c, user.username()).isPresent())
      throw new IllegalArgumentException("username " + user.username() + " is taken");
    if (user.agentId() != null && agentTaken(c, user.agentId()))
      throw new IllegalArgumentException("agentId " + user.agentId() + " belongs to another user");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO users (username, password_hash, role, agent_id, display_name) VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
      ps.setString(1, user.username());
      ps.setString(2, PasswordHasher.hash(user.password()));
      ps.setString(3, user.role().name());
      ps.setString(4, user.agentId());
      ps.setString(5, user.displayName());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return row(rs);
      }
    }
  }

  private static boolean agentTaken(Connection c, String agentId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE agent_id = ?")) {
      ps.setString(1, agentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Optional<Row> findByUsername(Connection c, String username) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static Optional<Row> findById(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("agent_id"), rs.getString("display_name"));
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> CompletionStage<T> async(Work<T> work) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection c = db.getConnection()) {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException e) {
            throw new IllegalStateException("users store: " + e.getMessage(), e);
          }
        },
        blocking);
  }
}
