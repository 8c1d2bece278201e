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
  @JsonSubTypes.Type(value = AgentClientMessage.Disposition.class, name = "disposition")
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
}
