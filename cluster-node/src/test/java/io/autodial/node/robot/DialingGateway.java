package io.autodial.node.robot;

import io.autodial.http.agent.AgentGateway;
import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.Ack;
import io.autodial.protocol.agent.AgentServerMessage.AgentStatus;
import io.autodial.protocol.agent.AgentServerMessage.Error;
import io.autodial.protocol.agent.AgentServerMessage.State;
import io.autodial.protocol.agent.CallDetails;
import io.autodial.protocol.agent.LeadDetails;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small stand-in for the node's agent side, for one agent: while the agent is ready it offers a
 * call, connects it {@link #OFFER_TO_CONNECT} later, and on hangup (or, if {@code customerHangsUpAfter}
 * is set, when the customer hangs up) ends it and starts wrap-up; a disposition makes the agent ready
 * again. State survives reconnects, like the node's. Records what the agent sent.
 */
final class DialingGateway implements AgentGateway {
  static final Duration OFFER_TO_CONNECT = Duration.ofMillis(50);
  static final List<String> DISPOSITIONS = List.of("SALE", "NO_INTEREST");

  final List<AgentClientMessage> received = new CopyOnWriteArrayList<>();
  final AtomicInteger attaches = new AtomicInteger();
  private final Duration customerHangsUpAfter;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger callNumber = new AtomicInteger();

  // guarded by this
  private AgentStatus status = AgentStatus.LOGGED_OUT;
  private CallDetails call;
  private Consumer<AgentServerMessage> push = m -> {};

  DialingGateway(Duration customerHangsUpAfter) {
    this.customerHangsUpAfter = customerHangsUpAfter;
  }

  @Override
  public synchronized AgentSession attach(String agentId, Consumer<AgentServerMessage> connection) {
    attaches.incrementAndGet();
    push = connection;
    push.accept(state());
    return new AgentSession() {
      @Override
      public CompletionStage<AgentServerMessage> handle(AgentClientMessage message) {
        received.add(message);
        return CompletableFuture.completedFuture(carryOut(message));
      }

      @Override
      public void detach() {
        synchronized (DialingGateway.this) {
          if (push == connection) push = m -> {};
        }
      }
    };
  }

  /**
   * Floods the agent's connection with copies of its state, more than the socket route buffers:
   * the route drops the connection, as it does to any client that cannot keep up.
   */
  synchronized void floodConnection() {
    for (int i = 0; i < 2_000; i++) push.accept(state());
  }

  void shutdown() {
    timer.shutdownNow();
  }

  private synchronized AgentServerMessage carryOut(AgentClientMessage message) {
    if (message instanceof AgentClientMessage.Ready && (status == AgentStatus.LOGGED_OUT || status == AgentStatus.PAUSED)) {
      become(AgentStatus.READY);
      timer.schedule(this::offer, 20, TimeUnit.MILLISECONDS);
    } else if (message instanceof AgentClientMessage.Hangup && status == AgentStatus.ON_CALL) {
      timer.execute(() -> end("NORMAL_CLEARING"));
    } else if (message instanceof AgentClientMessage.Disposition d && status == AgentStatus.WRAP_UP && DISPOSITIONS.contains(d.code())) {
      call = null;
      become(AgentStatus.READY);
      timer.schedule(this::offer, 20, TimeUnit.MILLISECONDS);
    } else {
      return new Error(message.id(), "not now: the agent is " + status);
    }
    return new Ack(message.id());
  }

  private synchronized void offer() {
    if (status != AgentStatus.READY) return;
    int n = callNumber.incrementAndGet();
    call = new CallDetails("call-" + n, "camp", new LeadDetails(n, "+1555000" + n, "Lead", "No" + n, null, null, null, Map.of()), "Hi", DISPOSITIONS);
    push.accept(new AgentServerMessage.CallOffered(call));
    become(AgentStatus.RESERVED);
    CallDetails offered = call;
    timer.schedule(() -> connect(offered), OFFER_TO_CONNECT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void connect(CallDetails offered) {
    if (call != offered) return;
    push.accept(new AgentServerMessage.CallConnected(call));
    become(AgentStatus.ON_CALL);
    if (customerHangsUpAfter != null)
      timer.schedule(() -> end("CUSTOMER_HANGUP"), customerHangsUpAfter.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void end(String cause) {
    if (status != AgentStatus.ON_CALL) return;
    push.accept(new AgentServerMessage.CallEnded(call.callUuid(), cause));
    become(AgentStatus.WRAP_UP);
    push.accept(new AgentServerMessage.WrapUpStarted(call.callUuid(), DISPOSITIONS));
  }

  private void become(AgentStatus next) {
    status = next;
    push.accept(state());
  }

  private State state() {
    return new State("robot-1", status, null, System.currentTimeMillis(), "camp", call);
  }
}
