package io.autodial.node.call;

import io.autodial.http.calls.CallView;
import io.autodial.http.calls.CallsService;
import io.autodial.http.calls.DialCallRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/** The call routes' view of the Call entities. */
public final class ShardedCallsService implements CallsService {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
  private final ClusterSharding sharding;

  public ShardedCallsService(ActorSystem<?> system) {
    this.sharding = ClusterSharding.get(system);
  }

  @Override
  public CompletionStage<CallView> dial(DialCallRequest request) {
    String uuid = UUID.randomUUID().toString();
    var spec =
        CallEntity.DialSpec.customer(request.destination(), request.callerId(), Duration.ofSeconds(request.ringTimeout()))
            .withVariables(request.variables());
    return ref(uuid)
        .<CallEntity.DialReply>ask(replyTo -> new CallEntity.Dial(spec, replyTo), ASK_TIMEOUT)
        .thenCompose(
            reply -> {
              if (reply instanceof CallEntity.DialRejected rejected)
                throw new IllegalArgumentException(rejected.reason());
              return get(uuid).thenApply(Optional::orElseThrow);
            });
  }

  @Override
  public CompletionStage<Optional<CallView>> get(String uuid) {
    if (!isUuid(uuid)) return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
    return ref(uuid)
        .ask(CallEntity.GetCall::new, ASK_TIMEOUT)
        .thenApply(snapshot -> Optional.ofNullable(snapshot.call()).map(ShardedCallsService::view));
  }

  @Override
  public CompletionStage<Boolean> hangup(String uuid) {
    if (!isUuid(uuid)) return java.util.concurrent.CompletableFuture.completedFuture(false);
    return ref(uuid)
        .<CallEntity.Ack>ask(replyTo -> new CallEntity.Hangup("NORMAL_CLEARING", replyTo), ASK_TIMEOUT)
        .thenApply(CallEntity.Ack::ok);
  }

  static CallView view(CallInfo call) {
    return new CallView(
        call.uuid(), call.phase().name(), call.destination(), call.switchId(), call.startedAt(),
        call.answeredAt(), call.endedAt(), call.hangupCause(), call.sipStatus(), call.billSec(),
        call.amdResult() == null ? null : call.amdResult().name(),
        call.context().campaignId(),
        call.agentId(),
        call.disposition() == null ? null : call.disposition().code());
  }

  private EntityRef<CallEntity.Command> ref(String uuid) {
    return sharding.entityRefFor(CallEntity.ENTITY_KEY, uuid);
  }

  private static boolean isUuid(String s) {
    try {
      UUID.fromString(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
