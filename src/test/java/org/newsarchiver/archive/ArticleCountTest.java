package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleCountTest {
  @TempDir Path root;
  private Path site;

  @BeforeEach
  void archive() throws Exception {
    try (SiteArchive a = SiteArchive.open(root, "news")) {
      for (String name : List.of("one", "two", "three")) add(a, name);
    }
    site = root.resolve("news");
  }

  private static void add(SiteArchive a, String name) throws Exception {
    a.add(new NewArticle(URI.create("https://news.example/" + name), "Title " + name, "2024-10-28", "selector", null,
        List.of(), "en", null, Instant.parse("2024-11-02T09:30:15Z"), List.of("Body of " + name + ".")));
  }

  @Test
  void countsFromTheIndexWhenItHoldsTheWholeCsv() throws Exception {
    assertThat(ArticleCount.of(site)).isEqualTo(new ArticleCount.Count(3, true));
  }

  @Test
  void streamsTheCsvWhenRowsWereAppendedThatTheIndexHasNotSeen() throws Exception {
    Path csv = site.resolve("articles.csv");
    List<String> lines = Files.readAllLines(csv);
    Files.writeString(csv, lines.get(1).replace("news.example/one", "news.example/four")
        .replaceFirst("^one-", "four-") + "\n", StandardOpenOption.APPEND);
    assertThat(ArticleCount.of(site)).isEqualTo(new ArticleCount.Count(4, false));
  }

  @Test
  void streamsTheCsvWithoutWaitingWhileACrawlHoldsTheSite() throws Exception {
    try (SiteArchive a = SiteArchive.open(root, "news")) {
      add(a, "four");
      assertThat(ArticleCount.of(site)).isEqualTo(new ArticleCount.Count(4, false));
    }
    assertThat(ArticleCount.of(site)).isEqualTo(new ArticleCount.Count(4, true));
  }

  @Test
  void streamsTheCsvWhenTheIndexIsMissingAndDoesNotRebuildIt() throws Exception {
    Files.delete(site.resolve(ArchiveIndex.FILE));
    assertThat(ArticleCount.of(site)).isEqualTo(new ArticleCount.Count(3, false));
    assertThat(site.resolve(ArchiveIndex.FILE)).doesNotExist();
  }

  @Test
  void countsEveryRowOfACsvWithARepeatedIdLikeTheStreamDoes() throws Exception {
    Path csv = site.resolve("articles.csv");
    Files.writeString(csv, Files.readAllLines(csv).get(1) + "\n", StandardOpenOption.APPEND);
    assertThat(ArticleCount.of(site)).isEqualTo(new ArticleCount.Count(4, false));
  }
}
