package io.autodial.http.users;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.longSegment;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import io.autodial.http.auth.Authentication;
import io.autodial.http.auth.Principal;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code POST /api/login} (open) and {@code /api/users} (admins). */
public final class UserRoutes {
  private final UsersService users;

  public UserRoutes(UsersService users) {
    this.users = users;
  }

  /** The one API route served without a token. */
  public Route login() {
    return path(
        "login",
        () ->
            post(
                () ->
                    entity(
                        Json.unmarshaller(LoginRequest.class),
                        request ->
                            onSuccess(
                                users.login(request),
                                result ->
                                    result.isPresent()
                                        ? complete(StatusCodes.OK, result.get(), Json.<LoginResult>marshaller())
                                        : ApiErrors.error(StatusCodes.UNAUTHORIZED, "unknown username or wrong password")))));
  }

  public Route users(Principal principal) {
    return pathPrefix(
        "users",
        () ->
            Authentication.admin(
                principal,
                () ->
                    concat(
                        pathEnd(
                            () ->
                                concat(
                                    get(() -> onSuccess(users.list(), list -> complete(StatusCodes.OK, list, Json.marshaller()))),
                                    post(
                                        () ->
                                            entity(
                                                Json.unmarshaller(NewUser.class),
                                                user -> onSuccess(users.create(user), created -> complete(StatusCodes.CREATED, created, Json.<UserView>marshaller())))))),
                        path(
                            longSegment(),
                            id ->
                                concat(
                                    get(() -> onSuccess(users.get(id), user -> found(user, id))),
                                    put(
                                        () ->
                                            entity(
                                                Json.unmarshaller(UserUpdate.class),
                                                update -> onSuccess(users.update(id, update), user -> found(user, id)))),
                                    delete(
                                        () ->
                                            onSuccess(
                                                users.delete(id),
                                                deleted -> deleted ? complete(StatusCodes.NO_CONTENT) : ApiErrors.error(StatusCodes.NOT_FOUND, "no user " + id))))))));
  }

  private static Route found(java.util.Optional<UserView> user, long id) {
    return user.isPresent()
        ? complete(StatusCodes.OK, user.get(), Json.<UserView>marshaller())
        : ApiErrors.error(StatusCodes.NOT_FOUND, "no user " + id);
  }
}
