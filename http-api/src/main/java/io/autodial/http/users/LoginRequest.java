package io.autodial.http.users;

public record LoginRequest(String username, String password) {
  public LoginRequest {
    if (username == null || username.isBlank()) throw new IllegalArgumentException("username is required");
    if (password == null || password.isEmpty()) throw new IllegalArgumentException("password is required");
  }
}
