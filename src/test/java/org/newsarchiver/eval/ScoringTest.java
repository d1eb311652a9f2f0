package org.newsarchiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsarchiver.extract.PublishedDate;

class ScoringTest {

  @Test
  void countsEachCjkCharacterAsOneTokenAndDropsPunctuation() {
    assertThat(Tokens.count("Ｔｏｋｙｏ 東京, tokyo!"))
        .isEqualTo(Map.of("tokyo", 2, "東", 1, "京", 1));
  }

  @Test
  void scoresTokenF1OverMultisets() {
    // predicted: a a b (3), reference: a b c d (4), overlap a b = 2: P 2/3, R 1/2, F1 4/7
    assertThat(Tokens.f1("a a b", "a b c d")).isCloseTo(4.0 / 7, within(1e-9));
    assertThat(Tokens.f1("", "a")).isZero();
  }

  @Test
  void comparesTitlesAfterCollapsingUnicodeWhiteSpace() {
    assertThat(Scoring.sameText(" Rates\u00A0held  at 5% ", "Rates held at 5%")).isTrue();
    assertThat(Scoring.sameText("rates held at 5%", "Rates held at 5%")).isFalse();
  }

  @Test
  void findsPrefixAfterDecodingEntities() {
    assertThat(Scoring.prefixHit("Caption. Tom &amp; Jerry   went home", "Tom & Jerry went")).isTrue();
  }

  @Test
  void acceptsAnyUtcOffsetDayForUtcInstants() {
    PublishedDate day = PublishedDate.parse("2016-12-08");
    assertThat(Scoring.sameDay(day, "2016-12-09T09:13:00.000Z", "instant-utc")).isTrue();
    assertThat(Scoring.sameUtcDay(day, "2016-12-09T09:13:00.000Z")).isFalse();
    assertThat(Scoring.sameDay(PublishedDate.parse("2016-12-07"), "2016-12-09T09:13:00.000Z", "instant-utc"))
        .isFalse();
  }

  @Test
  void shiftsPredictedInstantToReferenceOffset() {
    PublishedDate utc = PublishedDate.parse("2021-11-01T23:30:00Z");
    assertThat(Scoring.sameDay(utc, "2021-11-02T00:30:00+01:00", "instant")).isTrue();
  }

  @Test
  void matchesAuthorListsWrittenOutAsSitesDo() {
    assertThat(Scoring.sameAuthors(List.of("A B", "C D", "E F"), "A B, C D and E F")).isTrue();
    assertThat(Scoring.sameAuthors(List.of("A B", "C D"), "A B, C D")).isTrue();
    assertThat(Scoring.sameAuthors(List.of(), "A B")).isFalse();
  }
}
