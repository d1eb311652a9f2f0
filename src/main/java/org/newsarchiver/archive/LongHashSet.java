package org.newsarchiver.archive;

import java.nio.charset.StandardCharsets;

/**
 * A set of 64-bit hashes in one open-addressed {@code long[]}: 8 to 32 bytes a member, no object
 * per member, so a million of them fit in a few MiB of heap. For "seen before?" checks over more
 * keys than the heap could hold as strings; a hit may be a collision of two keys (about one in
 * 10^7 at a million keys), so callers that must be exact check hits again. Not thread-safe.
 */
final class LongHashSet {
  /** Marks an empty slot; the hash 0 itself is kept aside in {@link #hasZero}. */
  private static final long EMPTY = 0;

  private long[] slots = new long[1 << 10];
  private int size;
  private boolean hasZero;

  /** Adds the hash; returns false when it was already there. */
  boolean add(long h) {
    if (h == EMPTY) {
      if (hasZero) return false;
      hasZero = true;
      size++;
      return true;
    }
    if (2 * (size + 1) > slots.length) grow();
    int mask = slots.length - 1;
    for (int i = (int) (h ^ h >>> 32) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == h) return false;
      if (slots[i] == EMPTY) {
        slots[i] = h;
        size++;
        return true;
      }
    }
  }

  boolean contains(long h) {
    if (h == EMPTY) return hasZero;
    int mask = slots.length - 1;
    for (int i = (int) (h ^ h >>> 32) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == h) return true;
      if (slots[i] == EMPTY) return false;
    }
  }

  /** Whether every member of {@code other} is here too. */
  boolean containsAll(LongHashSet other) {
    if (other.hasZero && !hasZero) return false;
    for (long h : other.slots) if (h != EMPTY && !contains(h)) return false;
    return true;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = hasZero ? 1 : 0;
    for (long h : old) if (h != EMPTY) add(h);
  }

  /** A 64-bit hash of a string's UTF-8 bytes (FNV-1a, then a final mix so the low bits spread). */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) h = (h ^ (b & 0xff)) * 0x100000001b3L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ h >>> 33;
  }
}
