package io.autodial.node.call;

/**
 * Who a Call tells about the moments that matter to others: the campaign that dialed it, the agent
 * whose leg it is or who took it. Implemented over sharding by the node; told, never asked, so a
 * Call never waits on another entity.
 */
public interface CallListener {
  /** A live answer (or an agent's leg came up). */
  void answered(CallInfo call);

  /** Picked up while answering-machine detection listens: a person or a machine, known within seconds. */
  default void pickedUp(CallInfo call) {}

  /** The customer is bridged to the agent {@link CallInfo#agentId()}. */
  void connected(CallInfo call);

  /**
   * Answering-machine detection found a machine: it is never offered to an agent (it is hung up on,
   * or hears the campaign's message after the beep), so its campaign stops counting it as ringing.
   */
  default void machineDetected(CallInfo call) {}

  /** A live answer no agent took in time: abandoned, it hears the safe-harbor message (if any). */
  default void abandoned(CallInfo call) {}

  /** The callee pressed the opt-out digit during the safe-harbor message. */
  default void optedOut(CallInfo call) {}

  /** The leg is gone. */
  void ended(CallInfo call);

  CallListener NONE =
      new CallListener() {
        @Override
        public void answered(CallInfo call) {}

        @Override
        public void connected(CallInfo call) {}

        @Override
        public void ended(CallInfo call) {}
      };
}
