package io.autodial.protocol.agent;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.autodial.protocol.CborSerializable;
import java.time.Instant;

/**
 * What an agent's softphone sends over {@code /ws/agent}, as JSON with a {@code type} field. Every
 * message carries a client-chosen {@code id}; the server answers each with an {@link
 * AgentServerMessage.Ack} or an {@link AgentServerMessage.Error} naming that id. See
 * {@code protocol/AGENT-PROTOCOL.md}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AgentClientMessage.Authenticate.class, name = "authenticate"),
  @JsonSubTypes.Type(value = AgentClientMessage.Ready.class, name = "ready"),
  @JsonSubTypes.Type(value = AgentClientMessage.Pause.class, name = "pause"),
  @JsonSubTypes.Type(value = AgentClientMessage.Logout.class, name = "logout"),
  @JsonSubTypes.Type(value = AgentClientMessage.Hangup.class, name = "hangup"),
  @JsonSubTypes.Type(value = AgentClientMessage.Hold.class, name = "hold"),
  @JsonSubTypes.Type(value = AgentClientMessage.Unhold.class, name = "unhold"),
  @JsonSubTypes.Type(value = AgentClientMessage.Dtmf.class, name = "dtmf"),
  @JsonSubTypes.Type(value = AgentClientMessage.Disposition.class, name = "disposition"),
  @JsonSubTypes.Type(value = AgentClientMessage.PreviewDial.class, name = "previewDial"),
  @JsonSubTypes.Type(value = AgentClientMessage.PreviewSkip.class, name = "previewSkip"),
  @JsonSubTypes.Type(value = AgentClientMessage.DialLead.class, name = "dialLead")
})
public sealed interface AgentClientMessage extends CborSerializable {
  String id();

  /** The first message on a connection: the token from {@code POST /api/login}. */
  record Authenticate(String id, String token) implements AgentClientMessage {}

  record Ready(String id) implements AgentClientMessage {}

  record Pause(String id, String reason) implements AgentClientMessage {}

  record Logout(String id) implements AgentClientMessage {}

  /** Hang up the agent's current call. */
  record Hangup(String id) implements AgentClientMessage {}

  record Hold(String id) implements AgentClientMessage {}

  record Unhold(String id) implements AgentClientMessage {}

  record Dtmf(String id, String digits) implements AgentClientMessage {}

  /**
   * Closes wrap-up with a disposition code of the campaign. {@code callbackAt} schedules a call
   * back; {@code dnc} puts the number on the do-not-call list; {@code pauseAfter} is "submit &
   * pause" (with {@code pauseReason}) instead of going back to ready.
   */
  record Disposition(
      String id,
      String code,
      String notes,
      Instant callbackAt,
      boolean dnc,
      boolean pauseAfter,
      String pauseReason)
      implements AgentClientMessage {}

  /** Dial the lead of the current preview; its call is bridged to this agent when answered. */
  record PreviewDial(String id) implements AgentClientMessage {}

  /** Do not dial the current preview's lead (it goes back to the campaign's pool), and why. */
  record PreviewSkip(String id, String reason) implements AgentClientMessage {}

  /** Dial a lead of the agent's campaign by id now (manual dial / click-to-call). */
  record DialLead(String id, Long leadId) implements AgentClientMessage {}
}
