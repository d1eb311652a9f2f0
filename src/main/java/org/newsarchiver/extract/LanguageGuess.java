package org.newsarchiver.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Guesses a text's language cheaply: the script first (kana means Japanese, Hangul Korean, other
 * CJK Chinese, Cyrillic Russian...), then for Latin script the most frequent stopwords of eight
 * common languages. Returns null when the sample is too small or no language stands out. Stateless.
 */
final class LanguageGuess {
  private static final int SAMPLE = 4000;
  private static final int MIN_LETTERS = 40;
  private static final int MIN_STOPWORDS = 5;

  private static final Map<String, Set<String>> STOPWORDS =
      Map.of(
          "en", Set.of("the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "are", "this", "on"),
          "de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "sich", "auf", "für", "auch"),
          "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "pour", "dans", "que", "qui", "du", "pas", "sur"),
          "es", Set.of("el", "la", "los", "las", "y", "que", "es", "una", "por", "con", "para", "del", "se", "como"),
          "it", Set.of("il", "di", "che", "è", "la", "per", "una", "non", "sono", "gli", "della", "con", "del", "anche"),
          "pt", Set.of("o", "os", "que", "não", "uma", "para", "com", "do", "da", "em", "é", "dos", "das", "mais"),
          "nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "dat", "op", "voor", "met", "zijn", "ook", "maar"),
          "cs", Set.of("a", "je", "se", "na", "že", "to", "v", "s", "o", "ve", "jsou", "by", "jako", "také"));

  private LanguageGuess() {}

  static @Nullable String guess(List<String> paragraphs) {
    StringBuilder sample = new StringBuilder();
    for (String p : paragraphs) {
      if (sample.length() >= SAMPLE) break;
      sample.append(p).append(' ');
    }
    String text = sample.length() > SAMPLE ? sample.substring(0, SAMPLE) : sample.toString();
    String byScript = byScript(text);
    if (byScript != null) return byScript.isEmpty() ? null : byScript;
    return byStopwords(text);
  }

  /** A language from a non-Latin script, "" for too little text, null for Latin script. */
  private static @Nullable String byScript(String text) {
    int[] counts = new int[SCRIPTS.length]; // by ordinal: no boxed count per letter
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        // ASCII, the common case, without a Unicode table look-up
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
          letters++;
          counts[LATIN]++;
        }
        continue;
      }
      if (!Character.isLetter(cp)) continue;
      letters++;
      counts[Character.UnicodeScript.of(cp).ordinal()]++;
    }
    if (letters < MIN_LETTERS) return "";
    int kana = counts[Character.UnicodeScript.HIRAGANA.ordinal()]
        + counts[Character.UnicodeScript.KATAKANA.ordinal()];
    int han = counts[Character.UnicodeScript.HAN.ordinal()];
    if (kana * 20 > letters) return "ja";
    if (han * 3 > letters) return "zh";
    if (share(counts, Character.UnicodeScript.HANGUL, letters)) return "ko";
    if (share(counts, Character.UnicodeScript.CYRILLIC, letters)) return "ru";
    if (share(counts, Character.UnicodeScript.ARABIC, letters)) return "ar";
    if (share(counts, Character.UnicodeScript.GREEK, letters)) return "el";
    if (share(counts, Character.UnicodeScript.HEBREW, letters)) return "he";
    if (share(counts, Character.UnicodeScript.THAI, letters)) return "th";
    if (share(counts, Character.UnicodeScript.DEVANAGARI, letters)) return "hi";
    return null;
  }

  private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();
  private static final int LATIN = Character.UnicodeScript.LATIN.ordinal();

  /** The longest stop word: a longer word needs no look-up (lower case is never shorter). */
  private static final int MAX_STOPWORD =
      STOPWORDS.values().stream().flatMap(Set::stream).mapToInt(String::length).max().orElse(0);

  private static boolean share(int[] counts, Character.UnicodeScript s, int of) {
    return counts[s.ordinal()] * 2 > of;
  }

  private static @Nullable String byStopwords(String text) {
    Map<String, Integer> hits = new HashMap<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
      if (letter && start < 0) start = i;
      if (!letter && start >= 0 && i - start > MAX_STOPWORD) {
        start = -1;
      } else if (!letter && start >= 0) {
        String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
          if (e.getValue().contains(word)) hits.merge(e.getKey(), 1, Integer::sum);
        }
        start = -1;
      }
    }
    String best = null;
    int bestHits = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits || e.getValue() == bestHits && e.getKey().compareTo(best) < 0) {
        best = e.getKey();
        bestHits = e.getValue();
      }
    }
    return bestHits >= MIN_STOPWORDS ? best : null;
  }
}
