package io.autodial.freeswitch.esl;

import io.autodial.freeswitch.api.OriginateRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the argument of {@code originate} and reads the leg's uuid back from a job's arguments. */
final class OriginateCommand {
  private static final Pattern ORIGINATION_UUID = Pattern.compile("origination_uuid=([0-9a-fA-F-]{36})");

  private OriginateCommand() {}

  static String argument(OriginateRequest request, SwitchSettings settings) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("origination_uuid", request.uuid());
    vars.put("originate_timeout", Long.toString(request.ringTimeout().toSeconds()));
    vars.put("ignore_early_media", "true");
    if (!request.callerIdNumber().isBlank())
      vars.put("origination_caller_id_number", request.callerIdNumber());
    if (!request.callerIdName().isBlank())
      vars.put("origination_caller_id_name", request.callerIdName());
    vars.put("autodial_leg", request.kind().name().toLowerCase());
    if (request.kind() == OriginateRequest.LegKind.AGENT) {
      // an agent leg is nailed up: it goes back to park when its customer hangs up
      vars.put("park_after_bridge", "true");
    }
    vars.putAll(request.variables());
    String dialString =
        request.kind() == OriginateRequest.LegKind.AGENT
            ? settings.agentDialString(request.destination())
            : settings.customerDialString(request.destination());
    StringBuilder sb = new StringBuilder("{");
    vars.forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append(','));
    sb.setCharAt(sb.length() - 1, '}');
    return sb.append(dialString).append(" &park()").toString();
  }

  /** FreeSWITCH splits {vars} on commas and the command on spaces. */
  private static String escape(String value) {
    String escaped = value.replace(",", "\\,");
    return escaped.contains(" ") ? "'" + escaped + "'" : escaped;
  }

  static String legUuid(String jobCommandArg) {
    if (jobCommandArg == null) return null;
    Matcher m = ORIGINATION_UUID.matcher(jobCommandArg);
    return m.find() ? m.group(1) : null;
  }
}
