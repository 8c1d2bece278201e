package io.autodial.http.leads;

import java.util.Map;

/**
 * Body of {@code POST /api/leadsets/{id}/leads}: one lead by form. The phone may be written as
 * people write it; status defaults to NEW and priority to 0.
 */
public record LeadRequest(
    String phone,
    String firstName,
    String lastName,
    String email,
    String company,
    String timeZone,
    String status,
    Integer priority,
    Map<String, String> custom) {

  public LeadRequest {
    if (phone == null || phone.isBlank()) throw new IllegalArgumentException("phone is required");
    status = status == null || status.isBlank() ? "NEW" : status;
    priority = priority == null ? 0 : priority;
    custom = custom == null ? Map.of() : Map.copyOf(custom);
  }
}
