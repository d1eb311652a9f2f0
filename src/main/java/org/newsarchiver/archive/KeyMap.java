package org.newsarchiver.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.LongFunction;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;
import org.jspecify.annotations.Nullable;

/**
 * Keys (a URL, a text sha256, an id) to row sequence numbers in {@link ArchiveIndex}, 16 bytes an
 * entry whatever the key's length: the first 64 bits of the SHA-256 of kind and key pick the slot,
 * the next 24 bits are checked on reading. A key whose slot another key holds (about one in 10^7 at
 * a million rows) is kept whole in a second map, so answers are exact up to an 88-bit collision.
 */
final class KeyMap {
  static final char URL = 'u';
  static final char SHA = 's';
  static final char ID = 'i';
  private static final char[] KINDS = {URL, SHA, ID};
  private static final long CHECK = (1L << 24) - 1;
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private final MVMap<Long, Long> slots;
  private final MVMap<String, Long> whole;

  KeyMap(MVStore store) {
    this.slots = store.openMap("key", new MVMap.Builder<Long, Long>()
        .keyType(LongDataType.INSTANCE).valueType(LongDataType.INSTANCE));
    this.whole = store.openMap("collided-key", new MVMap.Builder<String, Long>()
        .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
  }

  /** The slot (long 0) and check (long 1) of a key. */
  private static long[] hash(char kind, String key) {
    MessageDigest md = SHA256.get();
    md.update((byte) kind);
    byte[] d = md.digest(key.getBytes(StandardCharsets.UTF_8));
    long slot = 0;
    for (int i = 0; i < 8; i++) slot = slot << 8 | (d[i] & 0xff);
    return new long[] {slot, (d[8] & 0xff) << 16 | (d[9] & 0xff) << 8 | (d[10] & 0xff)};
  }

  @Nullable Long get(char kind, String key) {
    long[] h = hash(kind, key);
    Long v = slots.get(h[0]);
    if (v != null && (v & CHECK) == h[1]) return v >>> 24;
    return whole.isEmpty() ? null : whole.get(kind + key);
  }

  /** Maps the key to {@code seq} (unless it has one and {@code ifAbsent}); returns its earlier seq. */
  @Nullable Long put(char kind, String key, long seq, boolean ifAbsent) {
    long[] h = hash(kind, key);
    Long v = slots.get(h[0]);
    if (v == null || (v & CHECK) == h[1]) {
      if (v != null && ifAbsent) return v >>> 24;
      slots.put(h[0], seq << 24 | h[1]);
      return v == null ? null : v >>> 24;
    }
    return ifAbsent ? whole.putIfAbsent(kind + key, seq) : whole.put(kind + key, seq);
  }

  /** Removes the key if it maps to {@code seq}. */
  void remove(char kind, String key, long seq) {
    long[] h = hash(kind, key);
    Long v = slots.get(h[0]);
    if (v != null && (v & CHECK) == h[1]) {
      if (v >>> 24 == seq) slots.remove(h[0]);
    } else {
      whole.remove(kind + key, seq);
    }
  }

  /** Loads many keys into an empty map: gathered in arrays, then written in slot order, so each page is written once a batch. */
  Bulk bulk(int capacity, LongFunction<ArchiveRow> rowAt) {
    return new Bulk(capacity, rowAt);
  }

  /**
   * A rebuild's keys, in row order: an id's or URL's last row wins, a sha256's first. Collisions
   * are resolved from the rows themselves ({@code rowAt}), which are written before the keys.
   */
  final class Bulk {
    private final long[] slot;
    private final long[] value; // seq << 26 | kind index << 24 | check: sorting by it keeps row order
    private final LongFunction<ArchiveRow> rowAt;
    private int n;
    private long newIds;
    private boolean duplicates;

    private Bulk(int capacity, LongFunction<ArchiveRow> rowAt) {
      this.slot = new long[capacity];
      this.value = new long[capacity];
      this.rowAt = rowAt;
    }

    void add(char kind, String key, long seq) {
      if (n == slot.length) finish();
      long[] h = hash(kind, key);
      slot[n] = h[0];
      value[n] = seq << 26 | (long) kindIndex(kind) << 24 | h[1];
      n++;
    }

    /** Writes the keys gathered so far. */
    void finish() {
      sort();
      for (int i = 0; i < n; i++) {
        long seq = value[i] >>> 26;
        char kind = KINDS[(int) (value[i] >>> 24 & 3)];
        long check = value[i] & CHECK;
        Long v = slots.get(slot[i]);
        if (v != null && (v & CHECK) != check) {
          putWhole(kind, seq, slot[i], check);
          continue;
        }
        if (kind == SHA && v != null) continue;
        if (kind == ID) {
          if (v == null) newIds++;
          else if (!rowAt.apply(v >>> 24).equals(rowAt.apply(seq))) duplicates = true;
        }
        slots.put(slot[i], seq << 24 | check);
      }
      n = 0;
    }

    /** The rare key whose slot another key holds: its text is found again in its row. */
    private void putWhole(char kind, long seq, long wantSlot, long wantCheck) {
      ArchiveRow row = rowAt.apply(seq);
      java.util.List<String> candidates = switch (kind) {
        case ID -> java.util.List.of(row.id());
        case SHA -> java.util.List.of(row.sha256());
        default -> {
          java.util.List<String> urls = new java.util.ArrayList<>(row.altUrls());
          urls.add(0, row.url());
          yield urls;
        }
      };
      for (String key : candidates) {
        long[] h = hash(kind, key);
        if (h[0] == wantSlot && h[1] == wantCheck) {
          if (kind == ID && whole.get(kind + key) == null) newIds++;
          if (kind == SHA) whole.putIfAbsent(kind + key, seq);
          else whole.put(kind + key, seq);
          return;
        }
      }
    }

    long newIds() {
      return newIds;
    }

    boolean duplicates() {
      return duplicates;
    }

    /** Heap sort of the pairs by slot, then value (no boxing: these arrays are the rebuild's only big heap). */
    private void sort() {
      for (int i = n / 2 - 1; i >= 0; i--) siftDown(i, n);
      for (int end = n - 1; end > 0; end--) {
        swap(0, end);
        siftDown(0, end);
      }
    }

    private void siftDown(int i, int size) {
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) return;
        if (child + 1 < size && less(child, child + 1)) child++;
        if (!less(i, child)) return;
        swap(i, child);
        i = child;
      }
    }

    private boolean less(int a, int b) {
      return slot[a] != slot[b] ? slot[a] < slot[b] : value[a] < value[b];
    }

    private void swap(int a, int b) {
      long s = slot[a];
      slot[a] = slot[b];
      slot[b] = s;
      long v = value[a];
      value[a] = value[b];
      value[b] = v;
    }
  }

  private static int kindIndex(char kind) {
    for (int i = 0; i < KINDS.length; i++) if (KINDS[i] == kind) return i;
    throw new IllegalArgumentException("kind: " + kind);
  }
}
