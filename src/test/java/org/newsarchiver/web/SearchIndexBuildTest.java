package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.archive.NewArticle;
import org.newsarchiver.archive.SiteArchive;

/**
 * A first {@code serve} of a large site: it answers at once while the search index is built in the
 * background, says how far the build is, finds the CSV's last article once done, and a serve closed
 * mid-build and started again continues where it stopped, ending with one document per row.
 */
class SearchIndexBuildTest {
  static final String SITE = "big-daily";
  static final int ROWS = 20_000;
  /** Small commits, so the build is seen in many steps. */
  static final ArticleIndex.Batch STEPS = new ArticleIndex.Batch(1_000, Duration.ofSeconds(1));
  static final Pattern PROGRESS = Pattern.compile("\"indexing\":\\{\"indexed\":(\\d+),\"total\":(\\d+|null)}");

  @TempDir static Path root;

  static Path archive() {
    return root.resolve("archive");
  }

  static URI url(int i) {
    return URI.create("http://big.example/news/2024/10/story-" + i);
  }

  /**
   * The site as the archive writes it: the first article through {@link SiteArchive#add} (which
   * syncs each file, too slow for 20,000), the rest in the same layout with the archive's own text
   * and CSV writers. Only the last article has the word "aardvark".
   */
  @BeforeAll
  static void writeArchive() throws IOException {
    Files.createDirectories(root.resolve("sites"));
    List<ArchiveRow> rows = new ArrayList<>();
    try (SiteArchive a = SiteArchive.open(archive(), SITE)) {
      rows.add(a.add(article(0)).row());
    }
    Path dir = archive().resolve(SITE);
    for (int i = 1; i < ROWS; i++) {
      NewArticle n = article(i);
      byte[] text = n.text().bytes();
      String id = ArticleId.of(n.url());
      String file = "2024/10/" + id + ".txt";
      Files.createDirectories(dir.resolve(file).getParent());
      Files.write(dir.resolve(file), text);
      rows.add(new ArchiveRow(id, SITE, n.url().toString(), n.title(), n.published(), n.dateSource(), null, null,
          n.language(), null, n.fetchedAt().toString(), file, n.text().words(), ArticleId.sha256Hex(text), List.of()));
    }
    new ArticlesCsv(dir.resolve("articles.csv")).rewrite(rows);
  }

  static NewArticle article(int i) {
    String last = i == ROWS - 1 ? " An aardvark was seen at the harbour." : "";
    return new NewArticle(url(i), "Story " + i + " of the council", "2024-10-" + (10 + i % 20), "selector", null,
        List.of(), "en", null, Instant.parse("2024-10-30T08:00:00Z").plusSeconds(i),
        List.of("The council met about the budget, story " + i + "." + last));
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
      String id = ArticleId.of(url(ROWS - 1));
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
    committed = liveDocuments();
    assertThat(committed).as("closed mid-build").isBetween(2_000L, ROWS - 1L);

    try (WebServer server = WebServer.start(options(), STEPS)) {
      WebViewTestClient.awaitIndexed(server);
      assertThat(server.index().written()).as("only the rows the first serve had not committed").isEqualTo(ROWS - committed);
    }
    assertThat(liveDocuments()).isEqualTo(ROWS);
    assertThat(liveKeys()).isEqualTo(ROWS);

    // a third start of the unchanged archive walks nothing: the commit says the site is complete
    try (WebServer server = WebServer.start(options(), STEPS)) {
      assertThat(progress(server)).isNull();
      assertThat(server.index().written()).isZero();
    }
  }

  static long liveDocuments() throws IOException {
    try (FSDirectory dir = FSDirectory.open(archive().resolve(".search")); DirectoryReader r = DirectoryReader.open(dir)) {
      return r.numDocs();
    }
  }

  /** The distinct article keys with a live document: equal to the documents when no row is indexed twice. */
  static long liveKeys() throws IOException {
    try (FSDirectory dir = FSDirectory.open(archive().resolve(".search")); DirectoryReader r = DirectoryReader.open(dir)) {
      Terms terms = MultiTerms.getTerms(r, "key");
      TermsEnum e = terms.iterator();
      long keys = 0;
      for (BytesRef t = e.next(); t != null; t = e.next()) {
        int live = 0;
        for (LeafReaderContext leaf : r.leaves()) {
          Terms lt = leaf.reader().terms("key");
          if (lt == null) continue;
          TermsEnum le = lt.iterator();
          if (!le.seekExact(t)) continue;
          PostingsEnum p = le.postings(null, PostingsEnum.NONE);
          Bits liveDocs = leaf.reader().getLiveDocs();
          for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
            if (liveDocs == null || liveDocs.get(d)) live++;
          }
        }
        assertThat(live).as(t.utf8ToString()).isLessThanOrEqualTo(1);
        keys += live;
      }
      return keys;
    }
  }
}
