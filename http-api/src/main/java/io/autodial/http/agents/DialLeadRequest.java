package io.autodial.http.agents;

/** Body of {@code POST /api/agents/{id}/dial}: the lead the agent calls now. */
public record DialLeadRequest(Long leadId) {
  public DialLeadRequest {
    if (leadId == null) throw new IllegalArgumentException("leadId is required");
  }
}
