package org.newsarchiver.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

class SitemapReaderTest {
  static final URI URL = URI.create("https://news.example/sitemap.xml");
  static final URI FEED = URI.create("https://news.example/feed.xml");
  static final long MiB = 1024 * 1024;

  static byte[] resource(String name) throws IOException {
    try (InputStream in = SitemapReaderTest.class.getResourceAsStream("/hostile/" + name)) {
      return in.readAllBytes();
    }
  }

  static String urlset(int from, int to) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (int i = from; i < to; i++) b.append("<url><loc>https://news.example/news/").append(i).append("</loc></url>\n");
    return b.append("</urlset>\n").toString();
  }

  /** Bytes allocated by this thread while {@code work} runs: a body buffered whole would show here. */
  static <T> Measured<T> measure(ThrowingSupplier<T> work) throws Throwable {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    T value = work.get();
    return new Measured<>(value, threads.getThreadAllocatedBytes(id) - before);
  }

  record Measured<T>(T value, long allocated) {}

  @Test
  void refusesADocumentWithADoctypeSoNoExternalEntityIsRead() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://news.example/&x;</loc></url></urlset>";
    assertThatThrownBy(() -> new SitemapReader().read(URL, "application/xml", xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SitemapReader.BadDocumentException.class)
        .hasMessage("https://news.example/sitemap.xml: has a DOCTYPE, refused so that no entity is expanded or read"
            + " (line 1, column 31)");
  }

  @Test
  void refusesABillionLaughsFeedAtOnceWithoutExpandingAnEntity() {
    SitemapReader.BadDocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      Measured<Throwable> m = measure(() -> catchBad(() -> new SitemapReader().read(FEED, "application/rss+xml",
          resource("billion-laughs-feed.xml"))));
      // Expanded, the title alone would be 3 GB; refused at the DOCTYPE, parsing costs a few MB at most.
      assertThat(m.allocated()).isLessThan(32 * MiB);
      return (SitemapReader.BadDocumentException) m.value();
    });
    assertThat(e.detail()).isEqualTo("has a DOCTYPE, refused so that no entity is expanded or read (line 2, column 10)");
  }

  @Test
  void refusesABillionLaughsSitemapAtOnceWithoutExpandingAnEntity() {
    SitemapReader.BadDocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      Measured<Throwable> m = measure(() -> catchBad(() -> new SitemapReader().read(URL, "application/xml",
          resource("billion-laughs-sitemap.xml"))));
      assertThat(m.allocated()).isLessThan(32 * MiB);
      return (SitemapReader.BadDocumentException) m.value();
    });
    assertThat(e.detail()).isEqualTo("has a DOCTYPE, refused so that no entity is expanded or read (line 2, column 10)");
  }

  @Test
  void refusesAMalformedFeedNamingLineColumnAndWhatIsWrong() {
    assertThatThrownBy(() -> new SitemapReader().read(FEED, "application/rss+xml", resource("malformed-feed.xml")))
        .isInstanceOf(SitemapReader.BadDocumentException.class)
        .hasMessage("https://news.example/feed.xml: malformed XML at line 13, column 5: The element type \"item\" must be"
            + " terminated by the matching end-tag \"</item>\".");
  }

  @Test
  void refusesHtmlAsNoSitemapOrFeed() {
    assertThatThrownBy(() -> new SitemapReader().read(FEED, "text/html", "<html><body><p>Moved</p></body></html>"
        .getBytes(StandardCharsets.UTF_8)))
        .hasMessage("https://news.example/feed.xml: not a sitemap, sitemap index, RSS or Atom feed");
  }

  @Test
  void readsAtomEntriesWithTheirUpdatedTimeAsPublicationHint() throws IOException {
    String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>N</title>"
        + "<entry><title>A</title><link href=\"https://news.example/a\"/><updated>2024-10-28T14:05:00Z</updated></entry></feed>";
    SitemapReader.Listing l = new SitemapReader().read(URL, "application/atom+xml", atom.getBytes(StandardCharsets.UTF_8));
    assertThat(l.feed()).isTrue();
    assertThat(l.cut()).isFalse();
    assertThat(l.entries()).containsExactly(new SitemapReader.Entry(
        URI.create("https://news.example/a"), OffsetDateTime.parse("2024-10-28T14:05:00Z"), null));
  }

  @Test
  void takesNoMoreThanTheUrlCapFromOneSitemapOrIndexAndSaysSo() throws IOException {
    SitemapReader reader = new SitemapReader(3, MiB);
    SitemapReader.Listing l = reader.read(URL, "application/xml", urlset(0, 5).getBytes(StandardCharsets.UTF_8));
    assertThat(l.entries()).extracting(e -> e.url().toString()).containsExactly(
        "https://news.example/news/0", "https://news.example/news/1", "https://news.example/news/2");
    assertThat(l.cut()).isTrue();
    assertThat(List.of(l.listed(), l.overCap(), l.bytesCut())).containsExactly(5, true, false);
    StringBuilder index = new StringBuilder("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    IntStream.range(0, 5).forEach(i -> index.append("<sitemap><loc>https://news.example/s").append(i).append(".xml</loc></sitemap>"));
    SitemapReader.Listing i = reader.read(URL, "application/xml", index.append("</sitemapindex>").toString().getBytes(StandardCharsets.UTF_8));
    assertThat(i.sitemaps()).extracting(URI::toString).containsExactly(
        "https://news.example/s0.xml", "https://news.example/s1.xml", "https://news.example/s2.xml");
    assertThat(i.cut()).isTrue();
    assertThat(List.of(i.listed(), i.overCap(), i.bytesCut())).containsExactly(5, true, false);
    // The count starts again with each document.
    assertThat(reader.read(URL, "application/xml", urlset(0, 3).getBytes(StandardCharsets.UTF_8)).cut()).isFalse();
  }

  @Test
  void takesNoMoreThanTheUrlCapFromAnRssFeedEither() throws IOException {
    StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>N</title>");
    IntStream.range(0, 4).forEach(i -> rss.append("<item><title>T").append(i).append("</title><link>https://news.example/news/")
        .append(i).append("</link></item>"));
    SitemapReader.Listing l = new SitemapReader(2, MiB).read(FEED, "application/rss+xml",
        rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
    assertThat(l.entries()).extracting(e -> e.url().toString()).containsExactly(
        "https://news.example/news/0", "https://news.example/news/1");
    assertThat(List.of(l.listed(), l.overCap(), l.bytesCut())).containsExactly(4, true, false);
  }

  @Test
  void keepsTheEntriesBeforeTheCutOfASitemapCutShortButRefusesTheSameBytesAsAWholeDocument() throws IOException {
    String whole = urlset(0, 4);
    byte[] cut = whole.substring(0, whole.indexOf("news/3") + 3).getBytes(StandardCharsets.UTF_8);
    SitemapReader.Listing l = new SitemapReader().read(URL, "application/xml", cut, true);
    assertThat(l.entries()).extracting(e -> e.url().toString()).containsExactly(
        "https://news.example/news/0", "https://news.example/news/1", "https://news.example/news/2");
    assertThat(l.cut()).isTrue();
    assertThat(List.of(l.listed(), l.overCap(), l.bytesCut())).containsExactly(3, false, true);
    assertThatThrownBy(() -> new SitemapReader().read(URL, "application/xml", cut))
        .hasMessageStartingWith("https://news.example/sitemap.xml: malformed XML at line 5, column ");
  }

  @Test
  void inflatesAGzipBombSitemapOnlyUpToTheLimitAndKeepsItsFirstEntries() throws Throwable {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(urlset(0, 3).replace("</urlset>\n", "").getBytes(StandardCharsets.UTF_8));
      byte[] blanks = new byte[(int) MiB];
      java.util.Arrays.fill(blanks, (byte) ' ');
      for (int i = 0; i < 256; i++) out.write(blanks); // 256 MiB of white space, about 250 KiB packed
      out.write("</urlset>".getBytes(StandardCharsets.UTF_8));
    }
    byte[] bomb = gz.toByteArray();
    assertThat(bomb.length).isLessThan((int) MiB);
    SitemapReader.Listing l = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Measured<SitemapReader.Listing> m = measure(() -> new SitemapReader(1000, 4 * MiB)
          .read(URI.create("https://news.example/sitemap.xml.gz"), "application/x-gzip", bomb));
      assertThat(m.allocated()).isLessThan(64 * MiB);
      return m.value();
    });
    assertThat(l.entries()).extracting(e -> e.url().toString()).containsExactly(
        "https://news.example/news/0", "https://news.example/news/1", "https://news.example/news/2");
    assertThat(l.cut()).isTrue();
    assertThat(List.of(l.listed(), l.overCap(), l.bytesCut())).containsExactly(3, false, true);
  }

  @Test
  void readsAWholeGzippedSitemap() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(urlset(0, 2).getBytes(StandardCharsets.UTF_8));
    }
    SitemapReader.Listing l = new SitemapReader().read(URI.create("https://news.example/sitemap.xml.gz"), "application/gzip",
        gz.toByteArray());
    assertThat(l.entries()).hasSize(2);
    assertThat(l.cut()).isFalse();
  }

  static Throwable catchBad(ThrowingSupplier<?> work) {
    try {
      work.get();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("no exception");
  }
}
