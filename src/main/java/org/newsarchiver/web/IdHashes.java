package org.newsarchiver.web;

import java.nio.charset.StandardCharsets;

/**
 * The article ids of one site seen so far in a walk of its CSV, as 64-bit hashes in one
 * open-addressed {@code long[]} (16 to 32 bytes an id, no object per id): enough to tell a repeated
 * id and to find index entries whose row left the CSV, without keeping a million strings. A hit may
 * be a collision of two ids (about one in 10^7 at a million ids); the cost of one is a stale entry
 * kept until the site is next walked. Not thread-safe.
 */
final class IdHashes {
  private long[] slots = new long[1 << 10];
  private int size;
  private boolean hasZero;

  /** Adds the id; false when it (or an id of the same hash) was already there. */
  boolean add(String id) {
    long h = hash(id);
    if (h == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (2 * (size + 1) > slots.length) grow();
    if (!insert(slots, h)) return false;
    size++;
    return true;
  }

  boolean contains(String id) {
    long h = hash(id);
    if (h == 0) return hasZero;
    int mask = slots.length - 1;
    for (int i = index(h, mask); ; i = (i + 1) & mask) {
      if (slots[i] == h) return true;
      if (slots[i] == 0) return false;
    }
  }

  private static boolean insert(long[] table, long h) {
    int mask = table.length - 1;
    for (int i = index(h, mask); ; i = (i + 1) & mask) {
      if (table[i] == h) return false;
      if (table[i] == 0) {
        table[i] = h;
        return true;
      }
    }
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (long h : slots) if (h != 0) insert(bigger, h);
    slots = bigger;
  }

  private static int index(long h, int mask) {
    return (int) (h ^ h >>> 32) & mask;
  }

  /** FNV-1a over the id's UTF-8 bytes, then a 64-bit finalizer so nearby ids spread over the table. */
  static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ h >>> 33;
  }
}
