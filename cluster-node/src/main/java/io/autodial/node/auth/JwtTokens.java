package io.autodial.node.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.autodial.http.auth.Principal;
import io.autodial.http.auth.Role;
import io.autodial.http.auth.TokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed (HMAC-SHA256) bearer tokens. The secret comes from configuration, so every node of a
 * cluster accepts the tokens of every other; without one a node makes its own for the run.
 */
public final class JwtTokens implements TokenVerifier {
  private static final String ISSUER = "autodial";
  private final Algorithm algorithm;
  private final JWTVerifier verifier;
  private final Duration lifetime;

  public JwtTokens(String secret, Duration lifetime) {
    if (secret.length() < 32) throw new IllegalArgumentException("the token secret must be at least 32 characters");
    this.algorithm = Algorithm.HMAC256(secret);
    this.verifier = JWT.require(algorithm).withIssuer(ISSUER).build();
    this.lifetime = lifetime;
  }

  public String issue(Principal principal) {
    Instant now = Instant.now();
    return JWT.create()
        .withIssuer(ISSUER)
        .withSubject(Long.toString(principal.userId()))
        .withClaim("username", principal.username())
        .withClaim("role", principal.role().name())
        .withClaim("agentId", principal.agentId())
        .withIssuedAt(now)
        .withExpiresAt(now.plus(lifetime))
        .sign(algorithm);
  }

  @Override
  public Optional<Principal> verify(String token) {
    try {
      DecodedJWT jwt = verifier.verify(token);
      return Optional.of(
          new Principal(
              Long.parseLong(jwt.getSubject()),
              jwt.getClaim("username").asString(),
              Role.valueOf(jwt.getClaim("role").asString()),
              jwt.getClaim("agentId").asString()));
    } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
