package io.autodial.http.users;

/** Body of {@code PUT /api/users/{id}}: fields left out stay as they are. */
public record UserUpdate(String displayName, String password) {
  public UserUpdate {
    if (password != null && password.length() < 8)
      throw new IllegalArgumentException("password must be at least 8 characters");
  }
}
