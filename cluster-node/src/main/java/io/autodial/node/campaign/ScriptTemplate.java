package io.autodial.node.campaign;

import io.autodial.protocol.agent.LeadDetails;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a campaign script's {@code {{variables}}} from the lead: {@code first_name}, {@code
 * last_name}, {@code phone}, {@code email}, {@code company}, {@code time_zone} and any custom field
 * by its name. An unknown variable is left visible as it is, so a typo shows on the agent's screen.
 */
public final class ScriptTemplate {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

  private ScriptTemplate() {}

  public static String fill(String script, LeadDetails lead) {
    Map<String, String> values = new HashMap<>(lead.custom());
    put(values, "first_name", lead.firstName());
    put(values, "last_name", lead.lastName());
    put(values, "phone", lead.phone());
    put(values, "email", lead.email());
    put(values, "company", lead.company());
    put(values, "time_zone", lead.timeZone());
    Matcher m = VARIABLE.matcher(script);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    return m.appendTail(out).toString();
  }

  private static void put(Map<String, String> values, String key, String value) {
    if (value != null) values.put(key, value);
  }
}
