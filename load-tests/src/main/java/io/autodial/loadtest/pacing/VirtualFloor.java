package io.autodial.loadtest.pacing;

import io.autodial.node.campaign.pacing.Pacer;
import io.autodial.node.campaign.pacing.PacingConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of a calling floor in virtual time: calls ring and resolve as the
 * scenario says, agents talk (lognormal) and wrap up, and the product's own {@link Pacer} decides
 * after every event (and every half second) how many calls to place. A live answer is connected to
 * the longest-idle agent at once, or waits; one still waiting after the scenario's threshold is
 * abandoned. AMD listens to every pickup for the scenario's {@code machineDetectSeconds} before its
 * verdict (a person: the live answer; a machine); the pacer hears of the pickup, as the product's
 * dialer does. A call the pacer drops while it still rings is hung up and resolves no more; one
 * already picked up is not (the Call refuses), and the pacer is told so. Seeded: the same scenario,
 * seed and pacing give the same figures.
 */
public final class VirtualFloor {
  private static final long TICK_MS = 500;

  private enum Kind { PICK_UP, RESOLVE, ABANDON_CHECK, TALK_END, WRAP_END, TICK }

  private record Event(long at, long seq, Kind kind, Call call, int agent) {}

  private static final class Call {
    final String id;
    final long placedAt;
    boolean live, waiting, dropped;
    long answeredAt;
    /** When the far end picks up: AMD tells a person or a machine machineDetectSeconds later. */
    long pickedUpAt = Long.MAX_VALUE;

    Call(String id, long placedAt) {
      this.id = id;
      this.placedAt = placedAt;
    }
  }

  private final Scenario scenario;
  private final SplittableRandom random;
  private final Pacer pacer;
  private final String label;
  private final long seed;
  private final long end;
  private final PriorityQueue<Event> queue =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final ArrayDeque<Integer> idleAgents = new ArrayDeque<>();
  private final ArrayDeque<Call> waiting = new ArrayDeque<>();
  private final Map<String, Call> ringing = new HashMap<>();
  private final String[] agentIds;
  private long seq, callSeq;
  private long dialed, dropped, liveAnswers, abandoned;
  private double talkMillis, busyMillis;
  private final long[] liveByHour, abandonedByHour;

  private VirtualFloor(Scenario scenario, long seed, PacingConfig config, String label) {
    this.scenario = scenario;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.pacer = new Pacer(config.withPatience(Math.round(scenario.abandonAfterSeconds() * 1000)));
    this.label = label;
    this.end = Math.round(scenario.hours() * 3600_000);
    int hours = (int) Math.ceil(scenario.hours());
    this.liveByHour = new long[hours];
    this.abandonedByHour = new long[hours];
    this.agentIds = new String[scenario.agents()];
  }

  /** Runs one scenario with one seed under one pacing. */
  public static FloorResult run(Scenario scenario, long seed, PacingConfig config, String label) {
    return new VirtualFloor(scenario, seed, config, label).run();
  }

  private FloorResult run() {
    for (int i = 0; i < agentIds.length; i++) {
      agentIds[i] = "agent-" + i;
      pacer.agentIdle(agentIds[i], 0);
      idleAgents.addLast(i);
    }
    schedule(0, Kind.TICK, null, -1);
    while (!queue.isEmpty()) {
      Event e = queue.poll();
      if (e.at > end) break;
      long now = e.at;
      switch (e.kind) {
        case PICK_UP -> {
          if (!e.call.dropped) pacer.callPickedUp(e.call.id, now);
        }
        case RESOLVE -> resolve(e.call, now);
        case ABANDON_CHECK -> abandonIfWaiting(e.call, now);
        case TALK_END -> {
          pacer.agentWrapping(agentIds[e.agent], now);
          schedule(now + Math.round(scenario.wrapUpSeconds() * 1000), Kind.WRAP_END, null, e.agent);
        }
        case WRAP_END -> agentFree(e.agent, now);
        case TICK -> schedule(now + TICK_MS, Kind.TICK, null, -1);
      }
      dial(now);
    }
    return result();
  }

  private void dial(long now) {
    int n = pacer.callsToPlace(now);
    for (int i = 0; i < n; i++) place(now);
    for (String id : pacer.callsToDrop(now)) {
      Call call = ringing.get(id);
      if (now >= call.pickedUpAt) {
        pacer.dropRefused(id, now); // answered, AMD still listening: too late to hang up unanswered
        continue;
      }
      ringing.remove(id).dropped = true;
      dropped++;
      pacer.callFailed(id, now); // hung up at once
    }
  }

