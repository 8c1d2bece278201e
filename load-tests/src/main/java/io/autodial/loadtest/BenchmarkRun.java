package io.autodial.loadtest;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every benchmark's main runs: bounded in time (past the limit the JVM halts, whatever it is
 * doing, so a stuck run never holds the machine) and ending the JVM with the run's exit code
 * (a node, a simulator or robots may leave non-daemon threads behind).
 */
public final class BenchmarkRun {
  private static final Logger log = LoggerFactory.getLogger(BenchmarkRun.class);

  private BenchmarkRun() {}

  public static void main(Duration maxRun, Callable<Integer> run) {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(maxRun.toMillis());
        log.error("the run exceeded {}; halting", maxRun);
        Runtime.getRuntime().halt(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    int exit = 1;
    try {
      exit = run.call();
    } catch (Throwable t) {
      log.error("benchmark failed", t);
    } finally {
      System.exit(exit);
    }
  }

  public static void closeQuietly(AutoCloseable c) {
    try {
      if (c != null) c.close();
    } catch (Throwable e) {
      log.warn("close failed: {}", e.toString());
    }
  }
}
