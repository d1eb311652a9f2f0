package org.newsarchiver.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.DateSettings;

/**
 * Dates written in common forms, found inside a short normalized text: ISO-8601 and its relatives
 * ({@code 2024-10-28T14:05:00.123+0100}, {@code 2024/10/28 14:05}), RFC 1123, month names in many
 * languages ({@code 28 October 2024}, {@code Oct 28, 2024 at 3:05 pm}, {@code 28 октября 2024 г.},
 * {@code 28 de octubre de 2024}), numeric day-first forms ({@code 28.10.2024}), US month-first
 * forms when unambiguous or the locale is American, and {@code 2024年10月28日}. The earliest match
 * in the text wins. Thread-safe (immutable).
 */
final class GenericDates {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  /**
   * A word that may be a month name, looked up in {@link MonthNames} after matching: a regex
   * alternation of every name would cost far more. Arabic names may take two words.
   */
  private static final String MONTH =
      "(\\p{L}{2,12}(?:\\s[\\u0621-\\u064A]{2,8})?)\\.?(?![\\p{L}])";
  private static final String ZONE =
      "(Z|[+-]\\d{2}:?\\d{2}|(?:UTC|GMT)(?:\\s?[+-]\\d{1,2}(?::?\\d{2})?)?|E[SD]?T|C[SD]?T|M[SD]?T|"
          + "P[SD]?T|BST|CES?T|EES?T|MSK|IST|JST|KST|AES?T|AEDT)(?![\\p{L}])";
  /** A time after a date: groups hour, minute, second, am/pm, zone. */
  private static final String TIME =
      "(?:\\s?(?:,|at|à|a las|alle|às|um|в|о|o|-|–|—|\\||/|T|kl\\.?)?\\s?(\\d{1,2})[:h](\\d{2})"
          + "(?::(\\d{2})(?:[.,]\\d{1,9})?)?(?!\\d)\\s?(?:Uhr|h)?\\s?([ap]\\.?\\s?m\\.?)?(?![\\p{L}])"
          + "\\s?" + "(?:" + ZONE + ")?)?";

