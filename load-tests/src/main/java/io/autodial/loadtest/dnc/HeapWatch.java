package io.autodial.loadtest.dnc;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The highest heap use over a window: the sum of the heap pools' peaks (what the GC saw, between
 * and during collections) and the highest total sampled every 5 ms (what was live at once, nearer).
 */
final class HeapWatch implements AutoCloseable {
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long sampledPeak;

  HeapWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    sampler = new Thread(() -> {
      while (running) {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (used > sampledPeak) sampledPeak = used;
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  long sampledPeakMb() {
    return sampledPeak / 1048576;
  }

  static long poolPeaksMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
      if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
    return sum / 1048576;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
