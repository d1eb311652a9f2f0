package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HintWordsTest {
  private final HintWords words =
      new HintWords().anywhere(new String[] {"comment", "content", "co", "просмотр"}, 1).atWordStart(new String[] {"view"}, 2);

  @Test
  void findsEachListsWordsAnywhereInTheValue() {
    assertThat(words.flags("post-comments")).isEqualTo(1);
    assertThat(words.flags("main-content")).isEqualTo(1);
    assertThat(words.flags("xco")).isEqualTo(1); // a two-character word, at the value's end
    assertThat(words.flags("plain")).isZero();
  }

  @Test
  void aWordStartWordCountsOnlyWhereNoLetterComesBefore() {
    assertThat(words.flags("view-total")).isEqualTo(2);
    assertThat(words.flags("post-views")).isEqualTo(2);
    assertThat(words.flags("2views")).isEqualTo(2);
    assertThat(words.flags("preview")).isZero();
    assertThat(words.flags("interview-comments")).isEqualTo(1);
  }

  @Test
  void leavesWordsBeyondAsciiToTheCallerButStillFindsAsciiWordsAroundOtherLetters() {
    assertThat(words.flags("просмотры")).isZero();
    assertThat(words.flags("блок-comment")).isEqualTo(1);
  }
}
