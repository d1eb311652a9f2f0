package org.newsarchiver.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.Fetcher;

/** Young articles are visited again on their interval: read counts observed, edits kept as versions. */
class RevisitIT {
  static final Instant T0 = Instant.parse("2024-11-02T09:30:00Z");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path root;
  SiteConfig site;
  String url;
  String id;

  @BeforeEach
  void setUp() throws Exception {
    Path file = root.resolve("sites/revisited.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "name: revisited\nbase_url: http://127.0.0.1:" + server.getPort() + "/\n"
        + "start_pages: [/news/]\narticle_pattern: '/news/\\d+-[a-z]+'\n"
        + "selectors: {title: [h1], date: ['time@datetime'], body: [.body], read_count: [.views]}\n"
        + "request: {delay: 0s, read_timeout: 2s, call_timeout: 5s, retries: 0}\n"
        + "revisit: {max_age: 3d, interval: 2h}\n");
    site = new SiteConfigLoader().load(file);
    url = "http://127.0.0.1:" + server.getPort() + "/news/1-story";
    id = ArticleId.of(URI.create(url));
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/news/").willReturn(html("<a href=/news/1-story>Story</a>")));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<html><body>" + body + "</body></html>");
  }

  void serveStory(String title, String first, long views) {
    server.stubFor(get("/news/1-story").willReturn(html("<article><h1>" + title + "</h1><time datetime=2024-11-02>2 Nov</time>"
        + "<span class=views>" + views + "</span><div class=body><p>" + first + "</p>"
        + "<p>The council meets again next week to agree the budget.</p></div></article>")));
  }

  void crawlAt(Instant now) throws IOException {
    try (Fetcher fetcher = Fetcher.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      new SiteCrawler(fetcher, new ArticlePipeline(fetcher, new ArticleExtractor()), root.resolve("archive"), true)
          .withClock(Clock.fixed(now, ZoneOffset.UTC))
          .crawl(site, CrawlListener.NONE);
    }
  }

  ArchiveRow row() throws IOException {
    try (SiteArchive a = SiteArchive.open(root.resolve("archive"), "revisited")) {
      return a.rows().get(0);
    }
  }

  @Test
  void notesTheReadCountOnEachDueVisitAndUpdatesTheRow() throws Exception {
    serveStory("Bridge approved", "The council approved the bridge on Monday.", 10);
    crawlAt(T0);
    crawlAt(T0.plus(Duration.ofMinutes(119)));
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/news/1-story")));

    serveStory("Bridge approved", "The council approved the bridge on Monday.", 25);
    crawlAt(T0.plus(Duration.ofHours(2)));
    serveStory("Bridge approved", "The council approved the bridge on Monday.", 31);
    crawlAt(T0.plus(Duration.ofHours(4)));

    assertThat(Files.readString(root.resolve("archive/revisited/read_counts.csv"))).isEqualTo(
        "id,url,observed_at,read_count\n"
            + id + "," + url + ",2024-11-02T11:30:00Z,25\n"
            + id + "," + url + ",2024-11-02T13:30:00Z,31\n");
    assertThat(row().readCount()).isEqualTo(31L);
    assertThat(root.resolve("archive/revisited/versions.csv")).doesNotExist();
  }

  @Test
  void keepsAChangedTextAsTheNextVersionBesideTheFirst() throws Exception {
    serveStory("Bridge approved", "The council approved the bridge on Monday.", 10);
    crawlAt(T0);
    serveStory("Bridge approved at last", "The city council approved the new bridge on Monday.", 12);
    crawlAt(T0.plus(Duration.ofHours(3)));

    String v2 = "Bridge approved at last\n\nThe city council approved the new bridge on Monday.\n\n"
        + "The council meets again next week to agree the budget.\n";
    Path folder = root.resolve("archive/revisited/2024/11");
    assertThat(Files.readString(folder.resolve(id + ".v2.txt"))).isEqualTo(v2);
    assertThat(Files.readString(folder.resolve(id + ".txt"))).startsWith("Bridge approved\n\n");
    assertThat(Files.readString(root.resolve("archive/revisited/versions.csv"))).isEqualTo(
        "id,version,observed_at,sha256,words_added,words_removed\n"
            + id + ",2,2024-11-02T12:30:00Z," + ArticleId.sha256Hex(v2) + ",4,0\n");
    assertThat(row().sha256()).isNotEqualTo(ArticleId.sha256Hex(v2));
  }

  @Test
  void leavesArticlesOlderThanMaxAgeAlone() throws Exception {
    serveStory("Bridge approved", "The council approved the bridge on Monday.", 10);
    crawlAt(T0);
    crawlAt(Instant.parse("2024-11-05T00:00:00Z"));
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/news/1-story")));
    assertThat(root.resolve("archive/revisited/read_counts.csv")).doesNotExist();
  }
}
