package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.SiteArchive;

/**
 * The search index follows the CSV: new rows are found once the background refresh a search
 * started has indexed them, removed rows go, a lost index is rebuilt.
 */
class SearchIndexUpdateTest {
  @TempDir Path root;

  static String hit(String site, String id, String title, String url, String published, String fetched, String words) {
    return "{\"total\":1,\"page\":1,\"page_size\":20,\"indexing\":null,\"articles\":[{\"site\":\"" + site + "\",\"id\":\"" + id + "\",\"title\":\""
        + title + "\",\"url\":\"" + url + "\",\"published\":\"" + published + "\",\"fetched_at\":\"" + fetched
        + "\",\"read_count\":null,\"words\":" + words + ",\"href\":\"/api/articles/" + site + "/" + id + "\"}]}\n";
  }

  @Test
  void anArticleArchivedWhileServingIsFoundOnceTheRefreshASearchStartedEnds() throws IOException {
    FixtureArchive.write(root);
    try (WebServer server = WebServer.start(FixtureArchive.options(root))) {
      WebViewTestClient.awaitIndexed(server);
      assertThat(WebViewTestClient.get(server, "/api/articles?q=lighthouse")).isEqualTo(
          "{\"total\":0,\"page\":1,\"page_size\":20,\"indexing\":null,\"articles\":[]}\n");
      URI url = URI.create("http://other.example/p/lighthouse");
      try (SiteArchive a = SiteArchive.open(FixtureArchive.archive(root), FixtureArchive.OTHER)) {
        a.add(FixtureArchive.article(url, "Old lighthouse restored", "2024-09-20", null, Instant.parse("2024-09-21T07:00:00Z"),
            List.of("Volunteers repainted the lighthouse.")));
      }
      // the search that notices the grown CSV answers at once, saying the index is behind, and starts the refresh
      assertThat(WebViewTestClient.get(server, "/api/articles?q=lighthouse"))
          .startsWith("{\"total\":0,\"page\":1,\"page_size\":20,\"indexing\":{\"indexed\":");
      WebViewTestClient.awaitIndexed(server);
      assertThat(WebViewTestClient.get(server, "/api/articles?q=lighthouse")).isEqualTo(hit("other-post", ArticleId.of(url),
          "Old lighthouse restored", url.toString(), "2024-09-20", "2024-09-21T07:00:00Z", "4"));
    }
  }

  @Test
  void aDeletedIndexIsRebuiltAndARemovedRowLeavesIt() throws IOException {
    FixtureArchive.write(root);
    try (WebServer server = WebServer.start(FixtureArchive.options(root))) {
      WebViewTestClient.awaitIndexed(server);
      assertThat(WebViewTestClient.get(server, "/api/articles?q=dredging")).contains("\"total\":1,");
    }
    Path index = FixtureArchive.archive(root).resolve(".search");
    try (Stream<Path> files = Files.list(index)) {
      assertThat(files.count()).isGreaterThan(1);
    }
    // the other site's CSV loses its only row (as if an operator removed it): the index must follow
    Path csv = FixtureArchive.archive(root).resolve("other-post/articles.csv");
    List<String> lines = Files.readAllLines(csv);
    Files.write(csv, lines.subList(0, 1));
    try (WebServer server = WebServer.start(FixtureArchive.options(root))) {
      WebViewTestClient.awaitIndexed(server);
      assertThat(WebViewTestClient.get(server, "/api/articles?q=dredging")).contains("\"total\":0,");
    }
    try (Stream<Path> files = Files.walk(index)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
    try (WebServer server = WebServer.start(FixtureArchive.options(root))) {
      WebViewTestClient.awaitIndexed(server);
      assertThat(WebViewTestClient.get(server, "/api/articles?q=cantilever")).contains("\"total\":1,");
    }
  }

  @Test
  void servesWhileACrawlHoldsTheSiteLock() throws IOException {
    FixtureArchive.write(root);
    try (WebServer server = WebServer.start(FixtureArchive.options(root));
        SiteArchive crawling = SiteArchive.open(FixtureArchive.archive(root), FixtureArchive.SITE)) {
      URI url = URI.create(FixtureArchive.BASE + "news/2024/11/03/tram");
      crawling.add(FixtureArchive.article(url, "Tram line extended", "2024-11-03", null, Instant.parse("2024-11-03T11:00:00Z"),
          List.of("The tram now reaches the stadium.")));
      String id = ArticleId.of(url);
      WebViewTestClient.get(server, "/api/articles?q=stadium");
      WebViewTestClient.awaitIndexed(server);
      assertThat(WebViewTestClient.get(server, "/api/articles?q=stadium")).isEqualTo(hit(FixtureArchive.SITE, id,
          "Tram line extended", url.toString(), "2024-11-03", "2024-11-03T11:00:00Z", "6"));
      assertThat(WebViewTestClient.get(server, "/articles/" + FixtureArchive.SITE + "/" + id))
          .contains("<p>The tram now reaches the stadium.</p>");
      assertThat(WebViewTestClient.get(server, "/api/sites")).contains("\"name\":\"loopback-times\",\"configured\":true,\"articles\":4,\"new_24h\":3,");
    }
  }

  @Test
  void aSecondServeOfTheSameArchiveSearchesFromAnIndexInMemory() throws IOException {
    FixtureArchive.write(root);
    try (WebServer first = WebServer.start(FixtureArchive.options(root));
        WebServer second = WebServer.start(FixtureArchive.options(root))) {
      WebViewTestClient.awaitIndexed(first);
      WebViewTestClient.awaitIndexed(second);
      assertThat(WebViewTestClient.get(second, "/api/articles?q=cantilever")).contains("\"total\":1,");
      assertThat(WebViewTestClient.get(first, "/api/articles?q=cantilever")).contains("\"total\":1,");
    }
  }
}
