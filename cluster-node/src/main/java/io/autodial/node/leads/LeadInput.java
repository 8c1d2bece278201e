package io.autodial.node.leads;

import java.util.Map;

/**
 * One lead as an admin gave it (a form or a CSV row), not yet validated: the phone as typed, the
 * status by name. {@link LeadValidator} turns it into a {@link NewLead} or says what is wrong.
 */
public record LeadInput(
    String phone,
    String firstName,
    String lastName,
    String email,
    String company,
    String timeZone,
    String status,
    int priority,
    Map<String, String> custom) {

  public LeadInput {
    custom = custom == null ? Map.of() : Map.copyOf(custom);
  }
}
