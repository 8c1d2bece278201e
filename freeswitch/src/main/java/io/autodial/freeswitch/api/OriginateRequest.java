package io.autodial.freeswitch.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One leg to originate. {@code destination} is a phone number for a customer leg and an agent
 * extension for an agent leg; the switch's dial-string template turns it into a dial string.
 * {@code variables} become channel variables ({@code {k=v,...}}); {@code ringTimeout} is the
 * leg's own {@code originate_timeout}.
 */
public record OriginateRequest(
    String uuid,
    LegKind kind,
    String destination,
    String callerIdNumber,
    String callerIdName,
    Duration ringTimeout,
    Map<String, String> variables,
    Optional<String> switchId) {

  public enum LegKind {
    CUSTOMER,
    AGENT
  }

  public OriginateRequest {
    if (uuid == null || uuid.isBlank()) throw new IllegalArgumentException("uuid is required");
    if (destination == null || destination.isBlank())
      throw new IllegalArgumentException("destination is required");
    if (ringTimeout == null || ringTimeout.toSeconds() < 1)
      throw new IllegalArgumentException("ringTimeout must be at least one second");
    variables = Map.copyOf(variables);
  }

  public static OriginateRequest customer(String uuid, String number, Duration ringTimeout) {
    return new OriginateRequest(
        uuid, LegKind.CUSTOMER, number, "", "", ringTimeout, Map.of(), Optional.empty());
  }

  public OriginateRequest withVariables(Map<String, String> more) {
    var merged = new java.util.HashMap<>(variables);
    merged.putAll(more);
    return new OriginateRequest(
        uuid, kind, destination, callerIdNumber, callerIdName, ringTimeout, merged, switchId);
  }

  public OriginateRequest withCallerId(String number, String name) {
    return new OriginateRequest(
        uuid, kind, destination, number, name, ringTimeout, variables, switchId);
  }
}
