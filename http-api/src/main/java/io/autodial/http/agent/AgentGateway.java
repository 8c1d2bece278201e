package io.autodial.http.agent;

import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The agent WebSocket's view of the node: attach an authenticated agent's connection, pass its
 * messages on, and push the agent's state and calls back to it.
 */
public interface AgentGateway {

  /**
   * Attaches a connection of {@code agentId}. The node pushes to {@code push} (from any thread)
   * until the returned session is closed; the first push is the agent's current state.
   */
  AgentSession attach(String agentId, Consumer<AgentServerMessage> push);

  interface AgentSession {
    /**
     * Carries out one client message; completes with an {@link AgentServerMessage.Ack} or an
     * {@link AgentServerMessage.Error} for its id.
     */
    CompletionStage<AgentServerMessage> handle(AgentClientMessage message);

    /** The connection closed. The agent keeps its state (a call in progress stays up). */
    void detach();
  }
}
