package io.autodial.node.compliance.dnc;

/** How a number came onto a list. */
public enum DncSource {
  /** An admin through the API. */
  API,
  /** An agent's "do not call" disposition. */
  DISPOSITION,
  /** The called person pressed the opt-out digit of the safe-harbor message. */
  OPT_OUT,
  /** An inbound STOP (SMS or IVR). */
  INBOUND_STOP,
  /** The national registry file. */
  REGISTRY_IMPORT,
  /** The contact's data was erased; the number stays blocked. */
  ERASURE
}
