package io.autodial.http.agent;

import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.Ack;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import io.autodial.protocol.agent.AgentServerMessage.State;
import io.autodial.protocol.agent.CallDetails;
import io.autodial.protocol.agent.LeadDetails;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A node that plays one call: on ready it offers and connects a call to Ada Lovelace; on hangup
 * the call ends and wrap-up starts; a disposition makes the agent ready (or paused) again. It
 * records every message the agent sent.
 */
final class ScriptedCallGateway implements AgentGateway {
  static final List<String> DISPOSITIONS = List.of("SALE", "NO_INTEREST", "CALLBACK");
  static final CallDetails CALL =
      new CallDetails(
          "call-1",
          "spring-sale",
          new LeadDetails(42, "+15551234567", "Ada", "Lovelace", "ada@example.com", "Analytical Ltd", "Europe/London", Map.of("plan", "gold")),
          "Hello Ada, this is Alice from Autodial. Is Analytical Ltd still on the gold plan?",
          DISPOSITIONS);

  final List<AgentClientMessage> received = new CopyOnWriteArrayList<>();

  @Override
  public AgentSession attach(String agentId, Consumer<AgentServerMessage> push) {
    push.accept(state(agentId, AgentStatus.LOGGED_OUT, null, null));
    return new AgentSession() {
      @Override
      public CompletionStage<AgentServerMessage> handle(AgentClientMessage message) {
        received.add(message);
        // the node replies, then pushes what followed (as the real one: ack first, then events)
        CompletableFuture.runAsync(() -> afterwards(agentId, message, push));
        return CompletableFuture.completedFuture(new Ack(message.id()));
      }

      @Override
      public void detach() {}
    };
  }

  private static void afterwards(String agentId, AgentClientMessage message, Consumer<AgentServerMessage> push) {
    pause(100);
    if (message instanceof AgentClientMessage.Ready) {
      push.accept(state(agentId, AgentStatus.READY, null, null));
      push.accept(new AgentServerMessage.CallOffered(CALL));
      push.accept(state(agentId, AgentStatus.RESERVED, null, CALL));
      push.accept(new AgentServerMessage.CallConnected(CALL));
      push.accept(state(agentId, AgentStatus.ON_CALL, null, CALL));
    } else if (message instanceof AgentClientMessage.Hangup) {
      push.accept(new AgentServerMessage.CallEnded(CALL.callUuid(), "NORMAL_CLEARING"));
      push.accept(state(agentId, AgentStatus.WRAP_UP, null, CALL));
      push.accept(new AgentServerMessage.WrapUpStarted(CALL.callUuid(), DISPOSITIONS));
    } else if (message instanceof AgentClientMessage.Disposition d) {
      push.accept(d.pauseAfter() ? state(agentId, AgentStatus.PAUSED, d.pauseReason(), null) : state(agentId, AgentStatus.READY, null, null));
    }
  }

  private static State state(String agentId, AgentStatus status, String reason, CallDetails call) {
    return new State(agentId, status, reason, System.currentTimeMillis(), "spring-sale", call);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
