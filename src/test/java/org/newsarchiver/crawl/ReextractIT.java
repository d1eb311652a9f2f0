package org.newsarchiver.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.archive.WarcCapture;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.Fetcher;

/** Crawl with WARC capture, change the site's selectors, re-extract offline: new text, same ids. */
class ReextractIT {
  static final Path SITE = Path.of("src/test/resources/crawl/site");
  static final Instant NOW = Instant.parse("2024-11-02T09:30:00Z");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path root;

  private SiteConfig config(String body) throws Exception {
    Path dir = root.resolve("sites");
    Files.createDirectories(dir);
    String yaml = Files.readString(SITE.resolveSibling("site.yaml"))
        .replace("BASE", "http://127.0.0.1:" + server.getPort()).replace("body: [.body]", "body: " + body);
    return new SiteConfigLoader().load(Files.writeString(dir.resolve("loopback-times.yaml"), yaml));
  }

  private void crawl(SiteConfig site) throws Exception {
    String listing = "<html><body><a href=\"/news/1-ok\">one</a> <a href=\"/news/5-twice\">five</a></body></html>";
    server.stubFor(get("/news/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(listing)));
    for (String page : List.of("1-ok", "5-twice")) {
      server.stubFor(get("/news/" + page).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
          .withBody(Files.readAllBytes(SITE.resolve(page + ".html")))));
    }
    try (Fetcher fetcher = Fetcher.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      new SiteCrawler(fetcher, new ArticlePipeline(fetcher, new ArticleExtractor()), root.resolve("archive"), true,
          WarcCapture.factory()).crawl(site, CrawlListener.NONE);
    }
  }

  @Test
  void rebuildsTheTextFromTheWarcWithTheNewSelectorsKeepingIds() throws Exception {
    crawl(config("[.body]"));
    ArticlesCsv csv = new ArticlesCsv(root.resolve("archive/loopback-times/articles.csv"));
    List<ArchiveRow> before = csv.readAll();
    server.resetAll(); // re-extraction needs no network
    List<String> lines = new ArrayList<>();
    Reextractor.Summary summary = new Reextractor(new ArticleExtractor(), root.resolve("archive"))
        .run(config("['.body p:first-of-type']"), null, o -> lines.add(o.line()));

    String one = "http://127.0.0.1:" + server.getPort() + "/news/1-ok";
    String five = "http://127.0.0.1:" + server.getPort() + "/news/5-twice";
    String oneId = ArticleId.of(URI.create(one));
    String fiveId = ArticleId.of(URI.create(five));
    assertThat(lines).containsExactlyInAnyOrder("changed " + oneId + " " + one, "changed " + fiveId + " " + five);
    assertThat(summary.line()).isEqualTo("loopback-times: 2 articles re-extracted, 2 changed, 0 unchanged, 0 failed");
    assertThat(server.getAllServeEvents()).isEmpty();
    String text = "Council approves the new bridge\n\nThe city council voted on Monday to build a new bridge over the river.\n";
    assertThat(Files.readString(root.resolve("archive/loopback-times/2024/10/" + oneId + ".txt"))).isEqualTo(text);
    List<ArchiveRow> after = csv.readAll();
    assertThat(after).extracting(ArchiveRow::id).containsExactlyElementsOf(before.stream().map(ArchiveRow::id).toList());
    ArchiveRow row = after.stream().filter(r -> r.id().equals(oneId)).findFirst().orElseThrow();
    ArchiveRow old = before.stream().filter(r -> r.id().equals(oneId)).findFirst().orElseThrow();
    assertThat(row).isEqualTo(new ArchiveRow(old.id(), old.site(), old.url(), old.title(), old.published(),
        old.dateSource(), old.readCount(), old.author(), old.language(), old.source(), old.fetchedAt(), old.textFile(),
        14, ArticleId.sha256Hex(text), old.altUrls()));
  }

  @Test
  void reportsNothingChangedWhenTheConfigIsTheSame() throws Exception {
    SiteConfig site = config("[.body]");
    crawl(site);
    String before = Files.readString(root.resolve("archive/loopback-times/articles.csv"));
    Reextractor.Summary summary = new Reextractor(new ArticleExtractor(), root.resolve("archive")).run(site, null, o -> {});
    assertThat(summary.line()).isEqualTo("loopback-times: 2 articles re-extracted, 0 changed, 2 unchanged, 0 failed");
    assertThat(Files.readString(root.resolve("archive/loopback-times/articles.csv"))).isEqualTo(before);
  }
}
