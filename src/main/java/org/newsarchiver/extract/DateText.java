package org.newsarchiver.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.DateSettings;

/**
 * Finds and parses a date inside a short text ("Published 28.10.2024, 14:05", "  28 October 2024
 * Read: 726"): with the site's {@link DateSettings#formats()} first, then common written forms in
 * many languages (see {@link GenericDates}), then relative dates ("3 часа назад"). A bare date
 * stays a {@link LocalDate}. Impossible dates, dates before 1990 and dates more than a day after
 * {@code now} give null. Not for scanning a whole page: texts are cut to {@value #MAX_CHARS}
 * characters. Thread-safe.
 */
public final class DateText {
  static final int MAX_CHARS = 400;
  private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
  private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
  private static final Pattern HAS_YEAR = Pattern.compile("[yuY]");

  private DateText() {}

  public static @Nullable PublishedDate parse(String text, DateSettings settings, Instant now) {
    String s = normalize(text);
    if (s.isEmpty()) return null;
    for (String pattern : settings.formats()) {
      PublishedDate d = withFormat(s, pattern, settings, now);
      if (d != null) return d;
    }
    PublishedDate d = GenericDates.find(s, settings, now);
    if (d != null && plausible(d, now)) return d;
    d = RelativeDates.parse(s, now, settings.zone());
    return d != null && plausible(d, now) ? d : null;
  }

  /** Whether a date lies between 1990 and a day after {@code now}. */
  static boolean plausible(PublishedDate d, Instant now) {
    LocalDate day = d.day();
    if (day.isBefore(EARLIEST)) return false;
    if (d.value() instanceof OffsetDateTime t) {
      return !t.toInstant().isAfter(now.plusSeconds(86_400));
    }
    // a local date or time: allow the widest offset (+14:00) on top of the day of grace
    return !day.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1));
  }

  /** Plain spaces for no-break and thin spaces, ASCII digits for Arabic-Indic ones, one line. */
  static String normalize(String text) {
    int n = Math.min(text.length(), MAX_CHARS);
    StringBuilder sb = new StringBuilder(n);
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '\u0660' && c <= '\u0669') c = (char) ('0' + (c - '\u0660'));
      else if (c >= '\u06F0' && c <= '\u06F9') c = (char) ('0' + (c - '\u06F0'));
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B') {
        space = true;
        continue;
      }
      if (space && sb.length() > 0) sb.append(' ');
      space = false;
      sb.append(c);
    }
    return sb.toString();
  }

  /** The first place in {@code s} where the site's pattern matches and gives a real date. */
  private static @Nullable PublishedDate withFormat(
      String s, String pattern, DateSettings settings, Instant now) {
    DateTimeFormatter f;
    try {
      f = formatter(pattern, settings.locale(), now, settings.zone());
    } catch (IllegalArgumentException e) {
      return null; // the config loader checks patterns; a bad one here only means no match
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) continue;
      if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) continue;
      ParsePosition pos = new ParsePosition(i);
      if (f.parseUnresolved(s, pos) == null || pos.getErrorIndex() >= 0) continue;
      try {
        PublishedDate d = fromParsed(f.parse(s.substring(i, pos.getIndex())), settings.zone());
        if (d != null && plausible(d, now)) return d;
      } catch (DateTimeException e) {
        // an impossible date such as 32 October: try further on
      }
    }
    return null;
  }

  private static DateTimeFormatter formatter(
      String pattern, Locale locale, Instant now, @Nullable ZoneId zone) {
    String strict = strictYears(pattern);
    if (HAS_YEAR.matcher(withoutQuoted(pattern)).find()) {
      return FORMATTERS.computeIfAbsent(
          locale.toLanguageTag() + '\u0000' + strict,
          k -> builder(strict).toFormatter(locale).withResolverStyle(ResolverStyle.STRICT));
    }
    // no year in the pattern ("dd MMMM, HH:mm"): this year, where the fetch took place
    int year = now.atZone(zone == null ? ZoneOffset.UTC : zone).getYear();
    return builder(strict)
        .parseDefaulting(ChronoField.YEAR, year)
        .toFormatter(locale)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static DateTimeFormatterBuilder builder(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern);
  }

  /** Year-of-era {@code y} becomes proleptic year {@code u}, so strict resolving needs no era. */
  private static String strictYears(String pattern) {
    if (pattern.indexOf('G') >= 0) return pattern;
    StringBuilder sb = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') quoted = !quoted;
      sb.append(!quoted && c == 'y' ? 'u' : c);
    }
    return sb.toString();
  }

  private static String withoutQuoted(String pattern) {
    return pattern.replaceAll("'[^']*'", "");
  }

  private static @Nullable PublishedDate fromParsed(TemporalAccessor t, @Nullable ZoneId siteZone) {
    LocalDate date = t.query(TemporalQueries.localDate());
    if (date == null) return null;
    LocalTime time = t.query(TemporalQueries.localTime());
    if (time == null) return new PublishedDate(date);
    LocalDateTime local = LocalDateTime.of(date, time);
    ZoneId zone = t.query(TemporalQueries.zone());
    if (zone == null) zone = siteZone;
    if (zone == null) return new PublishedDate(local);
    return new PublishedDate(local.atZone(zone).toOffsetDateTime());
  }
}
