package io.autodial.protocol.agent;

import io.autodial.protocol.CborSerializable;
import java.util.Map;

/** A lead as the agent sees it. */
public record LeadDetails(
    long id,
    String phone,
    String firstName,
    String lastName,
    String email,
    String company,
    String timeZone,
    Map<String, String> custom)
    implements CborSerializable {}