  private static final Pattern ISO =
      Pattern.compile(
          "(?<![\\d.])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)"
              + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?(?!\\d)\\s?" + "(?:" + ZONE + ")?)?",
          FLAGS);
  private static final Pattern CJK =
      Pattern.compile(
          "(\\d{4})\\s?[年년]\\s?(\\d{1,2})\\s?[月월]\\s?(\\d{1,2})\\s?[日일]?"
              + "(?:\\s?(?:[^\\d]{0,4}?)(\\d{1,2})[:時시](\\d{2})(?::(\\d{2}))?)?");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th|er|e|º|ª|\\.)?\\s?(?:de |of |-)?" + MONTH
              + "[,.]?\\s?(?:de |del |-)?(\\d{4})(?!\\d)\\s?(?:г\\.|г(?![\\p{L}])|р\\.|թ\\.?|year)?"
              + TIME,
          FLAGS);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(?<![\\p{L}])" + MONTH + "\\s?(\\d{1,2})(?:st|nd|rd|th)?(?!\\d),?\\s?(\\d{4})(?!\\d)" + TIME,
          FLAGS);
  private static final Pattern YEAR_MONTH_DAY =
      Pattern.compile(
          "(?<!\\d)(\\d{4})\\.?\\s" + MONTH + "\\s?(\\d{1,2})(?!\\d)\\.?" + TIME, FLAGS);
  /** {@code Mon Aug 03 12:45:00 EDT 2015}, as {@code java.util.Date} and C's asctime write it. */
  private static final Pattern MONTH_DAY_TIME_YEAR =
      Pattern.compile(
          "(?<![\\p{L}])" + MONTH + "\\s(\\d{1,2})\\s(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s?(?:" + ZONE
              + ")?\\s(\\d{4})(?!\\d)",
          FLAGS);
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\d.])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d.]\\d)" + TIME, FLAGS);
  private static final Pattern DAY_MONTH =
      Pattern.compile("(?<![\\d\\p{L}])(\\d{1,2})\\.?\\s?(?:de )?" + MONTH + TIME, FLAGS);
  private static final Pattern MONTH_DAY =
      Pattern.compile("(?<![\\p{L}])" + MONTH + "\\s?(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)" + TIME, FLAGS);

  private static final Pattern ANY_YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");

  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("Z", "Z"), Map.entry("UTC", "Z"), Map.entry("GMT", "Z"),
          Map.entry("ET", "America/New_York"), Map.entry("EST", "-05:00"),
          Map.entry("EDT", "-04:00"), Map.entry("CT", "America/Chicago"),
          Map.entry("CST", "-06:00"), Map.entry("CDT", "-05:00"),
          Map.entry("MT", "America/Denver"), Map.entry("MST", "-07:00"),
          Map.entry("MDT", "-06:00"), Map.entry("PT", "America/Los_Angeles"),
          Map.entry("PST", "-08:00"), Map.entry("PDT", "-07:00"), Map.entry("BST", "+01:00"),
          Map.entry("CET", "+01:00"), Map.entry("CEST", "+02:00"), Map.entry("EET", "+02:00"),
          Map.entry("EEST", "+03:00"), Map.entry("MSK", "+03:00"), Map.entry("IST", "+05:30"),
          Map.entry("JST", "+09:00"), Map.entry("KST", "+09:00"), Map.entry("AEST", "+10:00"),
          Map.entry("AEDT", "+11:00"), Map.entry("AET", "Australia/Sydney"));

  private GenericDates() {}

  static @Nullable PublishedDate find(String s, DateSettings settings, Instant now) {
    PublishedDate best = null;
    int bestStart = Integer.MAX_VALUE;
    for (int form = 0; form < 7 && bestStart > 0; form++) {
      Matcher m = matcher(form, s);
      while (m.find() && m.start() < bestStart) {
        PublishedDate d = fromMatch(form, m, settings, now);
        if (d != null && DateText.plausible(d, now)) {
          best = d;
          bestStart = m.start();
          break;
        }
      }
    }
    if (best != null || ANY_YEAR.matcher(s).find()) return best;
    // a day and month without a year ("28 октября, 14:05"): the latest such day up to now
    for (Pattern p : new Pattern[] {DAY_MONTH, MONTH_DAY}) {
      Matcher m = p.matcher(s);
      if (!m.find()) continue;
      boolean dayFirst = p == DAY_MONTH;
      Integer month = MonthNames.month(m.group(dayFirst ? 2 : 1));
      int day = Integer.parseInt(m.group(dayFirst ? 1 : 2));
      if (month == null) continue;
      int year = now.atZone(ZoneOffset.UTC).getYear();
      for (int y = year; y >= year - 1; y--) {
        PublishedDate d = build(y, month, day, m, 3, 6, 7, settings);
        if (d != null && DateText.plausible(d, now)) return d;
      }
    }
    return null;
  }

  private static Matcher matcher(int form, String s) {
    return switch (form) {
      case 0 -> ISO.matcher(s);
      case 1 -> CJK.matcher(s);
      case 2 -> DAY_MONTH_YEAR.matcher(s);
      case 3 -> MONTH_DAY_YEAR.matcher(s);
      case 4 -> YEAR_MONTH_DAY.matcher(s);
      case 5 -> MONTH_DAY_TIME_YEAR.matcher(s);
      default -> NUMERIC.matcher(s);
    };
  }

  private static @Nullable PublishedDate fromMatch(
      int form, Matcher m, DateSettings settings, Instant now) {
    switch (form) {
      case 0:
        return build(num(m, 1), num(m, 3), num(m, 4), m, 5, 0, 8, settings);
      case 1:
        return build(num(m, 1), num(m, 2), num(m, 3), m, 4, 0, 0, settings);
      case 2: {
        Integer month = MonthNames.month(m.group(2));
        return month == null ? null : build(num(m, 3), month, num(m, 1), m, 4, 7, 8, settings);
      }
      case 3: {
        Integer month = MonthNames.month(m.group(1));
        return month == null ? null : build(num(m, 3), month, num(m, 2), m, 4, 7, 8, settings);
      }
      case 4: {
        Integer month = MonthNames.month(m.group(2));
        return month == null ? null : build(num(m, 1), month, num(m, 3), m, 4, 7, 8, settings);
      }
      case 5: {
        Integer month = MonthNames.month(m.group(1));
        return month == null ? null : build(num(m, 7), month, num(m, 2), m, 3, 0, 6, settings);
      }
      default:
        return numeric(m, settings);
    }
  }

  /** Numeric dates: day first, unless the first number can only be a month or the locale is US. */
  private static @Nullable PublishedDate numeric(Matcher m, DateSettings settings) {
    {
      int a = num(m, 1);
      int b = num(m, 3);
      int year = num(m, 4);
      if (m.group(4).length() == 2) year += 2000;
      boolean dots = m.group(2).equals(".");
      boolean us = "US".equals(settings.locale().getCountry());
      int day;
      int month;
      if (a > 12 && b <= 12) {
        day = a;
        month = b;
      } else if (b > 12 && a <= 12 && !dots) {
        day = b;
        month = a;
      } else if (dots || (!us && knowsDayFirst(settings.locale()))) {
        day = a;
        month = b;
      } else if (us) {
        day = b;
        month = a;
      } else {
        return null; // 10/11/2024 in plain English: could be either
      }
      return build(year, month, day, m, 5, 8, 9, settings);
    }
  }

  /** Whether the locale is one that writes the day first: any language but English, or GB etc. */
  private static boolean knowsDayFirst(Locale locale) {
    if (!locale.getLanguage().equals("en")) return true;
    String c = locale.getCountry();
    return !c.isEmpty() && !c.equals("US");
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /**
   * The date, with the time from groups {@code t} (hour), {@code t+1} (minute), {@code t+2}
   * (second), {@code ampm} and {@code zone} (0: the form has no such group).
   */
  private static @Nullable PublishedDate build(
      int year, int month, int day, Matcher m, int t, int ampmGroup, int zoneGroup,
      DateSettings settings) {
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
    if (m.group(t) == null) return new PublishedDate(date);
    int hour = Integer.parseInt(m.group(t));
    int minute = Integer.parseInt(m.group(t + 1));
    int second = m.group(t + 2) == null ? 0 : Integer.parseInt(m.group(t + 2));
    String ampm = ampmGroup == 0 ? null : m.group(ampmGroup);
    String zoneText = zoneGroup == 0 ? null : m.group(zoneGroup);
    if (ampm != null) {
      if (hour < 1 || hour > 12) return new PublishedDate(date);
      boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
      hour = hour % 12 + (pm ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return new PublishedDate(date);
    LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second));
    ZoneId zone = zoneText == null ? null : zone(zoneText);
    if (zone == null) zone = settings.zone();
    if (zone == null) return new PublishedDate(local);
    return new PublishedDate(local.atZone(zone).toOffsetDateTime());
  }

  private static @Nullable ZoneId zone(String text) {
    String z = text.toUpperCase(Locale.ROOT).replace(" ", "");
    String known = ZONES.get(z);
    if (known != null) return ZoneId.of(known);
    if (z.startsWith("UTC") || z.startsWith("GMT")) z = z.substring(3);
    if (z.isEmpty()) return ZoneOffset.UTC;
    try {
      if (z.matches("[+-]\\d{4}")) z = z.substring(0, 3) + ":" + z.substring(3);
      if (z.matches("[+-]\\d")) z = z.charAt(0) + "0" + z.charAt(1);
      return ZoneOffset.of(z);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
