package io.autodial.node.support;

import io.autodial.freeswitch.api.CallControl;
import io.autodial.freeswitch.api.LiveChannel;
import io.autodial.freeswitch.api.OriginateAccepted;
import io.autodial.freeswitch.api.OriginateRequest;
import io.autodial.protocol.call.SwitchEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A switch for behaviour tests of one entity: records what the entity asked for and answers as
 * the test says. The ESL layer itself is tested against the simulator over TCP.
 */
public final class RecordingCallControl implements CallControl {
  public final List<OriginateRequest> originates = new CopyOnWriteArrayList<>();
  public final List<String> hangups = new CopyOnWriteArrayList<>();
  public final List<String> tracked = new CopyOnWriteArrayList<>();
  public final List<String> bridges = new CopyOnWriteArrayList<>();
  public final List<String> plays = new CopyOnWriteArrayList<>();
  public volatile CompletableFuture<OriginateAccepted> nextOriginate;
  public volatile List<LiveChannel> live = List.of();

  @Override
  public CompletionStage<OriginateAccepted> originate(OriginateRequest request) {
    originates.add(request);
    return nextOriginate != null
        ? nextOriginate
        : CompletableFuture.completedFuture(new OriginateAccepted(request.uuid(), "fs1", "job-1"));
  }

  @Override
  public CompletionStage<Void> hangup(String switchId, String uuid, String cause) {
    hangups.add(uuid + " " + cause);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<List<LiveChannel>> liveChannels(String switchId) {
    return CompletableFuture.completedFuture(live);
  }

  @Override
  public List<String> switchIds() {
    return List.of("fs1");
  }

  @Override
  public void track(String switchId, String uuid) {
    tracked.add(uuid);
  }

  @Override
  public CompletionStage<Void> bridge(String switchId, String uuid, String otherUuid) {
    bridges.add(uuid + " " + otherUuid);
    return done();
  }

  @Override
  public CompletionStage<Void> hold(String switchId, String uuid, boolean onHold) {
    return done();
  }

  @Override
  public CompletionStage<Void> sendDtmf(String switchId, String uuid, String digits) {
    return done();
  }

  @Override
  public CompletionStage<Void> startRecording(String switchId, String uuid, String path) {
    return done();
  }

  @Override
  public CompletionStage<Void> stopRecording(String switchId, String uuid, String path) {
    return done();
  }

  @Override
  public CompletionStage<Void> playFile(String switchId, String uuid, String path) {
    plays.add(uuid + " " + path);
    return done();
  }

  @Override
  public void onEvent(Consumer<SwitchEvent> sink) {}

  @Override
  public void close() {}

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
