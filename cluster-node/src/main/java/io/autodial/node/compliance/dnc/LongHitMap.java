package io.autodial.node.compliance.dnc;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A map from number key to its hit for the internal and per-campaign lists: open addressing over
 * primitive {@code long} keys, so a lookup neither boxes nor allocates. Many threads may read while
 * one writes at a time (writers synchronize). A slot's key never changes once set: a removal only
 * clears the slot's value (a tombstone the next resize drops), so a reader probing concurrently
 * with a write sees either the old or the new value, never another number's. The value is the
 * ready-made {@code Optional} that {@link DncLists#check} returns, so a hit allocates nothing either.
 */
final class LongHitMap {
  private static final class Table {
    final AtomicLongArray keys; // 0 = empty slot (no number has key 0)
    final AtomicReferenceArray<Optional<DncHit>> values; // null = tombstone or being written
    final int mask;

    Table(int capacity) {
      keys = new AtomicLongArray(capacity);
      values = new AtomicReferenceArray<>(capacity);
      mask = capacity - 1;
    }
  }

  private volatile Table table = new Table(16);
  private int used; // slots with a key, tombstones included
  private int live;

  /** The hit for {@code key}, or null. Lock-free. */
  Optional<DncHit> get(long key) {
    Table t = table;
    for (int i = slot(key, t.mask); ; i = (i + 1) & t.mask) {
      long k = t.keys.get(i);
      if (k == key) return t.values.get(i);
      if (k == 0) return null;
    }
  }

  synchronized void put(long key, DncHit hit) {
    if ((used + 1) * 4L > table.keys.length() * 3L) resize();
    Table t = table;
    int i = slot(key, t.mask);
    while (t.keys.get(i) != 0 && t.keys.get(i) != key) i = (i + 1) & t.mask;
    if (t.keys.get(i) == 0) used++;
    if (t.values.get(i) == null) live++;
    // the value is written before the key: a reader that sees the key sees the value
    t.values.set(i, Optional.of(hit));
    t.keys.set(i, key);
  }

  synchronized boolean remove(long key) {
    Table t = table;
    for (int i = slot(key, t.mask); ; i = (i + 1) & t.mask) {
      long k = t.keys.get(i);
      if (k == 0) return false;
      if (k == key) {
        if (t.values.get(i) == null) return false;
        t.values.set(i, null);
        live--;
        return true;
      }
    }
  }

  synchronized int size() {
    return live;
  }

  /** A new table twice as large (or as large, when mostly tombstones), swapped in whole. */
  private void resize() {
    Table old = table;
    int capacity = live * 2 >= old.keys.length() / 2 ? old.keys.length() * 2 : old.keys.length();
    Table t = new Table(capacity);
    int n = 0;
    for (int j = 0; j < old.keys.length(); j++) {
      Optional<DncHit> v = old.values.get(j);
      long k = old.keys.get(j);
      if (k == 0 || v == null) continue;
      int i = slot(k, t.mask);
      while (t.keys.get(i) != 0) i = (i + 1) & t.mask;
      t.keys.set(i, k);
      t.values.set(i, v);
      n++;
    }
    used = n;
    table = t; // published whole: readers see the old table or the complete new one
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads consecutive numbers
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
