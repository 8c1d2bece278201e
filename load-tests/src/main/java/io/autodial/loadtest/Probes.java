package io.autodial.loadtest;

import io.autodial.freeswitch.api.CallControl;
import io.autodial.protocol.CborSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

/**
 * Two closed-loop probes that run while a level dials, to tell where time goes:
 *
 * <ul>
 *   <li><b>journal</b>: a tiny event-sourced actor of the benchmark's own (untagged, same journal
 *       plugin and PostgreSQL as the Call entities) persists one event per request; the sample is
 *       ask → reply after the event is written. This is what a Call entity waits for on every
 *       persist, and while it waits it stashes the switch events that arrive.
 *   <li><b>ESL</b>: {@code uuid_kill} of an unknown uuid through the product's ESL layer
 *       ({@code EslCallControl.hangup}); the simulator answers {@code -ERR No such channel!} at
 *       once, so the sample is the command's round trip: ESL command thread, TCP, the simulator's
 *       Netty thread and engine queue, and the ESL client's Netty thread (replies queue behind
 *       events on the one connection).
 * </ul>
 *
 * One request at a time, then a pause; so the probes add a few requests per second at most.
 */
final class Probes {
  private static final Duration PAUSE = Duration.ofMillis(50);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private Probes() {}

  /** Latency samples of one probe during one window, in ms. */
  record Stats(String name, int samples, double p50Ms, double p99Ms, double maxMs, int failures) {}

  /** A probe loop on its own daemon thread; {@link #stop()} ends it and returns its samples. */
  static final class Loop {
    private final String name;
    private final Supplier<Boolean> request;
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean stop;
    private volatile int failures;

    Loop(String name, Supplier<Boolean> request) {
      this.name = name;
      this.request = request;
      this.thread = new Thread(this::run, "bench-probe-" + name);
      this.thread.setDaemon(true);
    }

    Loop start() {
      thread.start();
      return this;
    }

    private void run() {
      while (!stop) {
        long t = System.nanoTime();
        boolean ok = request.get();
        double ms = (System.nanoTime() - t) / 1e6;
        if (ok) samples.add(ms);
        else failures++;
        try {
          Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    Stats stop() throws InterruptedException {
      stop = true;
      thread.join(REQUEST_TIMEOUT.toMillis() + 5_000);
      List<Double> sorted;
      synchronized (samples) {
        sorted = new ArrayList<>(samples);
      }
      Collections.sort(sorted);
      if (sorted.isEmpty()) return new Stats(name, 0, Double.NaN, Double.NaN, Double.NaN, failures);
      return new Stats(name, sorted.size(), quantile(sorted, 0.50), quantile(sorted, 0.99),
          sorted.get(sorted.size() - 1), failures);
    }

    private static double quantile(List<Double> sorted, double q) {
      int rank = (int) Math.ceil(q * sorted.size());
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
  }

  // ---- journal probe ----

  static Loop journal(ActorSystem<?> system) {
    ActorRef<JournalProbe.Persist> probe =
        system.systemActorOf(JournalProbe.create(), "bench-journal-probe-" + UUID.randomUUID(), Props.empty());
    return new Loop(
        "journal",
        () -> {
          try {
            AskPattern.<JournalProbe.Persist, JournalProbe.Done>ask(
                    probe, JournalProbe.Persist::new, REQUEST_TIMEOUT, system.scheduler())
                .toCompletableFuture()
                .get(REQUEST_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return true;
          } catch (Exception e) {
            return false;
          }
        });
  }

  static Loop esl(CallControl callControl, String switchId) {
    return new Loop(
        "esl",
        () -> {
          try {
            callControl
                .hangup(switchId, UUID.randomUUID().toString(), "NORMAL_CLEARING")
                .toCompletableFuture()
                .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true; // not expected: the uuid does not exist
          } catch (java.util.concurrent.ExecutionException e) {
            // "-ERR No such channel!" is the answer we time; a timeout is a failure
            return !(e.getCause() instanceof java.util.concurrent.TimeoutException);
          } catch (Exception e) {
            return false;
          }
        });
  }

  /** Persists one untagged event per request and replies once it is written. */
  static final class JournalProbe
      extends EventSourcedBehavior<JournalProbe.Persist, JournalProbe.Persisted, JournalProbe.Count> {
    record Persist(ActorRef<Done> replyTo) {}

    record Done() {}

    record Persisted(long at) implements CborSerializable {}

    record Count(long n) implements CborSerializable {}

    static org.apache.pekko.actor.typed.Behavior<Persist> create() {
      return new JournalProbe(PersistenceId.ofUniqueId("bench-journal-probe-" + UUID.randomUUID()));
    }

    private JournalProbe(PersistenceId id) {
      super(id);
    }

    @Override
    public Count emptyState() {
      return new Count(0);
    }

    @Override
    public CommandHandler<Persist, Persisted, Count> commandHandler() {
      return newCommandHandlerBuilder()
          .forAnyState()
          .onCommand(Persist.class, (state, cmd) -> Effect()
              .persist(new Persisted(System.currentTimeMillis()))
              .thenRun(s -> cmd.replyTo().tell(new Done())))
          .build();
    }

    @Override
    public EventHandler<Count, Persisted> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onEvent(Persisted.class, (s, e) -> new Count(s.n() + 1)).build();
    }
  }
}
