package io.autodial.http.agent;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that another thread makes true, failing after a deadline. */
final class Eventually {
  private Eventually() {}

  static void within(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout + ": " + what);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
