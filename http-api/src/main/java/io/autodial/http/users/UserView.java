package io.autodial.http.users;

/** A user as the API shows it (never the password hash). */
public record UserView(long id, String username, String role, String agentId, String displayName) {}
