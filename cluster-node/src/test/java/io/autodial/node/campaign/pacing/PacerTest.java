package io.autodial.node.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacing policy on its own: told what happens on a small floor, asked how many calls to place. */
class PacerTest {

  @Test
  void progressiveKeepsOneCallPerIdleAgentAndCountsWhatIsRinging() {
    Pacer pacer = new Pacer(PacingConfig.fixed(1.0));
    agents(pacer, 3, 0);
    assertThat(pacer.callsToPlace(0)).isEqualTo(3);
    place(pacer, 2, 0);
    assertThat(pacer.callsToPlace(10)).isEqualTo(1);
    pacer.agentTalking("agent-0", 20);
    assertThat(pacer.callsToPlace(20)).isZero();
  }

  @Test
  void powerDialsTheMultiplierTimesTheIdleAgents() {
    Pacer pacer = new Pacer(PacingConfig.fixed(2.5));
    agents(pacer, 4, 0);
    assertThat(pacer.callsToPlace(0)).isEqualTo(10);
    assertThat(pacer.estimates(0).regime()).isEqualTo("FIXED_RATIO");
  }

  @Test
  void maxConcurrentCallsAndCallsPerSecondBound_everyMode() {
    Pacer pacer = new Pacer(PacingConfig.fixed(3.0).withLimits(5, 2));
    agents(pacer, 10, 0);
    assertThat(pacer.callsToPlace(0)).isEqualTo(2); // a burst of one second's worth
    place(pacer, 2, 0);
    assertThat(pacer.callsToPlace(100)).isZero();
    assertThat(pacer.nextTokenAt(100)).isBetween(101L, 500L);
    assertThat(pacer.callsToPlace(1_000)).isEqualTo(2);
    place(pacer, 2, 1_000);
    assertThat(pacer.callsToPlace(5_000)).isEqualTo(1); // five in flight at most
  }

  @Test
  void predictiveDialsProgressivelyUntilItHasSeenEnoughCalls() {
    Pacer pacer = new Pacer(PacingConfig.predictive());
    agents(pacer, 5, 0);
    assertThat(pacer.callsToPlace(0)).isEqualTo(5);
    assertThat(pacer.estimates(0).regime()).isEqualTo("WARMING_UP");
  }

  @Test
  void predictiveStartsOnceHalfTheCallsHaveResolved_countingOnBusyAgentsOnlyOnceTalksAreMeasured() {
    Pacer fewTalking = earlyDay(0);
    Pacer manyTalking = earlyDay(100);
    for (Pacer pacer : List.of(fewTalking, manyTalking)) {
      assertThat(pacer.estimates(10_500).regime()).as("270 of 600 calls resolved").isEqualTo("WARMING_UP");
      for (int i = 0; i < 30; i++) pacer.callFailed("c-" + (270 + i), 12_000); // 300 of 600 resolved
    }
    int calls = fewTalking.callsToPlace(12_000);
    assertThat(fewTalking.estimates(12_000).regime()).isEqualTo("PREDICTIVE");
    assertThat(calls).as("more calls than the 20 idle agents").isGreaterThan(20);
    // no talk has ended yet: how soon talking agents come free is unknown, so they add no calls
    assertThat(manyTalking.callsToPlace(12_000)).isEqualTo(calls);
  }

  /**
   * The first seconds of a day: 600 calls placed, 100 busy, 170 answered live and talking, 330
   * ringing; 20 agents idle and {@code alsoTalking} more busy.
   */
  private static Pacer earlyDay(int alsoTalking) {
    Pacer pacer = new Pacer(PacingConfig.predictive());
    agents(pacer, 20 + 170 + alsoTalking, 0);
    for (int i = 0; i < 600; i++) pacer.callPlaced("c-" + i, 0);
    for (int i = 0; i < 100; i++) pacer.callFailed("c-" + i, 3_000);
    for (int i = 100; i < 270; i++) {
      pacer.callAnsweredLive("c-" + i, 10_000);
      pacer.callConnected("c-" + i, 10_000);
    }
    for (int i = 20; i < 20 + 170 + alsoTalking; i++) pacer.agentTalking("agent-" + i, 10_000);
    assertThat(pacer.callsToPlace(10_500)).as("progressive: the ringing calls already cover the idle agents").isZero();
    return pacer;
  }

