package io.autodial.node.leads;

/** Lead set names are unique: an admin picks sets by name. */
public final class LeadsetNameTaken extends RuntimeException {
  public LeadsetNameTaken(String name) {
    super("a leadset named '" + name + "' already exists", null, false, false);
  }
}
