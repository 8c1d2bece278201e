package io.autodial.node.call;

import io.autodial.protocol.CborSerializable;
import io.autodial.protocol.call.SwitchEvent.AmdResult;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Everything a Call entity knows of its call. Fields are null until they happened. {@code liveAt}:
 * when the answer became a live person's (the switch's answer without AMD, AMD's verdict with it);
 * {@code message}: the recording played to the callee, {@code messagePlayedAt} when it finished;
 * {@code optedOutAt}: when the callee pressed the opt-out digit during the safe-harbor message.
 */
public record CallInfo(
    String uuid,
    CallEntity.DialSpec spec,
    String switchId,
    Instant startedAt,
    Instant ringingAt,
    Instant answeredAt,
    AmdResult amdResult,
    String agentId,
    String bridgedTo,
    String recordingPath,
    String jobFailureCause,
    boolean abandoned,
    Hangup hangup,
    Disposition disposition,
    Instant liveAt,
    String message,
    Instant messagePlayedAt,
    Instant optedOutAt)
    implements CborSerializable {

  public record Hangup(Instant at, String cause, int sipStatus, long durationSec, long billSec) implements CborSerializable {}

  public record Disposition(String agentId, String code, String notes, Instant callbackAt, boolean dnc, Instant at)
      implements CborSerializable {}

  public enum Phase {
    DIALING,
    RINGING,
    ANSWERED,
    BRIDGED,
    ENDED
  }

  static CallInfo dialing(String uuid, CallEntity.DialSpec spec, Instant at) {
    return new CallInfo(uuid, spec, null, at, null, null, null, null, null, null, null, false, null, null, null, null, null, null);
  }

  public Phase phase() {
    if (hangup != null) return Phase.ENDED;
    if (bridgedTo != null) return Phase.BRIDGED;
    if (answeredAt != null) return Phase.ANSWERED;
    if (ringingAt != null) return Phase.RINGING;
    return Phase.DIALING;
  }

  public CallContext context() {
    return spec.context();
  }

  // convenience views used by the API and tests
  public String destination() {
    return spec.destination();
  }

  public Instant endedAt() {
    return hangup == null ? null : hangup.at();
  }

  public String hangupCause() {
    return hangup == null ? null : hangup.cause();
  }

  public int sipStatus() {
    return hangup == null ? 0 : hangup.sipStatus();
  }

  public long billSec() {
    return hangup == null ? 0 : hangup.billSec();
  }

  long secondsSinceStart(Instant now) {
    return Duration.between(startedAt, now).toSeconds();
  }

  long secondsSinceAnswer(Instant now) {
    return answeredAt == null ? 0 : Duration.between(answeredAt, now).toSeconds();
  }

  /** A copy with {@code change} applied: records have no withers, so this is the one place that copies. */
  CallInfo with(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new CallInfo(uuid, spec, c.switchId, startedAt, c.ringingAt, c.answeredAt, c.amdResult, c.agentId, c.bridgedTo, c.recordingPath, c.jobFailureCause, c.abandoned, c.hangup, c.disposition, c.liveAt, c.message, c.messagePlayedAt, c.optedOutAt);
  }

  static final class Copy {
    String switchId;
    Instant ringingAt;
    Instant answeredAt;
    AmdResult amdResult;
    String agentId;
    String bridgedTo;
    String recordingPath;
    String jobFailureCause;
    boolean abandoned;
    Hangup hangup;
    Disposition disposition;
    Instant liveAt;
    String message;
    Instant messagePlayedAt;
    Instant optedOutAt;

    private Copy(CallInfo i) {
      switchId = i.switchId;
      ringingAt = i.ringingAt;
      answeredAt = i.answeredAt;
      amdResult = i.amdResult;
      agentId = i.agentId;
      bridgedTo = i.bridgedTo;
      recordingPath = i.recordingPath;
      jobFailureCause = i.jobFailureCause;
      abandoned = i.abandoned;
      hangup = i.hangup;
      disposition = i.disposition;
      liveAt = i.liveAt;
      message = i.message;
      messagePlayedAt = i.messagePlayedAt;
      optedOutAt = i.optedOutAt;
    }
  }
}
