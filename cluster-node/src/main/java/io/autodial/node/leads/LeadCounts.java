package io.autodial.node.leads;

/** How the leads of some lead sets stand at one moment. */
public record LeadCounts(
    long total, long dialableNow, long inProgress, long answered, long failed, long dropped, long dnc, long invalid) {}
