package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArticleId;

/**
 * A first {@code serve} of a large site: it answers at once while the search index is built in the
 * background, says how far the build is, finds the CSV's last article once done, and a serve closed
 * mid-build and started again continues where it stopped, ending with one document per row.
 */
class SearchIndexBuildTest {
  static final int ROWS = 20_000;
  /** Small commits, so the build is seen in many steps. */
  static final ArticleIndex.Batch STEPS = new ArticleIndex.Batch(1_000, Duration.ofSeconds(1));
  static final Pattern PROGRESS = Pattern.compile("\"indexing\":\\{\"indexed\":(\\d+),\"total\":(\\d+|null)}");

  @TempDir static Path root;

  static Path archive() {
    return LargeSiteArchive.archive(root);
  }

  @BeforeAll
  static void writeArchive() throws IOException {
    LargeSiteArchive.write(root, ROWS);
  }

  @BeforeEach
  void deleteIndex() throws IOException {
    Path index = archive().resolve(".search");
    if (!Files.exists(index)) return;
    try (Stream<Path> files = Files.walk(index)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  static WebServer.Options options() {
    return new WebServer.Options(archive(), root.resolve("sites"), InetAddress.getLoopbackAddress(), 0, 2,
        Clock.fixed(Instant.parse("2024-10-31T12:00:00Z"), ZoneOffset.UTC), (schedule, now) -> null);
  }

  /** The indexing field of the articles API: {indexed, total}, total -1 while counting; null once indexed. */
  static long @org.jspecify.annotations.Nullable [] progress(WebServer server) throws IOException {
    String json = WebViewTestClient.get(server, "/api/articles?q=aardvark");
    if (json.contains("\"indexing\":null,")) return null;
    Matcher m = PROGRESS.matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return new long[] {Long.parseLong(m.group(1)), m.group(2).equals("null") ? -1 : Long.parseLong(m.group(2))};
  }

  @Test
  void servesPagesWhileALargeSiteIsIndexedSaysHowFarAndFindsTheLastArticleOnceDone() throws IOException {
    try (WebServer server = WebServer.start(options(), STEPS)) {
      AtomicReference<long[]> seen = new AtomicReference<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
        long[] p = progress(server);
        seen.set(p);
        return p == null || (p[0] > 0 && p[1] == ROWS);
      });
      assertThat(seen.get()).as("the build was seen under way").isNotNull();
      long indexed = seen.get()[0];
      assertThat(indexed).isBetween(1L, ROWS - 1L);

      String sites = WebViewTestClient.get(server, "/sites");
      assertThat(sites).contains("<td class=\"num articles\">20000</td>");
      String page = WebViewTestClient.get(server, "/articles?q=council");
      Matcher notice = Pattern.compile("<p id=\"indexing\" class=\"warn\">Search index: ([0-9,]+) of 20,000 articles indexed;"
          + " results may be incomplete\\.</p>").matcher(page);
      assertThat(notice.find()).as(page).isTrue();
      long shown = Long.parseLong(notice.group(1).replace(",", ""));
      assertThat(shown).isBetween(indexed, ROWS - 1L);
      // the notice is read before the search, so the search saw at least the rows it names
      Matcher count = Pattern.compile("<p id=\"count\">(\\d+) articles</p>").matcher(page);
      assertThat(count.find()).isTrue();
      assertThat(Long.parseLong(count.group(1))).isBetween(shown, (long) ROWS);
      long[] after = progress(server);
      assertThat(after).as("still indexing after the sites and articles pages were answered").isNotNull();

      WebViewTestClient.awaitIndexed(server);
      String id = ArticleId.of(LargeSiteArchive.url(ROWS - 1));
      assertThat(WebViewTestClient.get(server, "/api/articles?q=aardvark")).startsWith(
          "{\"total\":1,\"page\":1,\"page_size\":20,\"indexing\":null,\"articles\":[{\"site\":\"big-daily\",\"id\":\"" + id
              + "\",\"title\":\"Story 19999 of the council\",");
      String done = WebViewTestClient.get(server, "/articles?q=council");
      assertThat(done).doesNotContain("id=\"indexing\"").contains("<p id=\"count\">20000 articles</p>");
    }
  }

  @Test
  void aServeClosedMidBuildContinuesOnRestartAndEndsWithOneDocumentPerRow() throws IOException {
    long committed;
    try (WebServer server = WebServer.start(options(), STEPS)) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
        long[] p = progress(server);
        return p != null && p[0] >= 2_000;
      });
    }
    committed = LargeSiteArchive.liveDocuments(archive());
    assertThat(committed).as("closed mid-build").isBetween(2_000L, ROWS - 1L);

    try (WebServer server = WebServer.start(options(), STEPS)) {
      WebViewTestClient.awaitIndexed(server);
      assertThat(server.index().written()).as("only the rows the first serve had not committed").isEqualTo(ROWS - committed);
    }
    assertThat(LargeSiteArchive.liveDocuments(archive())).isEqualTo(ROWS);
    assertThat(LargeSiteArchive.liveKeys(archive())).isEqualTo(ROWS);

    // a third start of the unchanged archive walks nothing: the commit says the site is complete
    try (WebServer server = WebServer.start(options(), STEPS)) {
      assertThat(progress(server)).isNull();
      assertThat(server.index().written()).isZero();
    }
  }
}
