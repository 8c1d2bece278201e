package io.autodial.node.compliance.abandonment;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's abandonment rate over its legal window (30 days US, 24 hours UK), kept live from
 * the dialer's own events on top of the hours read from the ledger, and the steps it forces:
 * a warning at the warning level; pacing held to progressive while one more abandoned call would
 * cross the limit; the campaign paused when an abandoned call takes the rate to the limit.
 * No I/O, no clock of its own: the dialer passes the time.
 */
public final class AbandonmentGuard {

  /** What changed at a step, for the audit trail and the dialer. */
  public enum Step { WARNING_REACHED, FORCED_PROGRESSIVE, PROGRESSIVE_LIFTED, PAUSE }

  public record Rate(long live, long abandoned, long machines, double estimatedFalsePositives, double percent) {}

  public record Settings(Duration window, double warningPercent, double capPercent, double amdFalsePositivePercent) {}

  private final TreeMap<Instant, long[]> hours = new TreeMap<>();
  private Settings settings;
  private boolean warned;
  private boolean forcedProgressive;

  public AbandonmentGuard(Settings settings) {
    this.settings = settings;
  }

  public void configure(Settings settings) {
    this.settings = settings;
  }

  /** Starts over from the ledger's hours (a campaign (re)started): earlier live counts are dropped. */
  public void seed(List<HourTotals> ledger) {
    hours.clear();
    for (HourTotals h : ledger) hours.put(h.hour(), new long[] {h.live(), h.abandoned(), h.machines()});
  }

  public void liveAnswer(Instant at) {
    bucket(at)[0]++;
  }

  public void machine(Instant at) {
    bucket(at)[2]++;
  }

  /** An abandoned call; it was counted as a live answer when it was answered. */
  public List<Step> abandoned(Instant at) {
    bucket(at)[1]++;
    List<Step> steps = evaluate(at);
    if (rate(at).percent() >= settings.capPercent()) steps.add(Step.PAUSE);
    return steps;
  }

  /** The steps time or new answers took (the window moves on, answers dilute the rate). */
  public List<Step> evaluate(Instant now) {
    List<Step> steps = new ArrayList<>();
    Rate rate = rate(now);
    boolean atWarning = rate.live() > 0 && rate.percent() >= settings.warningPercent();
    if (atWarning && !warned) steps.add(Step.WARNING_REACHED);
    warned = atWarning;
    boolean force = oneMoreWouldCross(rate);
    if (force && !forcedProgressive) steps.add(Step.FORCED_PROGRESSIVE);
    if (!force && forcedProgressive) steps.add(Step.PROGRESSIVE_LIFTED);
    forcedProgressive = force;
    return steps;
  }

  public boolean forcedProgressive() {
    return forcedProgressive;
  }

  /**
   * Over the window: abandoned calls and live answers, with (UK) the estimated share of AMD
   * machine verdicts that were people hung up on counted as both.
   */
  public Rate rate(Instant now) {
    Instant from = now.minus(settings.window()).truncatedTo(ChronoUnit.HOURS);
    long live = 0, abandoned = 0, machines = 0;
    for (Map.Entry<Instant, long[]> e : hours.tailMap(from, true).entrySet()) {
      if (e.getKey().isAfter(now)) break;
      live += e.getValue()[0];
      abandoned += e.getValue()[1];
      machines += e.getValue()[2];
    }
    hours.headMap(from, false).clear();
    double falsePositives = machines * settings.amdFalsePositivePercent() / 100;
    double denominator = live + falsePositives;
    double percent = denominator == 0 ? 0 : 100 * (abandoned + falsePositives) / denominator;
    return new Rate(live, abandoned, machines, falsePositives, percent);
  }

  /** Would one more abandoned (live) call put the rate over the limit? */
  private boolean oneMoreWouldCross(Rate r) {
    double denominator = r.live() + r.estimatedFalsePositives() + 1;
    return 100 * (r.abandoned() + r.estimatedFalsePositives() + 1) / denominator > settings.capPercent();
  }

  private long[] bucket(Instant at) {
    return hours.computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), h -> new long[3]);
  }
}
