package org.newsarchiver.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Relative dates resolved against the fetch time: "2 hours ago", "il y a 3 heures", "vor 2
 * Stunden", "hace 2 horas", "3 часа назад", "yesterday", "вчера, 14:05". Hours and minutes give a
 * time (an offset time at the site's zone, or UTC); days and longer give a calendar day. Not for
 * future expressions ("in 2 days"). Thread-safe (immutable).
 */
final class RelativeDates {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final String COUNT =
      "(\\d{1,3}|an?|one|un|une|ein|eine|einem|einer|einigen|uno|una|um|uma|een|bir|jeden|jedną)";
  private static final String WORD = "([\\p{L}]{1,12}\\.?)";

  /** "2 hours ago", "3 часа назад", "5 min fa", "2 uur geleden", "3 saat önce", "2 godziny temu". */
  private static final Pattern SUFFIXED =
      Pattern.compile(
          "(?<![\\p{L}\\d])" + COUNT + "\\s*" + WORD
              + "\\s+(ago|назад|тому|fa|geleden|önce|once|temu|առաջ|سابق|siden|sedan)(?![\\p{L}])",
          FLAGS);

  /** "il y a 3 heures", "vor 2 Stunden", "hace 2 horas", "há 2 horas", "منذ 3 ساعات". */
  private static final Pattern PREFIXED =
      Pattern.compile(
          "(?<![\\p{L}])(il y a|vor|hace|há|ha|منذ)\\s+" + COUNT + "\\s*" + WORD + "(?![\\p{L}])",
          FLAGS);

  private static final Pattern CJK = Pattern.compile("(\\d{1,3})\\s*(分钟|分鐘|分|小时|小時|時間|天|日|周|週|个月|か月|ヶ月|年)前");

  private static final Pattern DAY_WORD =
      Pattern.compile(
          "(?<![\\p{L}])(today|yesterday|aujourd'hui|aujourd’hui|hier|heute|gestern|hoy|ayer|oggi|"
              + "ieri|hoje|ontem|vandaag|gisteren|сегодня|вчера|сьогодні|вчора|bugün|dün|dzisiaj|"
              + "dziś|wczoraj|اليوم|أمس|امس|այսօր|երեկ|今天|昨天|今日|昨日)(?![\\p{L}])"
              + "(?:[\\s,]*(?:at|à|um|a las|a las|alle|às|в|о|om|saat|o)?\\s*(\\d{1,2})[:h](\\d{2}))?",
          FLAGS);

  private static final List<String> YESTERDAY =
      List.of("yesterday", "hier", "gestern", "ayer", "ieri", "ontem", "gisteren", "вчера",
          "вчора", "dün", "wczoraj", "أمس", "امس", "երեկ", "昨天", "昨日");

  /** Unit stems, checked in order; the first that starts the word wins. */
  private static final List<Map.Entry<String, ChronoUnit>> STEMS =
      List.of(
          Map.entry("sec", ChronoUnit.SECONDS), Map.entry("сек", ChronoUnit.SECONDS),
          Map.entry("seg", ChronoUnit.SECONDS), Map.entry("sek", ChronoUnit.SECONDS),
          Map.entry("saniye", ChronoUnit.SECONDS), Map.entry("secondi", ChronoUnit.SECONDS),
          Map.entry("min", ChronoUnit.MINUTES), Map.entry("мин", ChronoUnit.MINUTES),
          Map.entry("хв", ChronoUnit.MINUTES), Map.entry("dakika", ChronoUnit.MINUTES),
          Map.entry("րոպե", ChronoUnit.MINUTES), Map.entry("دقيق", ChronoUnit.MINUTES),
          Map.entry("hour", ChronoUnit.HOURS), Map.entry("hr", ChronoUnit.HOURS),
          Map.entry("heure", ChronoUnit.HOURS), Map.entry("stund", ChronoUnit.HOURS),
          Map.entry("std", ChronoUnit.HOURS), Map.entry("hora", ChronoUnit.HOURS),
          Map.entry("час", ChronoUnit.HOURS), Map.entry("годин", ChronoUnit.HOURS),
          Map.entry("ora", ChronoUnit.HOURS), Map.entry("ore", ChronoUnit.HOURS),
          Map.entry("uur", ChronoUnit.HOURS), Map.entry("saat", ChronoUnit.HOURS),
          Map.entry("godzin", ChronoUnit.HOURS), Map.entry("ժամ", ChronoUnit.HOURS),
          Map.entry("ساع", ChronoUnit.HOURS), Map.entry("h", ChronoUnit.HOURS),
          Map.entry("day", ChronoUnit.DAYS), Map.entry("jour", ChronoUnit.DAYS),
          Map.entry("tag", ChronoUnit.DAYS), Map.entry("día", ChronoUnit.DAYS),
          Map.entry("dia", ChronoUnit.DAYS), Map.entry("дн", ChronoUnit.DAYS),
          Map.entry("день", ChronoUnit.DAYS), Map.entry("giorn", ChronoUnit.DAYS),
          Map.entry("dag", ChronoUnit.DAYS), Map.entry("gün", ChronoUnit.DAYS),
          Map.entry("dni", ChronoUnit.DAYS), Map.entry("dzień", ChronoUnit.DAYS),
          Map.entry("օր", ChronoUnit.DAYS), Map.entry("يوم", ChronoUnit.DAYS),
          Map.entry("أيام", ChronoUnit.DAYS), Map.entry("d", ChronoUnit.DAYS),
          Map.entry("week", ChronoUnit.WEEKS), Map.entry("semaine", ChronoUnit.WEEKS),
          Map.entry("woche", ChronoUnit.WEEKS), Map.entry("semana", ChronoUnit.WEEKS),
          Map.entry("недел", ChronoUnit.WEEKS), Map.entry("тижн", ChronoUnit.WEEKS),
          Map.entry("тиж", ChronoUnit.WEEKS), Map.entry("settiman", ChronoUnit.WEEKS),
          Map.entry("hafta", ChronoUnit.WEEKS), Map.entry("tydz", ChronoUnit.WEEKS),
          Map.entry("tygod", ChronoUnit.WEEKS), Map.entry("month", ChronoUnit.MONTHS),
          Map.entry("mois", ChronoUnit.MONTHS), Map.entry("monat", ChronoUnit.MONTHS),
          Map.entry("mes", ChronoUnit.MONTHS), Map.entry("mês", ChronoUnit.MONTHS),
          Map.entry("месяц", ChronoUnit.MONTHS), Map.entry("місяц", ChronoUnit.MONTHS),
          Map.entry("maand", ChronoUnit.MONTHS), Map.entry("miesi", ChronoUnit.MONTHS),
          Map.entry("ay", ChronoUnit.MONTHS), Map.entry("year", ChronoUnit.YEARS),
          Map.entry("an", ChronoUnit.YEARS), Map.entry("jahr", ChronoUnit.YEARS),
          Map.entry("año", ChronoUnit.YEARS), Map.entry("ano", ChronoUnit.YEARS),
          Map.entry("anno", ChronoUnit.YEARS), Map.entry("anni", ChronoUnit.YEARS),
          Map.entry("год", ChronoUnit.YEARS), Map.entry("лет", ChronoUnit.YEARS),
          Map.entry("рік", ChronoUnit.YEARS), Map.entry("рок", ChronoUnit.YEARS),
          Map.entry("jaar", ChronoUnit.YEARS), Map.entry("yıl", ChronoUnit.YEARS),
          Map.entry("lat", ChronoUnit.YEARS), Map.entry("rok", ChronoUnit.YEARS),
          Map.entry("y", ChronoUnit.YEARS));

  private RelativeDates() {}

  /** The date a relative expression in {@code text} points to, or null when there is none. */
  static @Nullable PublishedDate parse(String text, Instant now, @Nullable ZoneId zone) {
    ZoneId z = zone == null ? ZoneOffset.UTC : zone;
    ZonedDateTime base = now.atZone(z);
    Matcher m = SUFFIXED.matcher(text);
    if (m.find()) {
      PublishedDate d = back(base, m.group(1), m.group(2));
      if (d != null) return d;
    }
    m = PREFIXED.matcher(text);
    if (m.find()) {
      PublishedDate d = back(base, m.group(2), m.group(3));
      if (d != null) return d;
    }
    m = CJK.matcher(text);
    if (m.find()) {
      String u = m.group(2);
      ChronoUnit unit =
          u.startsWith("分") ? ChronoUnit.MINUTES
              : u.startsWith("小") || u.startsWith("時") ? ChronoUnit.HOURS
              : u.equals("天") || u.equals("日") ? ChronoUnit.DAYS
              : u.equals("年") ? ChronoUnit.YEARS
              : u.endsWith("月") ? ChronoUnit.MONTHS
              : ChronoUnit.WEEKS;
      return resolve(base, Integer.parseInt(m.group(1)), unit);
    }
    m = DAY_WORD.matcher(text);
    if (m.find()) {
      LocalDate day = base.toLocalDate();
      if (YESTERDAY.contains(m.group(1).toLowerCase(Locale.ROOT))) day = day.minusDays(1);
      if (m.group(2) == null) return new PublishedDate(day);
      int h = Integer.parseInt(m.group(2));
      int min = Integer.parseInt(m.group(3));
      if (h > 23 || min > 59) return new PublishedDate(day);
      LocalDateTime t = LocalDateTime.of(day, LocalTime.of(h, min));
      return zone == null
          ? new PublishedDate(t)
          : new PublishedDate(t.atZone(zone).toOffsetDateTime());
    }
    return null;
  }

  private static @Nullable PublishedDate back(ZonedDateTime base, String count, String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith(".")) w = w.substring(0, w.length() - 1);
    ChronoUnit unit = null;
    for (Map.Entry<String, ChronoUnit> e : STEMS) {
      String stem = e.getKey();
      // one-letter stems ("h", "d", "y") only as the whole word: "2h ago", "3d ago"
      if (stem.length() == 1 ? w.equals(stem) : w.startsWith(stem)) {
        unit = e.getValue();
        break;
      }
    }
    if (unit == null) return null;
    int n = Character.isDigit(count.charAt(0)) ? Integer.parseInt(count) : 1;
    return resolve(base, n, unit);
  }

  private static PublishedDate resolve(ZonedDateTime base, int n, ChronoUnit unit) {
    if (unit == ChronoUnit.SECONDS || unit == ChronoUnit.MINUTES || unit == ChronoUnit.HOURS) {
      ZonedDateTime t = base.minus(n, unit).truncatedTo(ChronoUnit.MINUTES);
      return new PublishedDate(t.toOffsetDateTime());
    }
    return new PublishedDate(base.minus(n, unit).toLocalDate());
  }
}
