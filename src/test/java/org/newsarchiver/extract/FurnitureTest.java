package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FurnitureTest {

  @Test
  void classAndIdHintsReadTheSameApartAsJoined() {
    String[][] pairs = {
      {"sidebar-wrapper", "main"}, {"share-tools", "post-4711"}, {"article-body", "ad"},
      {"byline", "author-box"}, {"l-container", "related-links"}, {"story", "comments"},
      {"entry-content", "x-ad-slot"}, {"col-md-8", "sharing-buttons"}
    };
    for (String[] p : pairs) {
      assertThat(Furniture.partFlags(p[0]) | Furniture.partFlags(p[1]))
          .as("%s / %s", p[0], p[1])
          .isEqualTo(Furniture.partFlags(p[0] + " " + p[1]));
    }
  }

  @Test
  void flagsNameTheHintWordsOfAValue() {
    assertThat(Furniture.partFlags("sidebar-wrapper"))
        .isEqualTo(Furniture.UNLIKELY_WORD | Furniture.LAYOUT_WORD | Furniture.NEGATIVE_WORD);
    assertThat(Furniture.partFlags("share bar")).isEqualTo(Furniture.AD_TOKEN | Furniture.NEGATIVE_WORD);
    assertThat(Furniture.partFlags("article-content")).isEqualTo(Furniture.MAYBE_WORD | Furniture.POSITIVE_WORD);
    assertThat(Furniture.partFlags("p-author byline"))
        .isEqualTo(Furniture.BYLINE_WORD | Furniture.NEGATIVE_WORD);
    assertThat(Furniture.partFlags("headline")).isZero();
  }
}