  @Test
  void predictiveDialsAheadOfAgentsAboutToFinishWrapUp_andLessWhenTheyJustStartedTalking() {
    Warm wrapping = warmedUp();
    long now = wrapping.lastEventAt;
    for (int i = 0; i < 20; i++) wrapping.pacer.agentWrapping("agent-" + i, now - 12_000); // free in ~3 s
    int aheadOfWrapUps = wrapping.pacer.callsToPlace(now);

    Warm talking = warmedUp();
    for (int i = 0; i < 20; i++) talking.pacer.agentTalking("agent-" + i, now); // free in ~2 minutes
    int aheadOfTalks = talking.pacer.callsToPlace(now);

    assertThat(wrapping.pacer.estimates(now).regime()).isEqualTo("PREDICTIVE");
    // 20 agents free within seconds at a 25 % answer rate: several calls each, not one per agent
    assertThat(aheadOfWrapUps).isGreaterThan(20);
    assertThat(aheadOfTalks).isLessThan(aheadOfWrapUps / 4);
  }

  @Test
  void aBurstOfAbandonedCallsFallsBackToProgressive() {
    Warm warm = warmedUp();
    long now = warm.lastEventAt;
    for (int i = 0; i < 20; i++) warm.pacer.agentWrapping("agent-" + i, now - 12_000);
    for (int i = 0; i < 10; i++) {
      warm.pacer.callPlaced("lost-" + i, now - 10_000);
      warm.pacer.callAnsweredLive("lost-" + i, now - 5_000);
      warm.pacer.callAbandoned("lost-" + i, now - 3_000);
    }
    // the last hour has ~10 abandoned of ~60 live answers: far over 3 %
    assertThat(warm.pacer.callsToPlace(now)).isEqualTo(0); // progressive: no idle agent, no call
    assertThat(warm.pacer.estimates(now).regime()).isEqualTo("CAPPED");
  }

  @Test
  void measuredAbandonmentAboveTargetLowersTheRiskItTakes() {
    Warm warm = warmedUp();
    double before = warm.pacer.estimates(warm.lastEventAt).riskThreshold();
    warm.pacer.callPlaced("x", warm.lastEventAt);
    warm.pacer.callAnsweredLive("x", warm.lastEventAt + 1);
    warm.pacer.callAbandoned("x", warm.lastEventAt + 2_001);
    assertThat(warm.pacer.estimates(warm.lastEventAt + 2_001).riskThreshold()).isLessThan(before);
  }

  @Test
  void callsThatWouldFindNoAgentAreDroppedOnlyAfterFifteenSecondsOfRinging() {
    Warm warm = warmedUp(PacingConfig.predictive(), 17_000); // every agent just started a long talk
    long now = warm.lastEventAt;
    for (int i = 0; i < 20; i++) warm.pacer.callPlaced("old-" + i, now - 16_000);
    for (int i = 0; i < 20; i++) warm.pacer.callPlaced("young-" + i, now - 14_000);
    assertThat(warm.pacer.callsToPlace(now)).isZero();

    List<String> dropped = warm.pacer.callsToDrop(now);

    // five live answers are due from the old ones within a second, and nobody will be free
    assertThat(dropped).isNotEmpty().allMatch(id -> id.startsWith("old-"));
    assertThat(warm.pacer.estimates(now).ringing()).isEqualTo(40 - dropped.size());
    assertThat(warm.pacer.estimates(now).droppedRinging()).isEqualTo(dropped.size());
    assertThat(warm.pacer.callsToDrop(now)).as("each call is dropped once").isEmpty();
  }

  @Test
  void aDropTheCallRefusesPutsTheCallBackInTheForecast_andItIsNotDroppedAgain() {
    Warm warm = warmedUp(PacingConfig.predictive(), 17_000);
    long now = warm.lastEventAt;
    for (int i = 0; i < 20; i++) warm.pacer.callPlaced("old-" + i, now - 16_000);
    warm.pacer.callsToPlace(now);
    List<String> dropped = warm.pacer.callsToDrop(now);
    assertThat(dropped).isNotEmpty();

    String answeredMeanwhile = dropped.get(0);
    warm.pacer.dropRefused(answeredMeanwhile, now + 10);

    assertThat(warm.pacer.estimates(now + 10).ringing()).isEqualTo(20 - dropped.size() + 1);
    assertThat(warm.pacer.estimates(now + 10).droppedRinging()).isEqualTo(dropped.size() - 1);
    assertThat(warm.pacer.callsToDrop(now + 10)).doesNotContain(answeredMeanwhile);
  }

