package io.autodial.node.leads;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * When a lead whose attempt ended with an outcome may be dialed again, and how many attempts it
 * gets in all before it is FAILED. ANSWERED has no rule: an answered lead is not retried.
 */
public record RetryRules(Map<CallOutcome, Retry> byOutcome) {

  /** Dial again {@code delay} after this outcome, unless the lead has had {@code maxAttempts}. */
  public record Retry(Duration delay, int maxAttempts) {
    public Retry {
      if (delay.isNegative()) throw new IllegalArgumentException("retry delay must not be negative: " + delay);
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  public RetryRules {
    byOutcome = Map.copyOf(byOutcome);
    for (CallOutcome outcome : CallOutcome.values()) {
      if (outcome != CallOutcome.ANSWERED && !byOutcome.containsKey(outcome))
        throw new IllegalArgumentException("no retry rule for " + outcome);
    }
  }

  public static RetryRules defaults() {
    Map<CallOutcome, Retry> rules = new EnumMap<>(CallOutcome.class);
    rules.put(CallOutcome.BUSY, new Retry(Duration.ofMinutes(30), 3));
    rules.put(CallOutcome.NO_ANSWER, new Retry(Duration.ofHours(2), 3));
    rules.put(CallOutcome.MACHINE, new Retry(Duration.ofHours(4), 3));
    // Ofcom: a number whose call was abandoned is not called again within 72 hours.
    rules.put(CallOutcome.DROPPED, new Retry(Duration.ofHours(72), 2));
    rules.put(CallOutcome.REJECTED, new Retry(Duration.ofDays(1), 2));
    rules.put(CallOutcome.UNREACHABLE, new Retry(Duration.ofDays(1), 2));
    rules.put(CallOutcome.FAILED, new Retry(Duration.ofMinutes(10), 3));
    return new RetryRules(rules);
  }

  /** These rules with {@code outcome}'s rule replaced. */
  public RetryRules with(CallOutcome outcome, Retry retry) {
    Map<CallOutcome, Retry> rules = new EnumMap<>(byOutcome);
    rules.put(outcome, retry);
    return new RetryRules(rules);
  }

  public Retry retryFor(CallOutcome outcome) {
    Retry retry = byOutcome.get(outcome);
    if (retry == null) throw new IllegalArgumentException(outcome + " is never retried");
    return retry;
  }
}
