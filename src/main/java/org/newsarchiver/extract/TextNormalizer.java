package org.newsarchiver.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The archive's one text form: Unicode NFC, plain spaces, no zero-width characters or soft hyphens,
 * trimmed lines, no empty paragraphs. Quotes and dashes stay as written. Thread-safe (stateless).
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /** A single-line value such as a title or an author: all white space, newlines too, becomes one space. */
  public static @Nullable String line(@Nullable String raw) {
    if (raw == null) return null;
    String text = clean(raw, false);
    return text.isEmpty() ? null : text;
  }

  /** One paragraph: line breaks inside it are kept (verse, addresses), empty lines removed. */
  public static String paragraph(String raw) {
    return clean(raw, true);
  }

  /** Normalizes each paragraph and drops the ones left empty. */
  public static List<String> paragraphs(List<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (String p : raw) {
      String text = paragraph(p);
      if (!text.isEmpty()) out.add(text);
    }
    return out;
  }

  private static String clean(String raw, boolean keepLineBreaks) {
    String s = nfc(raw);
    if (isClean(s, keepLineBreaks)) return s; // most text: no copy char by char
    // collected paragraphs often only carry a space at either end: the rest is kept as it is
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') from++;
    while (to > from && s.charAt(to - 1) == ' ') to--;
    if ((from > 0 || to < s.length()) && to > from) {
      String inner = s.substring(from, to);
      if (isClean(inner, keepLineBreaks)) return inner;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    boolean pendingBreak = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C'
          || c == '\u0085') {
        if (keepLineBreaks) pendingBreak = true;
        else pendingSpace = true;
      } else if (isSpace(c)) {
        pendingSpace = true;
      } else if (isInvisible(s, i)) {
        // dropped: zero-width characters and soft hyphens only break words and search
      } else if (Character.isISOControl(c)) {
        pendingSpace = true;
      } else {
        if (out.length() > 0) {
          if (pendingBreak) out.append('\n');
          else if (pendingSpace) out.append(' ');
        }
        pendingSpace = false;
        pendingBreak = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The text in NFC. Below U+0300 every character is its own NFC form and none combines with its
   * neighbour, so text of those alone (most Latin text) is returned as it is, without the copy the
   * normalizer makes.
   */
  private static String nfc(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) >= '\u0300') return Normalizer.normalize(raw, Normalizer.Form.NFC);
    }
    return raw;
  }

  /** Whether {@link #clean} would return {@code s} unchanged: single separators between kept characters. */
  private static boolean isClean(String s, boolean keepLineBreaks) {
    int n = s.length();
    boolean lastKept = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ' || keepLineBreaks && c == '\n') {
        if (!lastKept || i == n - 1) return false;
        lastKept = false;
      } else if (isKept(s, i, c)) {
        lastKept = true;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isKept(String s, int i, char c) {
    if (c >= 0x21 && c < 0x7F) return true; // printable ASCII, the common case
    return !(c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C'
        || c == '\u0085' || isSpace(c) || isInvisible(s, i) || Character.isISOControl(c));
  }

  private static boolean isSpace(char c) {
    if (c < 0x80) return c == ' ' || c == '\t'; // the common case, without a Unicode table look-up
    // Unicode's space separators (Zs) listed, again without a table look-up, and U+180E (Zs before 6.3)
    return c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u202F'
        || c == '\u205F' || c == '\u3000' || c == '\u180E';
  }

  private static boolean isInvisible(String s, int i) {
    return switch (s.charAt(i)) {
      case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> true;
      default -> false;
    };
  }
}
