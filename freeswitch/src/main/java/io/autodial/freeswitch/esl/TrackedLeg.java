package io.autodial.freeswitch.esl;

import java.util.concurrent.ScheduledFuture;

/** What the ESL layer knows of one leg it follows: enough to reconcile it after a reconnect. */
final class TrackedLeg {
  final String uuid;
  /** The switch has shown this leg (an event arrived, or it was followed as an existing channel). */
  volatile boolean seen;
  volatile boolean answered;
  volatile boolean hungUp;
  /** An originate job was sent and its BACKGROUND_JOB has not arrived yet. */
  volatile boolean jobPending;

  volatile ScheduledFuture<?> jobDeadline;

  TrackedLeg(String uuid, boolean jobPending) {
    this.uuid = uuid;
    this.jobPending = jobPending;
    this.seen = !jobPending;
  }

  /** A leg is forgotten once it is gone and its originate job, if any, has reported. */
  boolean finished() {
    return hungUp && !jobPending;
  }

  void cancelDeadline() {
    ScheduledFuture<?> deadline = jobDeadline;
    if (deadline != null) deadline.cancel(false);
  }
}
