package io.autodial.http.auth;

/**
 * Who a request comes from, as its token says. {@code agentId} is set for agents only: an agent
 * reaches nothing but that agent's own session and calls.
 */
public record Principal(long userId, String username, Role role, String agentId) {
  public boolean is(Role r) {
    return role == r;
  }
}
