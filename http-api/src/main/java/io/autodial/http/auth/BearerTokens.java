package io.autodial.http.auth;

import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;

import io.autodial.http.ApiErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Guards the API with a bearer token. This is the operator's admin token; users, roles and
 * per-agent tokens arrive with the HTTP API issue.
 */
public final class BearerTokens {
  private final byte[] adminToken;

  public BearerTokens(String adminToken) {
    if (adminToken == null || adminToken.length() < 16)
      throw new IllegalArgumentException("the admin token must be at least 16 characters");
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
  }

  public Route requireAdmin(Supplier<Route> inner) {
    return optionalHeaderValueByName(
        "Authorization",
        header -> {
          if (header.isEmpty() || !header.get().startsWith("Bearer "))
            return ApiErrors.error(StatusCodes.UNAUTHORIZED, "send Authorization: Bearer <token>");
          byte[] presented = header.get().substring(7).trim().getBytes(StandardCharsets.UTF_8);
          if (!MessageDigest.isEqual(presented, adminToken))
            return ApiErrors.error(StatusCodes.UNAUTHORIZED, "the token is not valid");
          return inner.get();
        });
  }
}
