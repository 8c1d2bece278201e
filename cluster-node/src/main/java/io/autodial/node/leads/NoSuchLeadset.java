package io.autodial.node.leads;

/** An operation named a lead set that does not exist. */
public final class NoSuchLeadset extends RuntimeException {
  public NoSuchLeadset(long leadsetId) {
    super("no leadset " + leadsetId, null, false, false);
  }
}
