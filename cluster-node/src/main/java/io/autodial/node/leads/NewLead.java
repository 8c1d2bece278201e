package io.autodial.node.leads;

import java.util.Map;

/** A validated lead ready to insert: E.164 phone, a known IANA zone or null, a loadable status. */
public record NewLead(
    String phone,
    String firstName,
    String lastName,
    String email,
    String company,
    String timeZone,
    LeadStatus status,
    int priority,
    Map<String, String> custom) {}
