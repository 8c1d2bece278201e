package io.autodial.protocol.agent;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.autodial.protocol.CborSerializable;
import java.util.List;

/** What the server pushes to an agent's softphone over {@code /ws/agent}, as JSON with a {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AgentServerMessage.Ack.class, name = "ack"),
  @JsonSubTypes.Type(value = AgentServerMessage.Error.class, name = "error"),
  @JsonSubTypes.Type(value = AgentServerMessage.State.class, name = "state"),
  @JsonSubTypes.Type(value = AgentServerMessage.CallOffered.class, name = "callOffered"),
  @JsonSubTypes.Type(value = AgentServerMessage.CallConnected.class, name = "callConnected"),
  @JsonSubTypes.Type(value = AgentServerMessage.CallEnded.class, name = "callEnded"),
  @JsonSubTypes.Type(value = AgentServerMessage.WrapUpStarted.class, name = "wrapUpStarted"),
  @JsonSubTypes.Type(value = AgentServerMessage.Preview.class, name = "preview")
})
public sealed interface AgentServerMessage extends CborSerializable {

  /** The client message {@code id} was carried out. */
  record Ack(String id) implements AgentServerMessage {}

  /** The client message {@code id} (null if it could not be read) was refused, and why. */
  record Error(String id, String message) implements AgentServerMessage {}

  /**
   * The agent's state: sent after authentication, after every change, and to a reconnecting
   * softphone. {@code call} is set while reserved, on a call or in wrap-up.
   */
  record State(
      String agentId,
      AgentStatus status,
      String pauseReason,
      long sinceEpochMillis,
      String campaignId,
      CallDetails call)
      implements AgentServerMessage {}

  /** A live person answered and is being connected to this agent: the screen pop. */
  record CallOffered(CallDetails call) implements AgentServerMessage {}

  /** The customer's leg is bridged to the agent's: talk. */
  record CallConnected(CallDetails call) implements AgentServerMessage {}

  record CallEnded(String callUuid, String cause) implements AgentServerMessage {}

  /** The call is over; a disposition from {@code dispositions} is required to leave wrap-up. */
  record WrapUpStarted(String callUuid, List<String> dispositions) implements AgentServerMessage {}

  /**
   * Preview mode: a lead to look at before dialing, with the script filled in; the agent answers
   * with {@code previewDial} or {@code previewSkip}. {@code call.callUuid} is the call it would be.
   */
  record Preview(CallDetails call) implements AgentServerMessage {}

  /**
   * PREVIEW: looking at a lead offered in preview mode. DIALING: the agent's own call to a lead
   * (a dialed preview or a manual dial) rings; it is bridged to the agent when answered.
   */
  enum AgentStatus {
    LOGGED_OUT,
    READY,
    PAUSED,
    RESERVED,
    ON_CALL,
    WRAP_UP,
    PREVIEW,
    DIALING
  }
}
