package org.newsarchiver.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.Fetcher;
import org.newsarchiver.fetch.HostPacer;

/** Discovery through feeds and sitemaps, robots.txt, conditional re-runs and failure back-off, against WireMock. */
class PoliteCrawlIT {
  static final Instant NOW = Instant.parse("2024-11-02T09:30:00Z");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().gzipDisabled(true)).build(); // Jetty would rewrite ETags

  @TempDir Path root;

  static String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  static ResponseDefinitionBuilder ok(String type, String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body);
  }

  /** An article page without any date and, when {@code title} is null, without any title. */
  static String article(String title, String body) {
    return "<html><head><meta charset=utf-8></head><body><article>" + (title == null ? "" : "<h1>" + title + "</h1>")
        + "<div class=body><p>" + body + "</p><p>It was reported by our own correspondent today.</p></div></article></body></html>";
  }

  SiteConfig site(String extra) throws Exception {
    Path file = root.resolve("sites/polite.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "name: polite\nbase_url: " + base() + "/\nstart_pages: [/news/]\n"
        + "article_pattern: '/news/\\d+-[a-z]+'\nselectors: {title: [h1], body: [.body]}\n"
        + "request: {delay: 0s, read_timeout: 2s, call_timeout: 5s, retries: 0}\n" + extra);
    return new SiteConfigLoader().load(file);
  }

  CrawlSummary crawl(SiteConfig site, Instant now, HostPacer pacer) throws IOException {
    try (Fetcher fetcher = Fetcher.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).pacer(pacer).build()) {
      return new SiteCrawler(fetcher, new ArticlePipeline(fetcher, new ArticleExtractor()), root.resolve("archive"), true)
          .withClock(Clock.fixed(now, ZoneOffset.UTC))
          .crawl(site, CrawlListener.NONE);
    }
  }

  CrawlSummary crawl(SiteConfig site, Instant now) throws IOException {
    return crawl(site, now, null);
  }

  List<ArchiveRow> rows() throws IOException {
    try (SiteArchive a = SiteArchive.open(root.resolve("archive"), "polite")) {
      return a.rows();
    }
  }

  static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void takesArticlesAndDateHintsFromFeedsSitemapIndexesGzipAndNewsSitemaps() throws Exception {
    String b = base();
    server.stubFor(get("/robots.txt").willReturn(ok("text/plain", "User-agent: *\nAllow: /\nSitemap: " + b + "/sitemap-index.xml\n")));
    server.stubFor(get("/news/").willReturn(ok("text/html", "<html><body><p>No links today</p></body></html>")));
    server.stubFor(get("/rss.xml").willReturn(ok("application/rss+xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Polite</title><link>" + b + "/</link>"
            + "<item><title>Feed story</title><link>" + b + "/news/1-feed?utm_source=rss</link>"
            + "<pubDate>Sun, 27 Oct 2024 08:00:00 GMT</pubDate></item></channel></rss>")));
    server.stubFor(get("/sitemap-index.xml").willReturn(ok("application/xml",
        "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>" + b + "/sitemaps/news.xml</loc></sitemap>"
            + "<sitemap><loc>" + b + "/sitemaps/old.xml.gz</loc></sitemap>"
            + "<sitemap><loc>http://elsewhere.example/sitemap.xml</loc></sitemap></sitemapindex>")));
    server.stubFor(get("/sitemaps/news.xml").willReturn(ok("application/xml",
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url><loc>" + b + "/news/2-news</loc>"
            + "<news:news><news:publication><news:name>Polite</news:name><news:language>en</news:language></news:publication>"
            + "<news:publication_date>2024-10-26T10:15:00+02:00</news:publication_date>"
            + "<news:title>Harbour reopens after storm</news:title></news:news></url>"
            + "<url><loc>" + b + "/about</loc></url></urlset>")));
    server.stubFor(get("/sitemaps/old.xml.gz").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/gzip").withBody(gzip(
            "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                + b + "/news/3-old</loc><lastmod>2024-01-01</lastmod></url></urlset>"))));
    server.stubFor(get("/news/1-feed").willReturn(ok("text/html", article("Feed story", "The feed carried this story first."))));
    server.stubFor(get("/news/2-news").willReturn(ok("text/html", article(null, "The harbour opened again on Saturday."))));
    server.stubFor(get("/news/3-old").willReturn(ok("text/html", article("Old story", "An old story found in a gzip sitemap."))));

    CrawlSummary s = crawl(site("feeds: [/rss.xml]\n"), NOW);

    assertThat(s.failures()).isEmpty();
    assertThat(s.added()).isEqualTo(3);
    assertThat(rows()).extracting(ArchiveRow::url, ArchiveRow::title, ArchiveRow::published, ArchiveRow::dateSource)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(b + "/news/1-feed", "Feed story", "2024-10-27T08:00:00Z", "feed"),
            org.assertj.core.groups.Tuple.tuple(b + "/news/2-news", "Harbour reopens after storm", "2024-10-26T10:15:00+02:00", "sitemap"),
            org.assertj.core.groups.Tuple.tuple(b + "/news/3-old", "Old story", null, null));
    server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/about")));
  }

  @Test
  void obeysRobotsDisallowAndKeepsItsCrawlDelayBetweenRequests() throws Exception {
    server.stubFor(get("/robots.txt").willReturn(ok("text/plain",
        "User-agent: other-bot\nDisallow: /\n\nUser-agent: news-archiver\nDisallow: /news/2-secret\nCrawl-delay: 1\n")));
    server.stubFor(get("/news/").willReturn(ok("text/html",
        "<html><body><a href=/news/1-open>Open</a> <a href=/news/2-secret>Secret</a></body></html>")));
    server.stubFor(get("/news/1-open").willReturn(ok("text/html", article("Open", "Anyone may read this story."))));
    server.stubFor(get("/news/2-secret").willReturn(ok("text/html", article("Secret", "No robot may read this."))));

    CrawlSummary s = crawl(site(""), NOW, new HostPacer(Duration.ofSeconds(10)));

    assertThat(s.added()).isEqualTo(1);
    assertThat(s.failures()).containsExactly(
        new PageFailure(URI.create(base() + "/news/2-secret"), "robots", "disallowed by robots.txt"));
    server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/news/2-secret")));
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/robots.txt")));
    List<Long> times = server.getAllServeEvents().stream()
        .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
    assertThat(times).hasSize(3); // robots.txt, the listing, the open article
    // the pacer keeps 1 s at the client; on a busy machine the server logs arrivals up to ~60 ms late
    assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(900);
    assertThat(times.get(2) - times.get(1)).isGreaterThanOrEqualTo(900);
  }

  @Test
  void secondRunOfAnUnchangedSiteSendsConditionalRequestsAndArchivesNothing() throws Exception {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/news/").withHeader("If-None-Match", absent()).willReturn(ok("text/html",
        "<html><body><a href=/news/1-one>One</a></body></html>").withHeader("ETag", "\"v1\"")));
    server.stubFor(get("/news/").withHeader("If-None-Match", equalTo("\"v1\"")).willReturn(aResponse().withStatus(304)));
    server.stubFor(get("/sitemap.xml").withHeader("If-Modified-Since", absent()).willReturn(ok("application/xml",
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
            + base() + "/news/1-one</loc></url></urlset>").withHeader("Last-Modified", "Fri, 01 Nov 2024 10:00:00 GMT")));
    server.stubFor(get("/sitemap.xml").withHeader("If-Modified-Since", equalTo("Fri, 01 Nov 2024 10:00:00 GMT"))
        .willReturn(aResponse().withStatus(304)));
    server.stubFor(get("/news/1-one").willReturn(ok("text/html", article("One", "The only story on this site."))));
    SiteConfig site = site("sitemaps: [/sitemap.xml]\n");

    assertThat(crawl(site, NOW).added()).isEqualTo(1);
    assertThat(Files.readString(root.resolve("archive/polite/state/validators.tsv"))).isEqualTo(
        base() + "/news/\t\"v1\"\t\n" + base() + "/sitemap.xml\t\tFri, 01 Nov 2024 10:00:00 GMT\n");
    server.resetRequests();
    CrawlSummary second = crawl(site, NOW.plusSeconds(3600));

    assertThat(second.added()).isZero();
    assertThat(second.failures()).isEmpty();
    assertThat(second.listingPages()).isZero();
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/news/")).withHeader("If-None-Match", equalTo("\"v1\"")));
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/sitemap.xml"))
        .withHeader("If-Modified-Since", equalTo("Fri, 01 Nov 2024 10:00:00 GMT")));
    server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/news/1-one")));
  }

  @Test
  void failedArticleIsNotFetchedAgainBeforeItsBackoffElapses() throws Exception {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/news/").willReturn(ok("text/html", "<html><body><a href=/news/1-gone>Gone</a></body></html>")));
    server.stubFor(get("/news/1-gone").willReturn(aResponse().withStatus(404)));
    SiteConfig site = site("");
    String url = base() + "/news/1-gone";

    crawl(site, NOW);
    Path failures = root.resolve("archive/polite/state/failures.csv");
    assertThat(Files.readString(failures)).isEqualTo("url,cause,detail,attempts,last_attempt,next_attempt\n"
        + url + ",http-4xx,HTTP 404 Not Found,1,2024-11-02T09:30:00Z,2024-11-02T10:30:00Z\n");
    CrawlSummary early = crawl(site, NOW.plus(Duration.ofMinutes(59)));
    assertThat(early.failures()).isEmpty();
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/news/1-gone")));

    crawl(site, NOW.plus(Duration.ofHours(1)));
    server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/news/1-gone")));
    assertThat(Files.readString(failures)).isEqualTo("url,cause,detail,attempts,last_attempt,next_attempt\n"
        + url + ",http-4xx,HTTP 404 Not Found,2,2024-11-02T10:30:00Z,2024-11-02T12:30:00Z\n");
  }

  @Test
  void trackingAndFragmentVariantsOfOneLinkGiveOneRow() throws Exception {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/news/").willReturn(ok("text/html", "<html><body><a href='/news/1-one?utm_source=x&amp;utm_medium=y'>a</a>"
        + " <a href='/news/1-one#comments'>b</a> <a href='/news/1-one?fbclid=abc'>c</a> <a href=/news/1-one>d</a></body></html>")));
    server.stubFor(get(urlPathEqualTo("/news/1-one")).willReturn(ok("text/html", article("One", "The only story on this site."))));

    CrawlSummary s = crawl(site(""), NOW);

    assertThat(s.linksFound()).isEqualTo(1);
    assertThat(rows()).extracting(ArchiveRow::url).containsExactly(base() + "/news/1-one");
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/news/1-one")));
  }
}
