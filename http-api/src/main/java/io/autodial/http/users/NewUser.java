package io.autodial.http.users;

import io.autodial.http.auth.Role;

/** Body of {@code POST /api/users}. Agents get an agent id (by default their username). */
public record NewUser(String username, String password, Role role, String agentId, String displayName) {
  public NewUser {
    if (username == null || !username.matches("[A-Za-z0-9._-]{2,64}"))
      throw new IllegalArgumentException("username must be 2-64 letters, digits, '.', '_' or '-'");
    if (password == null || password.length() < 8)
      throw new IllegalArgumentException("password must be at least 8 characters");
    if (role == null) throw new IllegalArgumentException("role is required: ADMIN, SUPERVISOR or AGENT");
    if (role == Role.AGENT && (agentId == null || agentId.isBlank())) agentId = username;
    if (role != Role.AGENT && agentId != null)
      throw new IllegalArgumentException("only agents have an agentId");
    if (agentId != null && !agentId.matches("[A-Za-z0-9._-]{1,64}"))
      throw new IllegalArgumentException("agentId must be 1-64 letters, digits, '.', '_' or '-'");
    displayName = displayName == null ? username : displayName;
  }
}
