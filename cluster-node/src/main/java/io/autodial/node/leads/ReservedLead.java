package io.autodial.node.leads;

import java.util.UUID;

/** A lead reserved for one attempt, and the uuid the attempt's call must use. */
public record ReservedLead(UUID callUuid, Lead lead) {}
