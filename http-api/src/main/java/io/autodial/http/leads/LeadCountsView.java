package io.autodial.http.leads;

/** How a set's leads stand now: all, dialable now, being dialed, and by final status. */
public record LeadCountsView(
    long total, long dialableNow, long inProgress, long answered, long failed, long dropped, long dnc, long invalid) {}
