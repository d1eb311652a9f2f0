package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

  @Test
  void putsTheTitleFirstThenParagraphsSeparatedByOneBlankLine() {
    assertThat(new ArticleText("Title", List.of("One.", "Two\nlines.")).render())
        .isEqualTo("Title\n\nOne.\n\nTwo\nlines.\n");
  }

  @Test
  void countsWordsAndEachCjkCharacterAsOne() {
    assertThat(new ArticleText("T", List.of("It's a well-known fact, 2024.", "東京で雨")).words()).isEqualTo(5 + 4);
  }
}
