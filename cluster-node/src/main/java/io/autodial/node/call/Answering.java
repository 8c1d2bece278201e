package io.autodial.node.call;

import io.autodial.protocol.CborSerializable;

/**
 * What a campaign's customer call does with its answer, fixed when it is dialed. With {@code amd}
 * the answer counts as live only once the switch's answering-machine detection says HUMAN (or is
 * not sure, or does not decide in time); a machine is hung up on, or with {@code leaveMessage}
 * hears {@code machineMessage} after its beep. A {@code humanMessage} makes it a broadcast call:
 * a live answer hears the message and is hung up, no agent is involved. A live answer no agent
 * takes in time hears {@code safeHarborMessage} (when set) before it is hung up, and pressing
 * {@code optOutDigit} during it puts the number on the do-not-call list. Once bridged to an agent,
 * the call is recorded to {@code recordingPath} when set, the callee hearing {@code
 * recordingNotice} first when that is set.
 */
public record Answering(
    boolean amd, boolean leaveMessage, String machineMessage, String humanMessage, String safeHarborMessage, String optOutDigit,
    String recordingPath, String recordingNotice)
    implements CborSerializable {

  /** No detection: the switch's answer is a live answer (calls dialed before AMD existed). */
  public static final Answering LIVE = new Answering(false, false, null, null, null, null, null, null);

  public Answering {
    if (leaveMessage && (machineMessage == null || machineMessage.isBlank()))
      throw new IllegalArgumentException("leaving a message needs the message");
  }

  boolean broadcast() {
    return humanMessage != null;
  }
}
