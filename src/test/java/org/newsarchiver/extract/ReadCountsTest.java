package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadCountsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "726 | 726",
        "'1,234' | 1234",
        "1 234 | 1234",
        "1\u00A0234 | 1234",
        "1\u202F234 | 1234",
        "1.234 | 1234",
        "1.2K | 1200",
        "1,2 тыс. | 1200",
        "3.4M | 3400000",
        "12k | 12000",
        "2,5 mil visualizações | 2500",
        "Read: 726 | 726",
        "Views 1.2K | 1200",
        "👁 726 | 726",
        "👁️ 1 234 | 1234",
        "1 234 просмотра | 1234",
        "Просмотров: 15 | 15",
        "'28 October 2024    Read: 726' | 726",
        "'12 comments · 3 456 views' | 3456",
        "'Views: 88 · Comments: 4' | 88",
        "Aufrufe: 1.234 | 1234",
      })
  void parsesCounts(String text, long expected) {
    assertThat(ReadCounts.parse(text, null)).isEqualTo(expected);
  }

  @Test
  void returnsNullWithoutANumber() {
    assertThat(ReadCounts.parse("Views", null)).isNull();
  }

  @Test
  void ignoresReadingTime() {
    assertThat(ReadCounts.parse("5 min read", null)).isNull();
  }

  @Test
  void parsesTheFirstGroupOfASitePattern() {
    Pattern site = Pattern.compile("Просмотры:\\s*([\\d\\s]+)");
    assertThat(ReadCounts.parse("Комментарии: 3 Просмотры: 1 234", site)).isEqualTo(1234);
  }

  @Test
  void parsesTheWholeMatchOfAPatternWithoutGroups() {
    assertThat(ReadCounts.parse("3 comments, 5.1K reads", Pattern.compile("[\\d.]+K(?= reads)")))
        .isEqualTo(5100);
  }

  @Test
  void returnsNullWhenTheSitePatternDoesNotMatch() {
    assertThat(ReadCounts.parse("726", Pattern.compile("Views: (\\d+)"))).isNull();
  }
}