  private void place(long now) {
    Call call = new Call("call-" + callSeq++, now);
    dialed++;
    pacer.callPlaced(call.id, now);
    ringing.put(call.id, call);
    double hour = now / 3600_000.0;
    double ringSeconds;
    long detect = Math.round(scenario.machineDetectSeconds() * 1000);
    if (random.nextDouble() < scenario.liveAnswerRateAt(hour)) {
      call.live = true;
      ringSeconds = uniform(scenario.liveRingMinSeconds(), scenario.liveRingMaxSeconds());
      call.pickedUpAt = now + Math.round(ringSeconds * 1000) - detect;
    } else {
      double r = random.nextDouble();
      if (r < scenario.machineShare()) {
        ringSeconds = uniform(scenario.liveRingMinSeconds(), scenario.liveRingMaxSeconds()) + scenario.machineDetectSeconds();
        call.pickedUpAt = now + Math.round(ringSeconds * 1000) - detect;
      } else if (r < scenario.machineShare() + scenario.noAnswerShare()) ringSeconds = scenario.noAnswerRingSeconds();
      else ringSeconds = uniform(scenario.busyMinSeconds(), scenario.busyMaxSeconds());
    }
    schedule(now + Math.round(ringSeconds * 1000), Kind.RESOLVE, call, -1);
    if (call.pickedUpAt != Long.MAX_VALUE && detect > 0) schedule(call.pickedUpAt, Kind.PICK_UP, call, -1);
  }

  private void resolve(Call call, long now) {
    if (call.dropped) return;
    ringing.remove(call.id);
    if (!call.live) {
      pacer.callFailed(call.id, now);
      return;
    }
    call.answeredAt = now;
    liveAnswers++;
    liveByHour[hourOf(now)]++;
    pacer.callAnsweredLive(call.id, now);
    Integer agent = idleAgents.pollFirst();
    if (agent != null) {
      connect(call, agent, now);
    } else {
      call.waiting = true;
      waiting.addLast(call);
      schedule(now + Math.round(scenario.abandonAfterSeconds() * 1000), Kind.ABANDON_CHECK, call, -1);
    }
  }

  private void abandonIfWaiting(Call call, long now) {
    if (!call.waiting) return;
    call.waiting = false;
    waiting.remove(call);
    abandoned++;
    abandonedByHour[hourOf(call.answeredAt)]++;
    pacer.callAbandoned(call.id, now);
  }

  private void agentFree(int agent, long now) {
    Call next;
    while ((next = waiting.pollFirst()) != null && !next.waiting) {}
    if (next != null) {
      next.waiting = false;
      connect(next, agent, now);
    } else {
      idleAgents.addLast(agent);
      pacer.agentIdle(agentIds[agent], now);
    }
  }

  private void connect(Call call, int agent, long now) {
    pacer.callConnected(call.id, now);
    pacer.agentTalking(agentIds[agent], now);
    long talk = Math.round(lognormal(scenario.talkMeanSecondsAt(now / 3600_000.0), scenario.talkCv()) * 1000);
    long wrap = Math.round(scenario.wrapUpSeconds() * 1000);
    talkMillis += Math.min(now + talk, end) - now;
    busyMillis += Math.min(now + talk + wrap, end) - now;
    schedule(now + talk, Kind.TALK_END, null, agent);
  }

  private FloorResult result() {
    double agentHours = scenario.agents() * scenario.hours();
    List<Double> byHour = new ArrayList<>();
    double worst = 0;
    for (int h = 0; h < liveByHour.length; h++) {
      double pct = liveByHour[h] == 0 ? 0 : 100.0 * abandonedByHour[h] / liveByHour[h];
      byHour.add(round(pct, 2));
      worst = Math.max(worst, pct);
    }
    return new FloorResult(
        scenario.name(), label, seed, scenario.agents(), scenario.hours(),
        round(talkMillis / 60_000 / agentHours, 2),
        round(100 * busyMillis / (agentHours * 3600_000), 2),
        round(liveAnswers == 0 ? 0 : 100.0 * abandoned / liveAnswers, 3),
        round(worst, 2), byHour, dialed, dropped, liveAnswers, abandoned,
        round((liveAnswers - abandoned) / agentHours, 2));
  }

  private int hourOf(long t) {
    return (int) Math.min(liveByHour.length - 1, t / 3600_000);
  }

  private void schedule(long at, Kind kind, Call call, int agent) {
    queue.add(new Event(at, seq++, kind, call, agent));
  }

  private double uniform(double min, double max) {
    return min + random.nextDouble() * (max - min);
  }

  private double lognormal(double mean, double cv) {
    if (cv <= 0) return mean;
    double sigma2 = Math.log(1 + cv * cv);
    double mu = Math.log(mean) - sigma2 / 2;
    return Math.exp(mu + Math.sqrt(sigma2) * gaussian());
  }

  private double gaussian() {
    // Box–Muller; SplittableRandom has no nextGaussian on Java 17
    double u1 = 1 - random.nextDouble(), u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
