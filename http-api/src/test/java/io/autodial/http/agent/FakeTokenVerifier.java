package io.autodial.http.agent;

import io.autodial.http.auth.Principal;
import io.autodial.http.auth.Role;
import io.autodial.http.auth.TokenVerifier;
import java.util.Map;
import java.util.Optional;

/** Knows two tokens: one of agent {@code agent-7} and one of a supervisor. */
final class FakeTokenVerifier implements TokenVerifier {
  static final String AGENT_TOKEN = "agent-token";
  static final String SUPERVISOR_TOKEN = "supervisor-token";
  static final String AGENT_ID = "agent-7";

  private static final Map<String, Principal> PRINCIPALS =
      Map.of(
          AGENT_TOKEN, new Principal(7, "alice", Role.AGENT, AGENT_ID),
          SUPERVISOR_TOKEN, new Principal(8, "sam", Role.SUPERVISOR, null));

  @Override
  public Optional<Principal> verify(String token) {
    return Optional.ofNullable(PRINCIPALS.get(token));
  }
}
