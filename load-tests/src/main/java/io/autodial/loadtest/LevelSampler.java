package io.autodial.loadtest;

import io.autodial.freeswitch.sim.FreeSwitchSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls the simulator every millisecond while a level dials: the highest number of live channels,
 * and the moment the switch has accepted the level's last originate. Heap use is sampled every
 * 20 ms. Bounded: it stops when told or after {@code maxRunNanos}.
 */
final class LevelSampler implements Runnable {
  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final FreeSwitchSimulator sim;
  private final long originatesBase;
  private final long originatesTarget;
  private final long maxRunNanos;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;

  private volatile boolean stop;
  private volatile int peakLive;
  private volatile long lastOriginateSeenNanos;
  private volatile long originatesSeen;
  private volatile long allOriginatedNanos = -1;
  private volatile long heapPeakBytes;

  LevelSampler(FreeSwitchSimulator sim, long originatesBase, int calls, long maxRunNanos) {
    this.sim = sim;
    this.originatesBase = originatesBase;
    this.originatesTarget = originatesBase + calls;
    this.maxRunNanos = maxRunNanos;
    this.thread = new Thread(this, "bench-sampler");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() throws InterruptedException {
    stop = true;
    thread.join(5_000);
  }

  @Override
  public void run() {
    long started = System.nanoTime();
    long previous = originatesBase;
    int tick = 0;
    while (!stop && System.nanoTime() - started < maxRunNanos) {
      int live = sim.liveChannels();
      if (live > peakLive) peakLive = live;
      long originates = sim.totalOriginates();
      if (originates != previous) {
        long now = System.nanoTime();
        previous = originates;
        lastOriginateSeenNanos = now;
        originatesSeen = originates - originatesBase;
        if (originates >= originatesTarget && allOriginatedNanos < 0) allOriginatedNanos = now;
      }
      if (tick++ % 20 == 0) {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > heapPeakBytes) heapPeakBytes = used;
      }
      LockSupport.parkNanos(PERIOD_NANOS);
    }
  }

  int peakLive() {
    return peakLive;
  }

  /** Originates the switch accepted since the level started. */
  long originatesSeen() {
    return originatesSeen;
  }

  /** When the switch accepted the last originate seen (System.nanoTime), or 0. */
  long lastOriginateSeenNanos() {
    return lastOriginateSeenNanos;
  }

  /** When the switch had accepted all of the level's originates, or -1 if it never did. */
  long allOriginatedNanos() {
    return allOriginatedNanos;
  }

  long heapPeakBytes() {
    return heapPeakBytes;
  }
}
