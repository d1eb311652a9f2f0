package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivedPagesTest {
  @TempDir Path root;

  private void capture(String url, String html, Instant at, String id) throws Exception {
    try (SiteArchive a = SiteArchive.open(root, "news");
        RawCapture c = WarcCapture.factory().open(a)) {
      c.record(Exchanges.html(url, html, at), id);
    }
  }

  private List<String> pages(Instant since) throws Exception {
    List<String> out = new ArrayList<>();
    ArchivedPages.forEach(root.resolve("news"), since, p -> out.add(p.articleId() + " " + p.url() + " " + p.fetchedAt()
        + " " + p.status() + " " + p.contentType() + " " + new String(p.body(), StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void givesEachArticleItsCapturedBodyFollowingARevisitToTheResponse() throws Exception {
    Instant first = Instant.parse("2024-11-02T09:30:15Z");
    capture("https://news.example/a", "<p>A</p>", first, "a-0123456789ab");
    capture("https://news.example/listing", "<a href=/a>a</a>", first, null);
    capture("https://news.example/a", "<p>A</p>", first.plusSeconds(60), "a-0123456789ab");
    assertThat(pages(null)).containsExactly(
        "a-0123456789ab https://news.example/a 2024-11-02T09:30:15Z 200 text/html; charset=utf-8 <p>A</p>");
    assertThat(pages(first.plusSeconds(30))).hasSize(1);
    assertThat(pages(first.plusSeconds(61))).isEmpty();
  }

  @Test
  void takesTheLatestCaptureOfAnArticle() throws Exception {
    Instant first = Instant.parse("2024-11-02T09:30:15Z");
    capture("https://news.example/a", "<p>A</p>", first, "a-0123456789ab");
    capture("https://news.example/a", "<p>A, updated</p>", first.plusSeconds(60), "a-0123456789ab");
    assertThat(pages(null)).containsExactly(
        "a-0123456789ab https://news.example/a 2024-11-02T09:31:15Z 200 text/html; charset=utf-8 <p>A, updated</p>");
  }
}
