package io.autodial.freeswitch.esl;

import io.autodial.protocol.call.SwitchEvent;
import io.autodial.protocol.call.SwitchEvent.AmdResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;

/** Turns the FreeSWITCH events a dialer needs into typed {@link SwitchEvent}s. */
final class EslEventTranslator {

  /** What the ESL layer subscribes to with {@code event plain}. */
  static final List<String> SUBSCRIPTIONS =
      List.of(
          "CHANNEL_CREATE",
          "CHANNEL_PROGRESS",
          "CHANNEL_PROGRESS_MEDIA",
          "CHANNEL_ANSWER",
          "CHANNEL_BRIDGE",
          "CHANNEL_UNBRIDGE",
          "CHANNEL_HANGUP_COMPLETE",
          "DTMF",
          "RECORD_START",
          "RECORD_STOP",
          "PLAYBACK_STOP",
          "BACKGROUND_JOB",
          "CUSTOM",
          "amd::result",
          "avmd::beep");

  private EslEventTranslator() {}

  static Optional<SwitchEvent> translate(String switchId, EslEvent event) {
    Map<String, String> h = event.getEventHeaders();
    String uuid = h.get("Unique-ID");
    long at = timestamp(h);
    String name = event.getEventName();
    if (name == null) return Optional.empty();
    return Optional.ofNullable(
        switch (name) {
          case "CHANNEL_CREATE" -> new SwitchEvent.ChannelCreated(uuid, switchId, at, h.get("Channel-Name"));
          case "CHANNEL_PROGRESS" -> new SwitchEvent.Ringing(uuid, switchId, at);
          case "CHANNEL_PROGRESS_MEDIA" -> new SwitchEvent.EarlyMedia(uuid, switchId, at);
          case "CHANNEL_ANSWER" -> new SwitchEvent.Answered(uuid, switchId, at);
          case "CHANNEL_BRIDGE" -> new SwitchEvent.Bridged(uuid, switchId, at, otherLeg(h, uuid));
          case "CHANNEL_UNBRIDGE" -> new SwitchEvent.Unbridged(uuid, switchId, at, otherLeg(h, uuid));
          case "CHANNEL_HANGUP_COMPLETE" ->
              new SwitchEvent.HungUp(
                  uuid,
                  switchId,
                  at,
                  h.getOrDefault("Hangup-Cause", "NORMAL_UNSPECIFIED"),
                  (int) number(h.get("variable_sip_term_status")),
                  number(h.get("variable_duration")),
                  number(h.get("variable_billsec")),
                  h.getOrDefault("variable_sip_hangup_disposition", ""));
          case "DTMF" -> new SwitchEvent.DtmfReceived(uuid, switchId, at, h.get("DTMF-Digit"));
          case "RECORD_START" -> new SwitchEvent.RecordingStarted(uuid, switchId, at, h.get("Record-File-Path"));
          case "RECORD_STOP" -> new SwitchEvent.RecordingStopped(uuid, switchId, at, h.get("Record-File-Path"));
          case "PLAYBACK_STOP" ->
              new SwitchEvent.PlaybackStopped(
                  uuid, switchId, at, h.get("Playback-File-Path"), "done".equalsIgnoreCase(h.get("Playback-Status")));
          case "CUSTOM" -> amd(switchId, uuid, at, h);
          case "BACKGROUND_JOB" -> originateResult(switchId, at, h, event.getEventBodyLines());
          default -> null;
        });
  }

  private static SwitchEvent amd(String switchId, String uuid, long at, Map<String, String> h) {
    String subclass = h.getOrDefault("Event-Subclass", "");
    if (subclass.equals("avmd::beep") && "DETECTED".equals(h.get("Beep-Status")))
      return new SwitchEvent.AmdDetected(uuid, switchId, at, AmdResult.MACHINE, "avmd");
    if (subclass.equals("amd::result")) {
      AmdResult result =
          switch (h.getOrDefault("AMD-Result", "")) {
            case "HUMAN", "PERSON" -> AmdResult.HUMAN;
            case "MACHINE" -> AmdResult.MACHINE;
            default -> AmdResult.UNKNOWN;
          };
      return new SwitchEvent.AmdDetected(uuid, switchId, at, result, "amd");
    }
    return null;
  }

  private static SwitchEvent originateResult(
      String switchId, long at, Map<String, String> h, List<String> body) {
    if (!"originate".equals(h.get("Job-Command"))) return null;
    String legUuid = OriginateCommand.legUuid(h.get("Job-Command-Arg"));
    if (legUuid == null) return null;
    String reply = body.isEmpty() ? "" : body.get(0).trim();
    if (reply.startsWith("+OK")) return new SwitchEvent.OriginateCompleted(legUuid, switchId, at, true, "");
    String cause = reply.startsWith("-ERR") ? reply.substring(4).trim() : reply;
    return new SwitchEvent.OriginateCompleted(legUuid, switchId, at, false, cause.isEmpty() ? "UNKNOWN" : cause);
  }

  /** BRIDGE and UNBRIDGE fire once, on the originator leg; they name both legs. */
  private static String otherLeg(Map<String, String> h, String uuid) {
    String a = h.get("Bridge-A-Unique-ID");
    String b = h.get("Bridge-B-Unique-ID");
    if (a != null && b != null) return uuid.equals(a) ? b : a;
    return h.getOrDefault("Other-Leg-Unique-ID", "");
  }

  private static long timestamp(Map<String, String> h) {
    long micros = number(h.get("Event-Date-Timestamp"));
    return micros > 0 ? micros : System.currentTimeMillis() * 1000;
  }

  private static long number(String value) {
    if (value == null || value.isEmpty()) return 0;
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
