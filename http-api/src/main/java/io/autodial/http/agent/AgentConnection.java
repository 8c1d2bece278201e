package io.autodial.http.agent;

import io.autodial.http.agent.AgentGateway.AgentSession;
import io.autodial.http.agent.ClientMessageReader.Parsed;
import io.autodial.http.agent.ClientMessageReader.Rejected;
import io.autodial.http.agent.IncomingFrames.Frame;
import io.autodial.http.agent.IncomingFrames.Refused;
import io.autodial.http.agent.IncomingFrames.Text;
import io.autodial.http.auth.Principal;
import io.autodial.http.auth.Role;
import io.autodial.http.auth.TokenVerifier;
import io.autodial.protocol.agent.AgentClientMessage;
import io.autodial.protocol.agent.AgentClientMessage.Authenticate;
import io.autodial.protocol.agent.AgentServerMessage;
import io.autodial.protocol.agent.AgentServerMessage.Ack;
import io.autodial.protocol.agent.AgentServerMessage.Error;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.stream.Materializer;
import scala.concurrent.duration.FiniteDuration;

/**
 * One agent's WebSocket connection: unauthenticated until a valid agent token arrives, then a pipe
 * between the client and its {@link AgentSession}. {@link #receive} is called for one frame at a
 * time (the stream waits for each reply), {@link #closed} from whichever thread sees the end.
 */
final class AgentConnection {
  private final TokenVerifier verifier;
  private final AgentGateway gateway;
  private final Outbox outbox;

  /** Guarded by {@code this}: attach and close race when a client disconnects mid-authenticate. */
  private AgentSession session;

  private boolean closed;
  private Cancellable authTimer;

  AgentConnection(TokenVerifier verifier, AgentGateway gateway, Outbox outbox) {
    this.verifier = verifier;
    this.gateway = gateway;
    this.outbox = outbox;
  }

  /** A client that connects and never authenticates holds a socket for nothing: close it. */
  synchronized void expireAuthenticationAfter(Materializer materializer, Duration timeout) {
    authTimer =
        materializer.scheduleOnce(
            FiniteDuration.create(timeout.toMillis(), TimeUnit.MILLISECONDS),
            () -> {
              synchronized (this) {
                if (session != null || closed) return;
              }
              outbox.send(new Error(null, "no authenticate within " + timeout.toSeconds() + " s; closing"));
              outbox.close();
            });
  }

  /** Handles one frame; completes when its reply is queued. Never fails: that would drop the socket. */
  CompletionStage<Done> receive(Frame frame) {
    if (frame instanceof Refused refused) {
      outbox.send(new Error(null, refused.reason()));
      return done();
    }
    ClientMessageReader.Result read = ClientMessageReader.read(((Text) frame).text());
    if (read instanceof Rejected rejected) {
      outbox.send(new Error(rejected.id(), rejected.reason()));
      return done();
    }
    AgentClientMessage message = ((Parsed) read).message();
    AgentSession current = currentSession();
    if (current == null) {
      if (message instanceof Authenticate authenticate) authenticate(authenticate);
      else outbox.send(new Error(message.id(), "authenticate first: send {\"type\":\"authenticate\",\"id\":...,\"token\":...}"));
      return done();
    }
    if (message instanceof Authenticate)
      outbox.send(new Error(message.id(), "this connection is already authenticated"));
    else return carryOut(current, message);
    return done();
  }

  /** The socket is gone, for whatever reason: the agent keeps its state, the session is let go. */
  void closed() {
    AgentSession toDetach;
    synchronized (this) {
      if (closed) return;
      closed = true;
      toDetach = session;
      session = null;
      if (authTimer != null) authTimer.cancel();
    }
    if (toDetach != null) toDetach.detach();
    outbox.close();
  }

  private void authenticate(Authenticate authenticate) {
    Optional<Principal> principal = verify(authenticate.token());
    if (principal.isEmpty()) {
      refuseAndClose(authenticate.id(), "the token is not valid or has expired; log in again");
      return;
    }
    Principal who = principal.get();
    if (!who.is(Role.AGENT) || who.agentId() == null) {
      refuseAndClose(authenticate.id(), "only agents may use this socket; " + who.username() + " is " + who.role());
      return;
    }
    outbox.holdPushes();
    AgentSession attached;
    try {
      attached = gateway.attach(who.agentId(), outbox::push);
    } catch (RuntimeException e) {
      outbox.releasePushes();
      refuseAndClose(authenticate.id(), "the node could not attach agent " + who.agentId() + ": " + e.getMessage());
      return;
    }
    boolean closedMeanwhile;
    synchronized (this) {
      closedMeanwhile = closed;
      if (!closedMeanwhile) {
        session = attached;
        if (authTimer != null) authTimer.cancel();
      }
    }
    if (closedMeanwhile) {
      attached.detach();
      return;
    }
    outbox.send(new Ack(authenticate.id()));
    outbox.releasePushes();
  }

  private Optional<Principal> verify(String token) {
    if (token == null || token.isBlank()) return Optional.empty();
    try {
      return verifier.verify(token);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private CompletionStage<Done> carryOut(AgentSession current, AgentClientMessage message) {
    CompletionStage<AgentServerMessage> reply;
    try {
      reply = current.handle(message);
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.handle(
        (result, failure) -> {
          if (failure != null || result == null)
            outbox.send(new Error(message.id(), "the node could not carry out \"" + ClientMessageReader.typeOf(message) + "\": "
                + (failure == null ? "no reply" : rootMessage(failure))));
          else outbox.send(result);
          return Done.getInstance();
        });
  }

  private void refuseAndClose(String id, String reason) {
    outbox.send(new Error(id, reason));
    outbox.close();
  }

  private synchronized AgentSession currentSession() {
    return session;
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static CompletionStage<Done> done() {
    return CompletableFuture.completedFuture(Done.getInstance());
  }
}
