package io.autodial.http.compliance;

import java.util.List;

/**
 * What an erasure did. {@code phoneHash} is how the contact appears in the audit trail from now
 * on; {@code recordingsToDelete} are call recordings of the contact, files the switch holds that
 * the admin must delete there; {@code keptOnDnc}: the number went onto the internal do-not-call
 * list so it is never dialed again (false when the node has no such list wired).
 */
public record ErasureResult(
    String phoneHash, int leadsRemoved, int skipsRemoved, int callLogRowsScrubbed, List<String> recordingsToDelete, boolean keptOnDnc) {}
