package io.autodial.http.agent;

import io.autodial.protocol.agent.AgentServerMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;

/**
 * The outgoing side of one agent connection: replies and the node's pushes go into one bounded
 * queue that the WebSocket drains. Offering never blocks the node's thread; a client so slow that
 * the queue fills up is dropped instead (it reconnects and gets its current state).
 */
final class Outbox {
  private BoundedSourceQueue<AgentServerMessage> queue;
  private boolean closed;
  /** Pushes that arrive while the authentication ack is still to be sent; null when not holding. */
  private List<AgentServerMessage> heldBack;

  /** Called once the connection's stream is materialized, before any message is sent. */
  synchronized void open(BoundedSourceQueue<AgentServerMessage> queue) {
    this.queue = queue;
  }

  synchronized void send(AgentServerMessage message) {
    if (closed) return;
    if (queue.offer(message) == QueueOfferResult.dropped()) {
      closed = true;
      terminate(() -> queue.fail(new SlowClientException(queue.size())));
    }
  }

  /** What the node calls, from any thread. */
  synchronized void push(AgentServerMessage message) {
    if (heldBack != null) heldBack.add(message);
    else send(message);
  }

  /**
   * Holds pushes back until {@link #releasePushes()}: the node pushes the agent's state during
   * attach, and the client must see the ack of its authenticate first.
   */
  synchronized void holdPushes() {
    heldBack = new ArrayList<>();
  }

  synchronized void releasePushes() {
    List<AgentServerMessage> held = heldBack;
    heldBack = null;
    if (held != null) held.forEach(this::send);
  }

  /** Closes the connection once what is queued has been sent. */
  synchronized void close() {
    if (closed) return;
    closed = true;
    terminate(queue::complete);
  }

  /** The socket may already be gone (the client left first): then there is nothing to end. */
  private static void terminate(Runnable ending) {
    try {
      ending.run();
    } catch (IllegalStateException alreadyTerminated) {
      // the stream completed or was cancelled before us; the connection is closed either way
    }
  }

  static final class SlowClientException extends RuntimeException {
    SlowClientException(int queued) {
      super("the agent's connection is not reading; " + queued + " messages queued, dropping it");
    }
  }
}
