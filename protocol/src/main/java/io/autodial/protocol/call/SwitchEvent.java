package io.autodial.protocol.call;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.autodial.protocol.CborSerializable;

/**
 * A channel event from a switch, typed and routed to its call by Unique-ID. Produced by the ESL layer
 * from FreeSWITCH events (or by its reconciliation after a reconnect) and consumed by Call entities,
 * possibly on another node, hence serializable.
 *
 * <p>{@code atMicros} is the switch's {@code Event-Date-Timestamp}: when the switch fired the event.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SwitchEvent.ChannelCreated.class, name = "created"),
  @JsonSubTypes.Type(value = SwitchEvent.Ringing.class, name = "ringing"),
  @JsonSubTypes.Type(value = SwitchEvent.EarlyMedia.class, name = "early-media"),
  @JsonSubTypes.Type(value = SwitchEvent.Answered.class, name = "answered"),
  @JsonSubTypes.Type(value = SwitchEvent.Bridged.class, name = "bridged"),
  @JsonSubTypes.Type(value = SwitchEvent.Unbridged.class, name = "unbridged"),
  @JsonSubTypes.Type(value = SwitchEvent.HungUp.class, name = "hung-up"),
  @JsonSubTypes.Type(value = SwitchEvent.DtmfReceived.class, name = "dtmf"),
  @JsonSubTypes.Type(value = SwitchEvent.RecordingStarted.class, name = "recording-started"),
  @JsonSubTypes.Type(value = SwitchEvent.RecordingStopped.class, name = "recording-stopped"),
  @JsonSubTypes.Type(value = SwitchEvent.AmdDetected.class, name = "amd"),
  @JsonSubTypes.Type(value = SwitchEvent.PlaybackStopped.class, name = "playback-stopped"),
  @JsonSubTypes.Type(value = SwitchEvent.OriginateCompleted.class, name = "originate-completed"),
  @JsonSubTypes.Type(value = SwitchEvent.ChannelLost.class, name = "channel-lost")
})
public sealed interface SwitchEvent extends CborSerializable {
  String uuid();

  String switchId();

  long atMicros();

  record ChannelCreated(String uuid, String switchId, long atMicros, String channelName)
      implements SwitchEvent {}

  /** The far end rings (SIP 180, CHANNEL_PROGRESS). */
  record Ringing(String uuid, String switchId, long atMicros) implements SwitchEvent {}

  /** Early media (SIP 183 with SDP, CHANNEL_PROGRESS_MEDIA). */
  record EarlyMedia(String uuid, String switchId, long atMicros) implements SwitchEvent {}

  record Answered(String uuid, String switchId, long atMicros) implements SwitchEvent {}

  record Bridged(String uuid, String switchId, long atMicros, String otherUuid)
      implements SwitchEvent {}

  record Unbridged(String uuid, String switchId, long atMicros, String otherUuid)
      implements SwitchEvent {}

  /**
   * The channel is gone (CHANNEL_HANGUP_COMPLETE), with the switch's own timing: {@code durationSec}
   * from creation, {@code billSec} from answer. {@code sipStatus} is 0 when the leg had no SIP.
   */
  record HungUp(
      String uuid,
      String switchId,
      long atMicros,
      String cause,
      int sipStatus,
      long durationSec,
      long billSec,
      String hangupDisposition)
      implements SwitchEvent {}

  record DtmfReceived(String uuid, String switchId, long atMicros, String digit)
      implements SwitchEvent {}

  record RecordingStarted(String uuid, String switchId, long atMicros, String path)
      implements SwitchEvent {}

  record RecordingStopped(String uuid, String switchId, long atMicros, String path)
      implements SwitchEvent {}

  /** Answering-machine detection decided; {@code source} names the detector (e.g. avmd, amd). */
  record AmdDetected(String uuid, String switchId, long atMicros, AmdResult result, String source)
      implements SwitchEvent {}

  /**
   * A file played on the channel stopped (PLAYBACK_STOP): {@code completed} when it played to the
   * end ({@code Playback-Status: done}), false when it was cut short.
   */
  record PlaybackStopped(String uuid, String switchId, long atMicros, String path, boolean completed)
      implements SwitchEvent {}

  /**
   * The originate job finished (BACKGROUND_JOB): {@code ok} with the leg answered, otherwise
   * {@code cause} says why it failed. {@code LOST} when the switch never answered the job in time.
   */
  record OriginateCompleted(String uuid, String switchId, long atMicros, boolean ok, String cause)
      implements SwitchEvent {}

  /**
   * Reconciliation after a reconnect found that the switch no longer has this channel: its hangup
   * happened while the connection was down and its events were never seen.
   */
  record ChannelLost(String uuid, String switchId, long atMicros) implements SwitchEvent {}

  enum AmdResult {
    HUMAN,
    MACHINE,
    UNKNOWN
  }
}
