package io.autodial.node.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.node.compliance.abandonment.AbandonmentGuard;
import io.autodial.node.compliance.abandonment.AbandonmentGuard.Step;
import io.autodial.node.compliance.abandonment.HourTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbandonmentGuardTest {
  private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");
  private static final AbandonmentGuard.Settings US = new AbandonmentGuard.Settings(Duration.ofDays(30), 2.5, 3.0, 0);

  @Test
  void aNewCampaignIsHeldProgressiveUntilOneAbandonedCallCannotCrossTheLimit() {
    AbandonmentGuard guard = new AbandonmentGuard(US);
    assertThat(guard.evaluate(NOW)).containsExactly(Step.FORCED_PROGRESSIVE);
    // 1 abandoned of 33 live answers is 3.03%: still too many; of 34 it is 2.94%
    for (int i = 0; i < 32; i++) guard.liveAnswer(NOW);
    assertThat(guard.evaluate(NOW)).isEmpty();
    assertThat(guard.forcedProgressive()).isTrue();
    guard.liveAnswer(NOW);
    assertThat(guard.evaluate(NOW)).containsExactly(Step.PROGRESSIVE_LIFTED);
  }

  @Test
  void warnsAtTwoAndAHalfThenHoldsProgressiveThenPausesAtTheLimit() {
    AbandonmentGuard guard = new AbandonmentGuard(US);
    guard.seed(List.of(new HourTotals(NOW.minus(Duration.ofDays(3)), 300, 0, 0)));
    assertThat(guard.evaluate(NOW)).isEmpty();
    List<Step> seen = new java.util.ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      guard.liveAnswer(NOW);
      seen.addAll(guard.abandoned(NOW));
      if (i == 7) assertThat(seen).isEmpty(); // 7 of 307: 2.28%
      if (i == 8) assertThat(seen).containsExactly(Step.WARNING_REACHED); // 8 of 308: 2.60%
      if (i == 9) assertThat(seen).containsExactly(Step.WARNING_REACHED, Step.FORCED_PROGRESSIVE); // a 10th would be 3.2%
    }
    // 10 of 310: 3.23%, at the limit
    assertThat(seen).endsWith(Step.PAUSE);
    assertThat(guard.rate(NOW).percent()).isCloseTo(100.0 * 10 / 310, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theWindowRollsOff() {
    AbandonmentGuard guard = new AbandonmentGuard(US);
    guard.seed(List.of(new HourTotals(NOW.minus(Duration.ofDays(31)), 100, 50, 0), new HourTotals(NOW.minus(Duration.ofDays(2)), 100, 1, 0)));
    assertThat(guard.rate(NOW).live()).isEqualTo(100);
    assertThat(guard.rate(NOW).abandoned()).isEqualTo(1);
  }

  @Test
  void ukCountsEstimatedAmdFalsePositivesOverTwentyFourHours() {
    AbandonmentGuard guard = new AbandonmentGuard(new AbandonmentGuard.Settings(Duration.ofHours(24), 2.5, 3.0, 2.0));
    guard.seed(List.of(new HourTotals(NOW.minus(Duration.ofHours(30)), 1000, 100, 0), new HourTotals(NOW.minus(Duration.ofHours(2)), 1000, 20, 500)));
    AbandonmentGuard.Rate rate = guard.rate(NOW);
    // 500 machine verdicts, 2% of them estimated people: 10 more abandoned live calls
    assertThat(rate.estimatedFalsePositives()).isEqualTo(10.0);
    assertThat(rate.percent()).isCloseTo(100.0 * 30 / 1010, org.assertj.core.data.Offset.offset(1e-9));
  }
}
