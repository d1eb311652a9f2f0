package org.newsarchiver.sites;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.parser.Parser;

/** The corpus README's text comparisons: whitespace normalization for titles, more for body prefixes. */
final class FixtureText {
  private FixtureText() {}

  /** Collapses each run of Unicode whitespace (no-break space included) to one space and trims. */
  static @Nullable String spaces(@Nullable String s) {
    if (s == null) return null;
    StringBuilder out = new StringBuilder(s.length());
    boolean pending = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pending = true;
      } else {
        if (pending && out.length() > 0) out.append(' ');
        pending = false;
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** Splits a byline as the corpus writes several names ("A, B and C") into the names. */
  static List<String> names(String byline) {
    return Arrays.stream(spaces(byline).split("\\s*,\\s*|\\s+and\\s+"))
        .filter(n -> !n.isEmpty())
        .toList();
  }

  /** Decodes HTML entities, applies NFKC and collapses whitespace (the text_prefix rule). */
  static String comparable(@Nullable String s) {
    if (s == null) return "";
    String decoded = Parser.unescapeEntities(s, false);
    String spaced = spaces(Normalizer.normalize(decoded, Normalizer.Form.NFKC));
    return spaced == null ? "" : spaced;
  }
}
