package io.autodial.http.users;

/** A bearer token and who it is for. */
public record LoginResult(String token, String username, String role, String agentId) {}
