package io.autodial.node.campaign;

import io.autodial.node.leads.RetryRules;
import io.autodial.protocol.CborSerializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a campaign dials. The ring timeout is at least 15 s (FCC 64.1200(a)(6): not before 15 s or
 * four rings); dispositions are the defaults plus the campaign's own.
 */
public record CampaignSettings(
    String name,
    String callerId,
    double multiplier,
    int maxConcurrentCalls,
    int ringTimeoutSeconds,
    List<String> dispositions,
    String script,
    RetryRules retryRules,
    List<Long> leadsetIds)
    implements CborSerializable {

  public static final List<String> DEFAULT_DISPOSITIONS =
      List.of("SALE MADE", "CALL BACK", "NOT INTERESTED", "DO NOT CALL", "BUSY", "WRONG DETAILS",
          "DISCONNECTED NUMBER", "DECLINED SALE", "CALL TRANSFERRED");

  public CampaignSettings {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
    if (callerId == null || !callerId.matches("\\+?[0-9]{3,15}"))
      throw new IllegalArgumentException("callerId must be a phone number people can call back (digits, optionally with +)");
    if (multiplier < 1.0 || multiplier > 10.0) throw new IllegalArgumentException("multiplier must be between 1 and 10");
    if (maxConcurrentCalls < 1) throw new IllegalArgumentException("maxConcurrentCalls must be at least 1");
    if (ringTimeoutSeconds < 15)
      throw new IllegalArgumentException("ringTimeoutSeconds must be at least 15 (do not hang up before 15 seconds or four rings)");
    if (ringTimeoutSeconds > 120) throw new IllegalArgumentException("ringTimeoutSeconds must be at most 120");
    Set<String> all = new LinkedHashSet<>(DEFAULT_DISPOSITIONS);
    for (String d : dispositions == null ? List.<String>of() : dispositions) {
      if (d == null || d.isBlank()) throw new IllegalArgumentException("a disposition must not be blank");
      all.add(d.trim().toUpperCase());
    }
    dispositions = List.copyOf(all);
    script = script == null ? "" : script;
    retryRules = retryRules == null ? RetryRules.defaults() : retryRules;
    leadsetIds = leadsetIds == null ? List.of() : List.copyOf(leadsetIds);
  }

  public CampaignSettings withLeadsets(List<Long> ids) {
    return new CampaignSettings(name, callerId, multiplier, maxConcurrentCalls, ringTimeoutSeconds, custom(), script, retryRules, ids);
  }

  /** The campaign's own dispositions, without the defaults. */
  public List<String> custom() {
    List<String> own = new ArrayList<>(dispositions);
    own.removeAll(DEFAULT_DISPOSITIONS);
    return own;
  }
}
