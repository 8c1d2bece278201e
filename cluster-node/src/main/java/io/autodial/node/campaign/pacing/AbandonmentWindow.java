package io.autodial.node.campaign.pacing;

import java.util.ArrayDeque;

/**
 * Live answers and abandoned ones over a sliding window (an hour by default) and in total. The
 * window is what the hard cap is held to: if every window stays under the cap, so does every
 * clock hour.
 */
final class AbandonmentWindow {
  private final long windowMillis;
  private final ArrayDeque<Long> live = new ArrayDeque<>();
  private final ArrayDeque<Long> abandoned = new ArrayDeque<>();
  private long liveTotal, abandonedTotal;

  AbandonmentWindow(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  void liveAnswer(long now) {
    live.addLast(now);
    liveTotal++;
  }

  void abandoned(long now) {
    abandoned.addLast(now);
    abandonedTotal++;
  }

  int liveInWindow(long now) {
    expire(now);
    return live.size();
  }

  int abandonedInWindow(long now) {
    expire(now);
    return abandoned.size();
  }

  long liveTotal() {
    return liveTotal;
  }

  long abandonedTotal() {
    return abandonedTotal;
  }

  private void expire(long now) {
    while (!live.isEmpty() && live.peekFirst() <= now - windowMillis) live.removeFirst();
    while (!abandoned.isEmpty() && abandoned.peekFirst() <= now - windowMillis) abandoned.removeFirst();
  }
}
