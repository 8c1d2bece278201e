package io.autodial.freeswitch.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happened to each channel, in the order the simulator saw it: the events it published
 * (CHANNEL_ANSWER, PLAYBACK_START, CHANNEL_HANGUP...) and the API commands a client sent for it
 * (uuid_broadcast, uuid_kill...). Lets a test check timing the way a switch operator would read
 * FreeSWITCH's own log, e.g. that a message started within 2 s of the answer.
 */
public final class ChannelTimeline {
  /** One line: an event's name, or "api " and the command line. */
  public record Entry(Instant at, String what) {}

  private final Map<String, List<Entry>> byChannel = new ConcurrentHashMap<>();

  void record(String uuid, String what) {
    if (uuid == null) return;
    byChannel.computeIfAbsent(uuid, k -> new CopyOnWriteArrayList<>()).add(new Entry(Instant.now(), what));
  }

  public List<Entry> of(String uuid) {
    return List.copyOf(byChannel.getOrDefault(uuid, List.of()));
  }

  /** The first entry starting with {@code prefix}, if any. */
  public java.util.Optional<Entry> first(String uuid, String prefix) {
    return of(uuid).stream().filter(e -> e.what().startsWith(prefix)).findFirst();
  }
}
