package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ReadCountFinderTest {

  private static Long find(String fixture) {
    Document doc = Fixtures.doc("readcounts/" + fixture, "https://news.example/a");
    return ReadCountFinder.find(doc, JsonLd.read(doc));
  }

  @Test
  void readsInteractionStatisticViewAction() {
    assertThat(find("json-ld-interaction-statistic.html")).isEqualTo(4321L);
  }

  @Test
  void readsPostViewsCounterAndNotRelatedPostsOrPopularWidget() {
    assertThat(find("wordpress-post-views.html")).isEqualTo(1234L);
  }

  @Test
  void ignoresCommentCountNextToViews() {
    assertThat(find("russian-statistic.html")).isEqualTo(15234L);
  }

  @Test
  void readsNumberAfterEyeIcon() {
    assertThat(find("armenian-eye-icon.html")).isEqualTo(726L);
  }

  @Test
  void readsLabelledCountInUnmarkedDateLine() {
    assertThat(find("read-label-in-date-line.html")).isEqualTo(726L);
  }

  @Test
  void returnsNullWhenOnlyCommentShareLikeCountsAndReadingTimeAreShown() {
    assertThat(find("only-comments-and-shares.html")).isNull();
  }

  @Test
  void ignoresNotificationGalleryLikeAndSiteWideCounters() {
    assertThat(find("counters-that-are-not-reads.html")).isNull();
  }
}
