package io.autodial.http.leads;

/** Body of {@code POST /api/leadsets} and {@code PUT /api/leadsets/{id}}. */
public record LeadsetRequest(String name, String description) {
  public LeadsetRequest {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
    if (name.length() > 200) throw new IllegalArgumentException("name must be at most 200 characters");
    name = name.trim();
  }
}
