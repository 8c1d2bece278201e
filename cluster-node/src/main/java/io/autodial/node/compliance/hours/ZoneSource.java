package io.autodial.node.compliance.hours;

/** Which piece of a lead's data its time zones were read from, most precise first. */
public enum ZoneSource { EXPLICIT, POSTAL_CODE, REGION, PHONE_NUMBER, COUNTRY, UNKNOWN }
