package org.newsarchiver.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A word-level diff of two texts for display: runs of kept, removed and added words, from the
 * longest common subsequence of the words between the texts' common head and tail. Bounded: when
 * the changed middle is too large for the table ({@link #MAX_CELLS}), it is shown as removed then
 * added whole. (The archive's {@code WordDiff} only counts words; this one places them.)
 */
final class WordChanges {
  static final long MAX_CELLS = 4_000_000;

  /** What happened to a run of words. */
  enum Kind { SAME, REMOVED, ADDED }

  /** A run of words with one fate, joined by single spaces. */
  record Run(Kind kind, String words) {}

  private WordChanges() {}

  static List<Run> between(String before, String after) {
    String[] a = words(before);
    String[] b = words(after);
    int head = 0;
    while (head < a.length && head < b.length && a[head].equals(b[head])) head++;
    int tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) tail++;
    List<Run> runs = new ArrayList<>();
    add(runs, Kind.SAME, Arrays.asList(a).subList(0, head));
    String[] ma = Arrays.copyOfRange(a, head, a.length - tail);
    String[] mb = Arrays.copyOfRange(b, head, b.length - tail);
    if ((long) ma.length * mb.length > MAX_CELLS) {
      add(runs, Kind.REMOVED, Arrays.asList(ma));
      add(runs, Kind.ADDED, Arrays.asList(mb));
    } else {
      middle(runs, ma, mb);
    }
    add(runs, Kind.SAME, Arrays.asList(a).subList(a.length - tail, a.length));
    return runs;
  }

  private static void middle(List<Run> runs, String[] a, String[] b) {
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        add(runs, Kind.SAME, List.of(a[i++]));
        j++;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // on a tie the old word goes first, so a replacement reads "removed, then added"
        add(runs, Kind.REMOVED, List.of(a[i++]));
      } else {
        add(runs, Kind.ADDED, List.of(b[j++]));
      }
    }
  }

  /** Appends words, merging with the last run when it has the same kind. */
  private static void add(List<Run> runs, Kind kind, List<String> words) {
    if (words.isEmpty()) return;
    String joined = String.join(" ", words);
    if (!runs.isEmpty() && runs.get(runs.size() - 1).kind() == kind) {
      Run last = runs.remove(runs.size() - 1);
      runs.add(new Run(kind, last.words() + " " + joined));
    } else {
      runs.add(new Run(kind, joined));
    }
  }

  private static String[] words(String s) {
    String t = s.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }
}
