package io.autodial.node.compliance;

/** Whether a campaign records its calls, and whether callees hear a notice first. */
public enum RecordingMode {
  OFF,
  /** Recorded; leads in all-party-consent states get the notice (or no recording) all the same. */
  ON,
  /** Every callee hears the recording notice before the recording starts. */
  ON_WITH_NOTICE
}
