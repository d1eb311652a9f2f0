package org.newsarchiver.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.Fetcher;

/** A whole pass over a small site served by WireMock, run twice, into a temporary archive. */
class SiteCrawlIT {
  static final Path SITE = Path.of("src/test/resources/crawl/site");
  static final Instant NOW = Instant.parse("2024-11-02T09:30:00Z");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path root;

  static String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Serves the fixture site: a listing, four articles, a 404, a 500-then-200 and a windows-1251 page. */
  static void serveSite() throws IOException {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    String listing =
        Files.readString(SITE.resolve("listing.html")).replace("OFFSITE", "http://localhost:" + server.getPort());
    server.stubFor(get("/news/").willReturn(html(listing.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")));
    server.stubFor(get("/news/1-ok").willReturn(html(page("1-ok.html"), "text/html; charset=utf-8")));
    server.stubFor(get("/news/2-missing").willReturn(aResponse().withStatus(404).withBody("gone")));
    server.stubFor(get("/news/3-flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
    server.stubFor(get("/news/3-flaky").inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(html(page("3-flaky.html"), "text/html")));
    server.stubFor(get("/news/4-cyrillic").willReturn(html(page("4-cyrillic.html"), "text/html; charset=windows-1251")));
    server.stubFor(get("/news/5-twice").willReturn(html(page("5-twice.html"), "text/html; charset=UTF-8")));
    server.stubFor(get("/news/6-offsite").willReturn(html(page("1-ok.html"), "text/html")));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(byte[] body, String type) {
    return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body);
  }

  static byte[] page(String name) throws IOException {
    return Files.readAllBytes(SITE.resolve(name));
  }

  /** The test site's config, pointed at the WireMock server. */
  static Path writeConfig(Path sitesDir) throws IOException {
    Files.createDirectories(sitesDir);
    Path file = sitesDir.resolve("loopback-times.yaml");
    Files.writeString(file, Files.readString(SITE.resolveSibling("site.yaml")).replace("BASE", base()));
    return file;
  }

  @BeforeEach
  void serve() throws IOException {
    serveSite();
  }

  @Test
  void archivesTheNewArticlesOnceAndAddsNothingOnTheSecondRun() throws Exception {
    SiteConfig site = new SiteConfigLoader().load(writeConfig(root.resolve("sites")));
    Path archive = root.resolve("archive");

    CrawlSummary first = crawl(site, archive);
    assertThat(first.listingPages()).isEqualTo(1);
    assertThat(first.linksFound()).isEqualTo(5);
    assertThat(first.added()).isEqualTo(4);
    assertThat(first.failures())
        .containsExactly(new PageFailure(URI.create(base() + "/news/2-missing"), "http-4xx", "HTTP 404 Not Found"));

    String b = base();
    String[][] expected = {
      {"1-ok", "Council approves the new bridge", "2024-10-28", "726", "en",
          "The city council voted on Monday to build a new bridge over the river.",
          "Work starts in spring and should take two years."},
      {"3-flaky", "Storm closes the harbour", "2024-10-29", "1234", "en",
          "A storm closed the harbour for the second day on Tuesday.", "Ferries will run again when the wind drops."},
      {"4-cyrillic", "Новости дня", "2024-10-31", "1204", "ru",
          "Городской совет утвердил строительство нового моста через реку.", "Работы начнутся весной и займут два года."},
      {"5-twice", "Library opens late", "2024-10-30", "15", "en",
          "The central library now stays open until ten at night.", "Readers asked for longer hours in a survey last year."},
    };
    StringBuilder csv = new StringBuilder(
        "id,site,url,title,published,date_source,read_count,author,language,source,fetched_at,text_file,words,sha256,alt_urls\n");
    for (String[] e : expected) {
      String url = b + "/news/" + e[0];
      String id = ArticleId.of(URI.create(url));
      String text = e[1] + "\n\n" + e[5] + "\n\n" + e[6] + "\n";
      String month = e[2].substring(0, 4) + "/" + e[2].substring(5, 7);
      assertThat(Files.readString(archive.resolve("loopback-times/" + month + "/" + id + ".txt"))).isEqualTo(text);
      int words = new org.newsarchiver.archive.ArticleText(e[1], java.util.List.of(e[5], e[6])).words();
      csv.append(String.join(",", id, "loopback-times", url, e[1], e[2], "selector", e[3], "", e[4], "",
              "2024-11-02T09:30:00Z", month + "/" + id + ".txt", Integer.toString(words), ArticleId.sha256Hex(text), ""))
          .append('\n');
    }
    Path csvFile = archive.resolve("loopback-times/articles.csv");
    assertThat(Files.readString(csvFile)).isEqualTo(csv.toString());
    server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/news/6-offsite")));
    server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/news/3-flaky")));
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/news/5-twice")));

    server.resetRequests();
    CrawlSummary second = crawl(site, archive);
    assertThat(second.added()).isZero();
    assertThat(second.alreadyArchived()).isEqualTo(4);
    assertThat(Files.readString(csvFile)).isEqualTo(csv.toString());
    server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/news/1-ok")));
    server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/news/4-cyrillic")));
  }

  private static CrawlSummary crawl(SiteConfig site, Path archive) throws IOException {
    try (Fetcher fetcher = Fetcher.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).retryBaseDelay(java.time.Duration.ofMillis(50)).build()) {
      return new SiteCrawler(fetcher, new ArticlePipeline(fetcher, new ArticleExtractor()), archive, true)
          .crawl(site, CrawlListener.NONE);
    }
  }
}
