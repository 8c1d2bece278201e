package io.autodial.node.compliance.hours;

/** Where a lead is, as far as its data says. Any field may be null. */
public record LeadLocation(String explicitZone, String postalCode, String region, String phoneE164) {}
