package io.autodial.http.calls;

import java.util.Map;

/** Body of {@code POST /api/calls}: a test call to a number, with optional channel variables. */
public record DialCallRequest(
    String destination, String callerId, Integer ringTimeoutSeconds, Map<String, String> variables) {

  public DialCallRequest {
    if (destination == null || destination.isBlank())
      throw new IllegalArgumentException("destination is required");
    if (ringTimeoutSeconds != null && ringTimeoutSeconds < 15)
      throw new IllegalArgumentException("ringTimeoutSeconds must be at least 15 (the 15-second / four-ring rule)");
    variables = variables == null ? Map.of() : Map.copyOf(variables);
    callerId = callerId == null ? "" : callerId;
  }

  public int ringTimeout() {
    return ringTimeoutSeconds == null ? 30 : ringTimeoutSeconds;
  }
}
