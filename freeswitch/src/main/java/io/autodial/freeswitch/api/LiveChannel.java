package io.autodial.freeswitch.api;

/** One row of {@code show channels}: a channel the switch has right now. */
public record LiveChannel(String uuid, String name, String state, String callState, String destination) {
  public boolean answered() {
    return "ACTIVE".equals(callState) || "HELD".equals(callState);
  }
}
