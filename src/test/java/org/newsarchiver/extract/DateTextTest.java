package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsarchiver.config.DateSettings;

class DateTextTest {
  private static final Instant NOW = Instant.parse("2024-11-05T12:00:00Z");

  private static String parse(String text) {
    return iso(DateText.parse(text, DateSettings.DEFAULT, NOW));
  }

  private static String parse(String text, DateSettings settings) {
    return iso(DateText.parse(text, settings, NOW));
  }

  private static String iso(PublishedDate d) {
    return d == null ? null : d.iso();
  }

  private static DateSettings site(String format, String locale, String zone) {
    return new DateSettings(
        List.of(format), Locale.forLanguageTag(locale), zone == null ? null : ZoneId.of(zone));
  }

  @Test
  void findsSiteFormatInsideTextWithNoBreakSpaces() {
    assertThat(parse("\u00A0 28 October 2024 \u00A0\u00A0 Read: 726", site("d MMMM yyyy", "en", null)))
        .isEqualTo("2024-10-28");
  }

  @Test
  void siteFormatWithTimeAndZoneGivesOffsetTime() {
    assertThat(parse("Published 28.10.2024, 14:05", site("dd.MM.yyyy, HH:mm", "de", "Europe/Berlin")))
        .isEqualTo("2024-10-28T14:05:00+01:00");
  }

  @Test
  void siteFormatWithTimeAndNoZoneGivesLocalTime() {
    assertThat(parse("Published 28.10.2024, 14:05", site("dd.MM.yyyy, HH:mm", "de", null)))
        .isEqualTo("2024-10-28T14:05:00");
  }

  @Test
  void siteFormatWithDateOnlyStaysADateEvenWithAZone() {
    assertThat(parse("28.10.2024", site("dd.MM.yyyy", "de", "Europe/Berlin"))).isEqualTo("2024-10-28");
  }

  @Test
  void siteFormatReadsMonthNamesWhateverTheirCase() {
    assertThat(parse("28 ОКТЯБРЯ 2024", site("d MMMM yyyy", "ru", null))).isEqualTo("2024-10-28");
  }

  @Test
  void siteFormatWithoutYearTakesTheFetchYear() {
    assertThat(parse("28 октября, 14:05", site("d MMMM, HH:mm", "ru", null)))
        .isEqualTo("2024-10-28T14:05:00");
  }

  @Test
  void siteFormatRejectsThirtyFirstOfNovemberInsteadOfRollingOver() {
    assertThat(parse("31.11.2024", site("dd.MM.yyyy", "de", null))).isNull();
  }

  @Test
  void rejectsThirtySecondOfOctober() {
    assertThat(parse("32 October 2024")).isNull();
  }

  @Test
  void rejectsDatesInTheFuture() {
    assertThat(parse("28 December 2024")).isNull();
  }

  @Test
  void acceptsTheNextDayForTimeZonesAhead() {
    assertThat(parse("6 November 2024")).isEqualTo("2024-11-06");
  }

  @Test
  void rejectsDatesBefore1990() {
    assertThat(parse("25 June 1984")).isNull();
  }

  @Test
  void returnsNullWithoutADate() {
    assertThat(parse("Read: 726")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-10-28T14:05:00+03:00 | 2024-10-28T14:05:00+03:00",
        "2024-10-28T14:05:00Z | 2024-10-28T14:05:00Z",
        "2024-10-28T14:05:00.123456+0100 | 2024-10-28T14:05:00+01:00",
        "2024-10-28T14:05 | 2024-10-28T14:05:00",
        "2024-10-28 14:05 | 2024-10-28T14:05:00",
        "2024-10-28 | 2024-10-28",
        "2024/10/28 | 2024-10-28",
        "'Mon, 28 Oct 2024 14:05:00 GMT' | 2024-10-28T14:05:00Z",
        "'Mon, 28 Oct 2024 14:05:00 +0300' | 2024-10-28T14:05:00+03:00",
        "Mon Aug 03 12:45:00 EDT 2015 | 2015-08-03T12:45:00-04:00",
        "28 October 2024 | 2024-10-28",
        "'Published 28.10.2024, 14:05' | 2024-10-28T14:05:00",
        "28.10.24 | 2024-10-28",
        "'Oct 28, 2024' | 2024-10-28",
        "'Oct. 28, 2024' | 2024-10-28",
        "'October 28th, 2024 at 3:05 pm' | 2024-10-28T15:05:00",
        "'Posted: Oct 14, 2022 9:27 AM ET' | 2022-10-14T09:27:00-04:00",
        "'1 June 2019 at 08:34 PM EDT' | 2019-06-01T20:34:00-04:00",
        "10/28/2024 | 2024-10-28",
        "28/10/2024 | 2024-10-28",
        "le 28 octobre 2024 à 14h05 | 2024-10-28T14:05:00",
        "1er novembre 2024 | 2024-11-01",
        "28. Oktober 2024 um 14:05 Uhr | 2024-10-28T14:05:00",
        "28 de octubre de 2024 | 2024-10-28",
        "28 ottobre 2024 | 2024-10-28",
        "28 de outubro de 2024 | 2024-10-28",
        "28 oktober 2024 | 2024-10-28",
        "28 октября 2024 г. | 2024-10-28",
        "'28 октября 2024, 14:05' | 2024-10-28T14:05:00",
        "28 жовтня 2024 | 2024-10-28",
        "28 հոկտեմբերի 2024 | 2024-10-28",
        "28 Ekim 2024 | 2024-10-28",
        "28 Mayıs 2024 | 2024-05-28",
        "28 أكتوبر 2024 | 2024-10-28",
        "٢٨ أكتوبر ٢٠٢٤ | 2024-10-28",
        "28 تشرين الأول 2024 | 2024-10-28",
        "28 października 2024 | 2024-10-28",
        "2024年10月28日 | 2024-10-28",
        "2024年10月28日 14:05 | 2024-10-28T14:05:00",
        "2024. október 28. | 2024-10-28",
        "'Copyright 2023. Published October 28, 2024' | 2024-10-28",
      })
  void parsesCommonForms(String text, String expected) {
    assertThat(parse(text)).isEqualTo(expected);
  }

  @Test
  void leavesAmbiguousSlashDatesAloneInPlainEnglish() {
    assertThat(parse("03/04/2024")).isNull();
  }

  @Test
  void readsAmbiguousSlashDatesMonthFirstForUsLocale() {
    assertThat(parse("03/04/2024", site("'x'", "en-US", null))).isEqualTo("2024-03-04");
  }

  @Test
  void readsAmbiguousSlashDatesDayFirstForOtherLocales() {
    assertThat(parse("03/04/2024", site("'x'", "fr", null))).isEqualTo("2024-04-03");
  }

  @Test
  void appliesSiteZoneToGenericFormsWithoutOffset() {
    assertThat(parse("2024-10-28 14:05", site("'x'", "en", "Europe/Moscow")))
        .isEqualTo("2024-10-28T14:05:00+03:00");
  }

  @Test
  void parsesRussianGenitiveMonth() {
    assertThat(parse("Опубликовано 3 марта 2024")).isEqualTo("2024-03-03");
  }

  @Test
  void fallsBackToRelativeDates() {
    assertThat(parse("3 часа назад")).isEqualTo("2024-11-05T09:00:00Z");
  }
}
