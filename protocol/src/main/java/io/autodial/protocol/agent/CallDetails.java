package io.autodial.protocol.agent;

import io.autodial.protocol.CborSerializable;
import java.util.List;

/** The screen pop: the call, the lead's fields, and the campaign's script with them filled in. */
public record CallDetails(
    String callUuid,
    String campaignId,
    LeadDetails lead,
    String script,
    List<String> dispositions)
    implements CborSerializable {}