  @Test
  void callsPickedUpWhileAmdListensAreForecastAsTheCoinTossTheyAre_andNeverDropped() {
    Warm plain = warmedUp(PacingConfig.predictive(), 17_000);
    Warm picked = warmedUp(PacingConfig.predictive(), 17_000);
    long now = plain.lastEventAt;
    for (Warm w : List.of(plain, picked)) {
      // twenty earlier pickups: half a person after 3 s of AMD, half a machine
      for (int i = 0; i < 20; i++) {
        w.pacer.callPlaced("p-" + i, now - 30_000);
        w.pacer.callPickedUp("p-" + i, now - 20_000);
        if (i % 2 == 0) {
          w.pacer.callAnsweredLive("p-" + i, now - 17_000);
          w.pacer.callConnected("p-" + i, now - 17_000);
        } else {
          w.pacer.callFailed("p-" + i, now - 17_000);
        }
      }
      for (int i = 0; i < 10; i++) w.pacer.agentWrapping("agent-" + i, now - 13_000); // free in 2 s
      for (int i = 0; i < 10; i++) w.pacer.callPlaced("old-" + i, now - 16_000);
    }
    for (int i = 0; i < 10; i++) picked.pacer.callPickedUp("old-" + i, now - 1_000);

    // about five people within 2 s for ten agents against, as ringing calls, barely one
    assertThat(picked.pacer.callsToPlace(now)).isLessThan(plain.pacer.callsToPlace(now));
    assertThat(picked.pacer.callsToDrop(now)).isEmpty();
  }

  @Test
  void noCallIsDroppedWhileAgentsWaitForIt() {
    Warm warm = warmedUp(PacingConfig.predictive(), 17_000);
    long now = warm.lastEventAt;
    for (int i = 0; i < 40; i++) warm.pacer.agentIdle("agent-" + i, now);
    for (int i = 0; i < 20; i++) warm.pacer.callPlaced("old-" + i, now - 16_000);
    warm.pacer.callsToPlace(now);
    assertThat(warm.pacer.callsToDrop(now)).isEmpty();
  }

  @Test
  void aCampaignThatDoesNotDropKeepsEveryRingingCall() {
    Warm warm = warmedUp(PacingConfig.predictive().withDropRingingAfter(0), 17_000);
    long now = warm.lastEventAt;
    for (int i = 0; i < 20; i++) warm.pacer.callPlaced("old-" + i, now - 16_000);
    warm.pacer.callsToPlace(now);
    assertThat(warm.pacer.callsToDrop(now)).isEmpty();
  }

  @Test
  void aDropShorterThanTheLegalMinimumRingIsRefused() {
    assertThatThrownBy(() -> PacingConfig.predictive().withDropRingingAfter(10_000)).hasMessageContaining("15 seconds");
  }

  @Test
  void estimatesFollowWhatWasMeasured() {
    Warm warm = warmedUp();
    Pacer.Estimates e = warm.pacer.estimates(warm.lastEventAt);
    assertThat(e.liveAnswerRate()).isBetween(0.2, 0.3);
    assertThat(e.talkMeanMillis()).isBetween(50_000.0, 70_000.0);
    assertThat(e.wrapMeanMillis()).isBetween(14_000.0, 16_000.0);
  }

  // ---- a floor that has run a while: 1 in 4 calls answered live after 10 s (or as given), talk ~60 s, wrap-up 15 s ----

  record Warm(Pacer pacer, long lastEventAt) {}

  private static Warm warmedUp() {
    return warmedUp(PacingConfig.predictive(), 10_000);
  }

  /** As above, with live answers after {@code liveAfter} of ringing. */
  private static Warm warmedUp(PacingConfig config, long liveAfter) {
    Pacer pacer = new Pacer(config);
    long t = 0;
    agents(pacer, 40, t);
    for (int i = 0; i < 200; i++, t += 1_000) {
      String call = "warm-" + i;
      pacer.callPlaced(call, t);
      if (i % 4 == 0) {
        pacer.callAnsweredLive(call, t + liveAfter);
        pacer.callConnected(call, t + liveAfter);
      } else {
        pacer.callFailed(call, t + 20_000);
      }
    }
    for (int i = 0; i < 20; i++) {
      String agent = "agent-" + (20 + i);
      pacer.agentTalking(agent, t);
      pacer.agentWrapping(agent, t + 50_000 + i * 1_000);
      pacer.agentIdle(agent, t + 65_000 + i * 1_000);
    }
    t += 100_000;
    for (int i = 0; i < 40; i++) pacer.agentTalking("agent-" + i, t); // everybody busy, nothing ringing
    return new Warm(pacer, t + 1);
  }

  private static void agents(Pacer pacer, int n, long at) {
    for (int i = 0; i < n; i++) pacer.agentIdle("agent-" + i, at);
  }

  private static void place(Pacer pacer, int n, long at) {
    for (int i = 0; i < n; i++) pacer.callPlaced("call-" + at + "-" + i, at);
  }
}
