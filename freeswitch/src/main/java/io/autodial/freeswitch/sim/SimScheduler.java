package io.autodial.freeswitch.sim;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns all call state. Every timer and every command runs here, so calls need no locks and
 * the events of one switch come out in one order, like FreeSWITCH's single event dispatch thread.
 */
final class SimScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimScheduler.class);
    private final ScheduledExecutorService executor;
    private final double timeScale;
    private volatile Thread engineThread;

    SimScheduler(double timeScale) {
        this.timeScale = timeScale;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fs-sim-engine");
            t.setDaemon(true);
            engineThread = t;
            return t;
        });
    }

    /** Runs after a simulated duration (divided by the time scale). */
    ScheduledFuture<?> afterSimulated(Duration simulated, Runnable task) {
        return afterReal((long) (simulated.toNanos() / timeScale), task);
    }

    ScheduledFuture<?> afterReal(long nanos, Runnable task) {
        return executor.schedule(guard(task), Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    void execute(Runnable task) {
        executor.execute(guard(task));
    }

    <T> CompletableFuture<T> call(java.util.function.Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    boolean inEngine() {
        return Thread.currentThread() == engineThread;
    }

    double timeScale() {
        return timeScale;
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("simulator task failed", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
