package io.autodial.http.auth;

import java.util.Optional;

/** Checks a bearer token and says whose it is. */
public interface TokenVerifier {
  Optional<Principal> verify(String token);
}
