package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeDatesTest {
  private static final Instant NOW = Instant.parse("2024-11-05T12:30:00Z");

  private static String parse(String text) {
    PublishedDate d = RelativeDates.parse(text, NOW, null);
    return d == null ? null : d.iso();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2 hours ago | 2024-11-05T10:30:00Z",
        "an hour ago | 2024-11-05T11:30:00Z",
        "45 minutes ago | 2024-11-05T11:45:00Z",
        "2h ago | 2024-11-05T10:30:00Z",
        "3 days ago | 2024-11-02",
        "2 weeks ago | 2024-10-22",
        "il y a 3 heures | 2024-11-05T09:30:00Z",
        "vor 2 Stunden | 2024-11-05T10:30:00Z",
        "vor 3 Tagen | 2024-11-02",
        "hace 2 horas | 2024-11-05T10:30:00Z",
        "há 5 minutos | 2024-11-05T12:25:00Z",
        "3 часа назад | 2024-11-05T09:30:00Z",
        "5 минут назад | 2024-11-05T12:25:00Z",
        "2 дня назад | 2024-11-03",
        "3 години тому | 2024-11-05T09:30:00Z",
        "2 ore fa | 2024-11-05T10:30:00Z",
        "2 uur geleden | 2024-11-05T10:30:00Z",
        "3 saat önce | 2024-11-05T09:30:00Z",
        "2 godziny temu | 2024-11-05T10:30:00Z",
        "3小时前 | 2024-11-05T09:30:00Z",
        "yesterday | 2024-11-04",
        "Yesterday at 14:05 | 2024-11-04T14:05:00",
        "вчера, 14:05 | 2024-11-04T14:05:00",
        "gestern | 2024-11-04",
        "ayer | 2024-11-04",
        "hier | 2024-11-04",
        "today | 2024-11-05",
        "сегодня | 2024-11-05",
      })
  void resolvesAgainstFetchTime(String text, String expected) {
    assertThat(parse(text)).isEqualTo(expected);
  }

  @Test
  void resolvesInTheSiteZone() {
    PublishedDate d =
        RelativeDates.parse("вчера, 14:05", Instant.parse("2024-11-05T22:30:00Z"), ZoneId.of("Europe/Moscow"));
    assertThat(d.iso()).isEqualTo("2024-11-05T14:05:00+03:00");
  }

  @Test
  void ignoresTextWithoutRelativeDate() {
    assertThat(parse("Read: 726")).isNull();
  }
}
