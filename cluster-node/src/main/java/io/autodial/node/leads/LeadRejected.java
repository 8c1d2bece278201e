package io.autodial.node.leads;

/** A lead that cannot be stored; the message says what to fix. */
public final class LeadRejected extends RuntimeException {
  public LeadRejected(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
