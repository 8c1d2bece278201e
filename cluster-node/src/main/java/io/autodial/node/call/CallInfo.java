package io.autodial.node.call;

import io.autodial.freeswitch.api.OriginateRequest.LegKind;
import io.autodial.protocol.CborSerializable;
import io.autodial.protocol.call.SwitchEvent.AmdResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Everything a Call entity knows of its call. Fields are null until the switch reported them. */
public record CallInfo(
    String uuid,
    LegKind kind,
    String destination,
    String callerIdNumber,
    String switchId,
    Instant startedAt,
    Instant ringingAt,
    Instant answeredAt,
    AmdResult amdResult,
    String bridgedTo,
    String recordingPath,
    String jobFailureCause,
    Instant endedAt,
    String hangupCause,
    int sipStatus,
    long durationSec,
    long billSec,
    Map<String, String> variables,
    Duration ringTimeout)
    implements CborSerializable {

  public enum Phase {
    DIALING,
    RINGING,
    ANSWERED,
    BRIDGED,
    ENDED
  }

  static CallInfo dialing(String uuid, CallEntity.DialSpec spec, Instant at) {
    return new CallInfo(
        uuid, spec.kind(), spec.destination(), spec.callerIdNumber(), null, at, null, null, null,
        null, null, null, null, null, 0, 0, 0, spec.variables(), spec.ringTimeout());
  }

  public Phase phase() {
    if (endedAt != null) return Phase.ENDED;
    if (bridgedTo != null) return Phase.BRIDGED;
    if (answeredAt != null) return Phase.ANSWERED;
    if (ringingAt != null) return Phase.RINGING;
    return Phase.DIALING;
  }

  CallInfo onSwitch(String id) {
    return new CallInfo(uuid, kind, destination, callerIdNumber, id, startedAt, ringingAt, answeredAt, amdResult, bridgedTo, recordingPath, jobFailureCause, endedAt, hangupCause, sipStatus, durationSec, billSec, variables, ringTimeout);
  }

  CallInfo ringing(Instant at) {
    return new CallInfo(uuid, kind, destination, callerIdNumber, switchId, startedAt, at, answeredAt, amdResult, bridgedTo, recordingPath, jobFailureCause, endedAt, hangupCause, sipStatus, durationSec, billSec, variables, ringTimeout);
  }

  CallInfo answered(Instant at) {
    return new CallInfo(uuid, kind, destination, callerIdNumber, switchId, startedAt, ringingAt, at, amdResult, bridgedTo, recordingPath, jobFailureCause, endedAt, hangupCause, sipStatus, durationSec, billSec, variables, ringTimeout);
  }

  CallInfo amd(AmdResult result) {
    return new CallInfo(uuid, kind, destination, callerIdNumber, switchId, startedAt, ringingAt, answeredAt, result, bridgedTo, recordingPath, jobFailureCause, endedAt, hangupCause, sipStatus, durationSec, billSec, variables, ringTimeout);
  }

  CallInfo bridgedTo(String other) {
    return new CallInfo(uuid, kind, destination, callerIdNumber, switchId, startedAt, ringingAt, answeredAt, amdResult, other, recordingPath, jobFailureCause, endedAt, hangupCause, sipStatus, durationSec, billSec, variables, ringTimeout);
  }

  CallInfo recording(String path) {
    return new CallInfo(uuid, kind, destination, callerIdNumber, switchId, startedAt, ringingAt, answeredAt, amdResult, bridgedTo, path, jobFailureCause, endedAt, hangupCause, sipStatus, durationSec, billSec, variables, ringTimeout);
  }

  CallInfo jobFailed(String cause) {
    return new CallInfo(uuid, kind, destination, callerIdNumber, switchId, startedAt, ringingAt, answeredAt, amdResult, bridgedTo, recordingPath, cause, endedAt, hangupCause, sipStatus, durationSec, billSec, variables, ringTimeout);
  }

  CallInfo ended(Instant at, String cause, int sip, long duration, long bill) {
    return new CallInfo(uuid, kind, destination, callerIdNumber, switchId, startedAt, ringingAt, answeredAt, amdResult, bridgedTo, recordingPath, jobFailureCause, at, cause, sip, duration, bill, variables, ringTimeout);
  }

  /** Durations measured here, for a hangup the switch never reported. */
  long secondsSinceStart(Instant now) {
    return Duration.between(startedAt, now).toSeconds();
  }

  long secondsSinceAnswer(Instant now) {
    return answeredAt == null ? 0 : Duration.between(answeredAt, now).toSeconds();
  }
}
