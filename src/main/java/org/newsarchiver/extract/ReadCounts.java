package org.newsarchiver.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses a read (view) count written as text: {@code 726}, {@code 1,234}, {@code 1 234} (also with
 * no-break and thin spaces), {@code 1.234}, {@code 1.2K}, {@code 1,2 тыс.}, {@code 3.4M}, {@code
 * Read: 726}, {@code 👁 726}, {@code 1 234 просмотра}. When the text names views or reads, the
 * number next to that word is taken, so a date or a comment count beside it is not. Not for
 * finding a counter on a page ({@link ReadCountFinder} does that). Thread-safe (stateless).
 */
public final class ReadCounts {
  private static final int MAX_CHARS = 300;
  private static final long MAX_COUNT = 100_000_000_000L;
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** A number, its digit groups, and a multiplier such as {@code K}, {@code тыс.} or {@code млн}. */
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\d.,])(\\d{1,3}(?:[ ,.'’]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s?(thousand|million|тыс|тис|млн|млрд|mln|mio|mil|"
              + "bin|milyon|mrd|bn|k|m|b|万|萬|千)?(?![\\p{L}\\d])\\.?",
          FLAGS);

  /** Words and signs that say "views" or "reads" in the languages the archive meets. */
  static final Pattern VIEW_WORD =
      Pattern.compile(
          "(?<![\\p{L}])(?:views?|viewed|pageviews|reads|read(?![\\p{L}])|hits|seen|просмотр\\p{L}*|прочитан\\p{L}*|"
              + "прочтени\\p{L}*|перегляд\\p{L}*|переглян\\p{L}*|vistas|visitas|lecturas|leído|"
              + "vues|lectures|lu(?![\\p{L}])|aufrufe|gelesen|visualizzazioni|letture|lett[oi]|"
              + "visualizações|leituras|weergaven|bekeken|görüntülenme|okunma|okundu|wyświetle\\p{L}*|"
              + "odsłon\\p{L}*|مشاهدة|مشاهدات|قراءة|դիտում\\p{L}*)|閲覧|阅读|閱讀|浏览|瀏覽|👁️?|👀",
          FLAGS);

  private static final Pattern READING_TIME =
      Pattern.compile("(?:min|minute|minutes|mins|мин|хв)\\.?\\s*$", FLAGS);

  private ReadCounts() {}

  public static @Nullable Long parse(String text, @Nullable Pattern pattern) {
    String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (pattern != null) {
      Matcher m = pattern.matcher(s);
      if (!m.find()) return null;
      s = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
      return first(spaces(s));
    }
    s = spaces(s);
    Matcher word = VIEW_WORD.matcher(s);
    boolean readingTime = false;
    while (word.find()) {
      if (READING_TIME.matcher(s.substring(Math.max(0, word.start() - 12), word.start())).find()) {
        readingTime = true; // "5 min read" is a reading time
        continue;
      }
      // "Read: 726", "👁 726" (number after) or "1 234 просмотра", "726 views" (number before)
      Long after = first(s.substring(word.end(), Math.min(s.length(), word.end() + 24)));
      if (after != null && startsNear(s, word.end())) return after;
      Long before = last(s.substring(Math.max(0, word.start() - 24), word.start()));
      if (before != null) return before;
      if (after != null) return after;
      break;
    }
    return readingTime ? null : first(s);
  }

  /** Whether a number starts within a few non-letter characters after {@code from}. */
  private static boolean startsNear(String s, int from) {
    for (int i = from; i < s.length() && i < from + 6; i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) return true;
      if (Character.isLetter(c)) return false;
    }
    return false;
  }

  private static String spaces(String s) {
    return s.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ')
        .replace('\u2007', ' ');
  }

  private static @Nullable Long first(String s) {
    Matcher m = NUMBER.matcher(s);
    while (m.find()) {
      Long n = value(m.group(1), m.group(2));
      if (n != null) return n;
    }
    return null;
  }

  private static @Nullable Long last(String s) {
    Matcher m = NUMBER.matcher(s);
    Long found = null;
    while (m.find()) {
      Long n = value(m.group(1), m.group(2));
      if (n != null) found = n;
    }
    return found;
  }

  /** The value of {@code 1 234}, {@code 1.234}, {@code 1,2} with multiplier {@code тыс}. */
  static @Nullable Long value(String digits, @Nullable String multiplier) {
    long factor = factor(multiplier);
    String intPart = digits;
    String fraction = "";
    int lastSep = Math.max(Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(',')), -1);
    if (lastSep >= 0) {
      String tail = digits.substring(lastSep + 1);
      // a separator before exactly three digits groups thousands, unless a multiplier follows
      if (tail.length() != 3 || factor > 1) {
        intPart = digits.substring(0, lastSep);
        fraction = tail;
      }
    }
    String whole = intPart.replaceAll("[ ,.'’]", "");
    if (whole.isEmpty() || whole.length() > 12) return null;
    double v = Long.parseLong(whole);
    if (!fraction.isEmpty() && fraction.length() <= 6) {
      v += Long.parseLong(fraction) / Math.pow(10, fraction.length());
    }
    double total = v * factor;
    if (total > MAX_COUNT) return null;
    return Math.round(Math.floor(total + 1e-6));
  }

  private static long factor(@Nullable String multiplier) {
    if (multiplier == null) return 1;
    return switch (multiplier.toLowerCase(Locale.ROOT)) {
      case "k", "thousand", "тыс", "тис", "bin", "mil", "千" -> 1_000L;
      case "万", "萬" -> 10_000L;
      case "m", "million", "млн", "mln", "mio", "milyon" -> 1_000_000L;
      case "b", "bn", "млрд", "mrd" -> 1_000_000_000L;
      default -> 1;
    };
  }
}
