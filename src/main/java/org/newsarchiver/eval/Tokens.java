package org.newsarchiver.eval;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The corpus' body tokenization: NFKC, lower case; each character of a script written without
 * spaces (CJK ideographs, Hiragana, Katakana, Thai) is one token, every other maximal run of
 * letters and digits is one token; punctuation is dropped. Thread-safe (stateless).
 */
public final class Tokens {
  private Tokens() {}

  /** Token counts of a text. */
  public static Map<String, Integer> count(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    Map<String, Integer> counts = new HashMap<>();
    StringBuilder run = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isUnspaced(cp)) {
        flush(run, counts);
        counts.merge(new String(Character.toChars(cp)), 1, Integer::sum);
      } else if (Character.isLetterOrDigit(cp)) {
        run.appendCodePoint(cp);
      } else {
        flush(run, counts);
      }
    }
    flush(run, counts);
    return counts;
  }

  /** Precision, recall and F1 of a predicted text against a reference; empty prediction scores 0. */
  public static double f1(String predicted, String reference) {
    Map<String, Integer> p = count(predicted);
    Map<String, Integer> r = count(reference);
    long np = total(p);
    long nr = total(r);
    if (np == 0 || nr == 0) return 0;
    long overlap = 0;
    for (Map.Entry<String, Integer> e : p.entrySet()) {
      Integer other = r.get(e.getKey());
      if (other != null) overlap += Math.min(e.getValue(), other);
    }
    if (overlap == 0) return 0;
    double precision = (double) overlap / np;
    double recall = (double) overlap / nr;
    return 2 * precision * recall / (precision + recall);
  }

  private static long total(Map<String, Integer> counts) {
    long n = 0;
    for (int c : counts.values()) n += c;
    return n;
  }

  private static void flush(StringBuilder run, Map<String, Integer> counts) {
    if (run.length() > 0) {
      counts.merge(run.toString(), 1, Integer::sum);
      run.setLength(0);
    }
  }

  static boolean isUnspaced(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.THAI;
  }
}
