package io.autodial.freeswitch.api;

import io.autodial.protocol.call.SwitchEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * How the rest of Autodial controls calls on its switches. Every method is non-blocking; the
 * implementation does its blocking socket work on its own threads.
 *
 * <p>Every call is pinned to the switch that carries it: {@link #originate} picks the switch and
 * returns its id, and every later command names it.
 */
public interface CallControl extends AutoCloseable {

  /**
   * Originates a leg and parks it when answered. Completes once the switch accepted the job (the
   * leg exists and rings); the job's own result arrives later as {@link
   * SwitchEvent.OriginateCompleted}, or as a {@code LOST} one if the switch never answers it within
   * the request's timeout plus a grace period.
   */
  CompletionStage<OriginateAccepted> originate(OriginateRequest request);

  /** Bridges two parked legs on one switch. */
  CompletionStage<Void> bridge(String switchId, String uuid, String otherUuid);

  CompletionStage<Void> hangup(String switchId, String uuid, String cause);

  CompletionStage<Void> hold(String switchId, String uuid, boolean onHold);

  CompletionStage<Void> sendDtmf(String switchId, String uuid, String digits);

  CompletionStage<Void> startRecording(String switchId, String uuid, String path);

  CompletionStage<Void> stopRecording(String switchId, String uuid, String path);

  CompletionStage<Void> playFile(String switchId, String uuid, String path);

  CompletionStage<List<LiveChannel>> liveChannels(String switchId);

  /** Ids of the configured switches. */
  List<String> switchIds();

  /**
   * Follows a channel this node did not originate (e.g. a call recovered after a restart), so its
   * events are delivered and it is reconciled after reconnects.
   */
  void track(String switchId, String uuid);

  /** Where every typed event of a followed channel goes. Set once, before originating. */
  void onEvent(Consumer<SwitchEvent> sink);

  @Override
  void close();
}
