package io.autodial.http.agent;

import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A stand-in for the node that records what the route does to it: who attached, which messages
 * reached the session, how often it was detached. It pushes a LOGGED_OUT state on attach, as the
 * node does, and answers every message with {@link #replies} (an ack by default).
 */
final class RecordingGateway implements AgentGateway {
  final List<String> attached = new CopyOnWriteArrayList<>();
  final List<AgentClientMessage> handled = new CopyOnWriteArrayList<>();
  final AtomicInteger detaches = new AtomicInteger();
  volatile Consumer<AgentServerMessage> push;
  volatile Function<AgentClientMessage, AgentServerMessage> replies = m -> new AgentServerMessage.Ack(m.id());

  static AgentServerMessage.State state(String agentId, AgentStatus status) {
    return new AgentServerMessage.State(agentId, status, null, 1_700_000_000_000L, null, null);
  }

  @Override
  public AgentSession attach(String agentId, Consumer<AgentServerMessage> push) {
    attached.add(agentId);
    this.push = push;
    push.accept(state(agentId, AgentStatus.LOGGED_OUT));
    return new AgentSession() {
      @Override
      public CompletionStage<AgentServerMessage> handle(AgentClientMessage message) {
        handled.add(message);
        return CompletableFuture.supplyAsync(() -> replies.apply(message));
      }

      @Override
      public void detach() {
        detaches.incrementAndGet();
      }
    };
  }
}
