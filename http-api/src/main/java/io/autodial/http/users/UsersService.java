package io.autodial.http.users;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Users and logins. Failures with IllegalArgumentException become 400s with their message. */
public interface UsersService {
  /** A token for a valid username and password; empty for anything else. */
  CompletionStage<Optional<LoginResult>> login(LoginRequest request);

  CompletionStage<UserView> create(NewUser user);

  CompletionStage<List<UserView>> list();

  CompletionStage<Optional<UserView>> get(long id);

  /** Changes the display name and, when given, the password. */
  CompletionStage<Optional<UserView>> update(long id, UserUpdate update);

  CompletionStage<Boolean> delete(long id);
}
