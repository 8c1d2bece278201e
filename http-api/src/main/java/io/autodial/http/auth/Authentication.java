package io.autodial.http.auth;

import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;

import io.autodial.http.ApiErrors;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** Directives that guard routes: a valid bearer token, then the right role. */
public final class Authentication {
  private final TokenVerifier verifier;

  public Authentication(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** 401 without a valid {@code Authorization: Bearer} token. */
  public Route authenticated(Function<Principal, Route> inner) {
    return optionalHeaderValueByName(
        "Authorization",
        header -> {
          if (header.isEmpty() || !header.get().startsWith("Bearer "))
            return ApiErrors.error(StatusCodes.UNAUTHORIZED, "send Authorization: Bearer <token> (get one from POST /api/login)");
          Optional<Principal> principal = verifier.verify(header.get().substring(7).trim());
          return principal
              .map(inner)
              .orElseGet(() -> ApiErrors.error(StatusCodes.UNAUTHORIZED, "the token is not valid or has expired; log in again"));
        });
  }

  /** 403 unless the principal has one of {@code roles}. */
  public static Route requireRole(Principal principal, Set<Role> roles, Supplier<Route> inner) {
    if (!roles.contains(principal.role()))
      return ApiErrors.error(StatusCodes.FORBIDDEN, "this needs one of the roles " + roles + "; you are " + principal.role());
    return inner.get();
  }

  public static Route admin(Principal principal, Supplier<Route> inner) {
    return requireRole(principal, EnumSet.of(Role.ADMIN), inner);
  }

  public static Route staff(Principal principal, Supplier<Route> inner) {
    return requireRole(principal, EnumSet.of(Role.ADMIN, Role.SUPERVISOR), inner);
  }
}
