package org.newsarchiver.archive;

import java.util.HashMap;
import java.util.Map;

/**
 * How many words one text has more and fewer than another, counting words as a multiset (so a
 * moved sentence counts as neither); a cheap measure of an edit, not a diff to display.
 *
 * @param added words in the new text beyond those in the old
 * @param removed words in the old text no longer in the new
 */
public record WordDiff(int added, int removed) {

  public static WordDiff of(String before, String after) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words(before)) counts.merge(w, -1, Integer::sum);
    for (String w : words(after)) counts.merge(w, 1, Integer::sum);
    int added = 0;
    int removed = 0;
    for (int c : counts.values()) {
      if (c > 0) added += c;
      else removed -= c;
    }
    return new WordDiff(added, removed);
  }

  private static String[] words(String s) {
    String t = s.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }
}
