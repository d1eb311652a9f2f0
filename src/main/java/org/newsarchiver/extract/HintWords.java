package org.newsarchiver.extract;

import java.util.Arrays;

/**
 * Finds which of several lists of hint words occur in a lower-cased class or id value, in one pass
 * over the value: at each position only the words that start with the two characters there are
 * tried. Pages show thousands of distinct values (unique ids, generated class names), so one scan per
 * word would cost more than the look-ups it serves. Only ASCII words are indexed; a caller with a
 * value that holds other characters looks the other words up itself. Immutable, thread-safe.
 */
final class HintWords {
  /** No third character (a two-character word, or the value's end); no hint word holds it. */
  private static final char NO_THIRD = '\uFFFF';

  private final String[][] words = new String[128 * 128][];
  private final int[][] bits = new int[128 * 128][];
  private final char[][] thirds = new char[128 * 128][];
  /** Whether the word counts only at the start of a word (not after a letter). */
  private final boolean[][] starts = new boolean[128 * 128][];

  /** Adds the list's ASCII words of two characters or more, found anywhere, as {@code bit}. */
  HintWords anywhere(String[] list, int bit) {
    return add(list, bit, false);
  }

  /** Adds the list's ASCII words, found only where no letter comes before them, as {@code bit}. */
  HintWords atWordStart(String[] list, int bit) {
    return add(list, bit, true);
  }

  private HintWords add(String[] list, int bit, boolean wordStart) {
    for (String w : list) {
      if (w.length() < 2 || !isAscii(w)) continue;
      int k = w.charAt(0) << 7 | w.charAt(1);
      int n = words[k] == null ? 0 : words[k].length;
      words[k] = n == 0 ? new String[1] : Arrays.copyOf(words[k], n + 1);
      bits[k] = n == 0 ? new int[1] : Arrays.copyOf(bits[k], n + 1);
      thirds[k] = n == 0 ? new char[1] : Arrays.copyOf(thirds[k], n + 1);
      starts[k] = n == 0 ? new boolean[1] : Arrays.copyOf(starts[k], n + 1);
      words[k][n] = w;
      bits[k][n] = bit;
      thirds[k][n] = w.length() > 2 ? w.charAt(2) : NO_THIRD;
      starts[k][n] = wordStart;
    }
    return this;
  }

  /** The bits of the words found in {@code lower}. */
  int flags(String lower) {
    int f = 0;
    for (int i = 0, n = lower.length() - 1; i < n; i++) {
      char c = lower.charAt(i);
      char d = lower.charAt(i + 1);
      if (c >= 128 || d >= 128) continue;
      int key = c << 7 | d;
      String[] ws = words[key];
      if (ws == null) continue;
      int[] bs = bits[key];
      char[] ts = thirds[key];
      boolean[] ss = starts[key];
      // the third character rules out most words of a crowded pair ("co": comment, content, cookie...)
      char e = i + 2 <= n ? lower.charAt(i + 2) : NO_THIRD;
      for (int k = 0; k < ws.length; k++) {
        char t = ts[k];
        if ((f & bs[k]) == 0
            && (t == NO_THIRD || t == e)
            && lower.startsWith(ws[k], i)
            && (!ss[k] || i == 0 || !Character.isLetter(lower.charAt(i - 1)))) {
          f |= bs[k];
        }
      }
    }
    return f;
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) return false;
    }
    return true;
  }
}
