package org.newsarchiver.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticleText;
import org.newsarchiver.archive.FailureLog;
import org.newsarchiver.archive.NewArticle;
import org.newsarchiver.archive.RawCapture;
import org.newsarchiver.archive.RevisitLog;
import org.newsarchiver.archive.RunLog;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.archive.WarcCapture;
import org.newsarchiver.config.Limits;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.FetchResponse.Header;
import org.quartz.CronExpression;

/**
 * A small archive written by the real archive code into a folder: two sites, four articles (one
 * with a hostile title, one with three read-count observations and an edited second version),
 * WARC captures, a run, failures and a site config. Times are fixed; {@link #NOW} is the clock of
 * the server under test.
 */
final class FixtureArchive {
  static final String SITE = "loopback-times";
  static final String OTHER = "other-post";
  static final Instant NOW = Instant.parse("2024-11-03T12:00:00Z");
  static final String BASE = "http://news.example/";

  static final URI BRIDGE_URL = URI.create(BASE + "news/2024/10/28/bridge");
  static final URI HOSTILE_URL = URI.create(BASE + "news/2024/10/30/ferry");
  static final URI MARKET_URL = URI.create(BASE + "news/2024/11/01/market");
  static final URI OTHER_URL = URI.create("http://other.example/p/harbour");
  static final String BRIDGE = ArticleId.of(BRIDGE_URL);
  static final String HOSTILE = ArticleId.of(HOSTILE_URL);
  static final String MARKET = ArticleId.of(MARKET_URL);
  static final String OTHER_ID = ArticleId.of(OTHER_URL);
  static final String HOSTILE_TITLE = "<script>alert('x')</script> Ferry & \"harbour\" timetable";

  static final List<String> BRIDGE_TEXT = List.of(
      "The city council voted on Monday to build a new bridge over the river.",
      "The cantilever design was chosen over two others.");
  static final List<String> BRIDGE_TEXT_V2 = List.of(
      "The city council voted on Monday to build a new steel bridge over the river.",
      "The cantilever design was chosen over two others.");

  private FixtureArchive() {}

  static Path archive(Path root) {
    return root.resolve("archive");
  }

  static Path sites(Path root) {
    return root.resolve("sites");
  }

  /** Writes the fixture under {@code root}: {@code archive/} and {@code sites/}. */
  static void write(Path root) throws IOException {
    Path sites = sites(root);
    Files.createDirectories(sites);
    Files.writeString(sites.resolve(SITE + ".yaml"), "name: " + SITE + "\nbase_url: " + BASE + "\n"
        + "article_pattern: '/news/\\d{4}/'\nschedule: '0 0/30 * * * ?'\n");
    Path archive = archive(root);
    try (SiteArchive a = SiteArchive.open(archive, SITE); RawCapture warc = WarcCapture.factory().open(a)) {
      warc.record(response(URI.create(BASE + "robots.txt"), "text/plain", "User-agent: *\nDisallow: /private/\n",
          Instant.parse("2024-11-02T09:29:58Z")), null);
      NewArticle bridge = article(BRIDGE_URL, "Council approves the new bridge", "2024-10-28", 726L,
          Instant.parse("2024-11-02T09:30:00Z"), BRIDGE_TEXT);
      warc.record(response(BRIDGE_URL, "text/html; charset=utf-8",
          "<html><head><title>Council approves the new bridge</title></head><body><p>bridge</p></body></html>",
          bridge.fetchedAt()), a.add(bridge).row().id());
      a.add(article(HOSTILE_URL, HOSTILE_TITLE, "2024-10-30", null, Instant.parse("2024-11-03T08:00:00Z"),
          List.of("The harbour ferry runs every hour from Monday.")));
      a.add(article(MARKET_URL, "Market reopens after repairs", "2024-11-01", 88L, Instant.parse("2024-11-03T10:00:00Z"),
          List.of("Stalls sell zeppelin-shaped bread and local cheese.")));
      RevisitLog revisits = RevisitLog.load(a);
      ArchiveRow row = a.findById(BRIDGE);
      revisits.observed(row, Instant.parse("2024-11-02T15:30:00Z"), 1020L);
      revisits.observed(row, Instant.parse("2024-11-02T21:30:00Z"), null);
      revisits.observed(row, Instant.parse("2024-11-03T09:30:00Z"), 1380L);
      revisits.observed(row, Instant.parse("2024-11-03T11:30:00Z"), 1500L);
      revisits.keepIfChanged(row, new ArticleText("Council approves the new bridge", BRIDGE_TEXT_V2),
          Instant.parse("2024-11-03T09:30:00Z"));
    }
    Path dir = archive.resolve(SITE);
    new RunLog(dir).append(new RunLog.Run(Instant.parse("2024-11-03T09:59:00Z"), Instant.parse("2024-11-03T10:00:05Z"),
        2, 14, 1, 12, 0, 1, ""));
    FailureLog failures = FailureLog.load(dir, Limits.MAX_FAILURE_ATTEMPTS, Limits.FAILURE_RETRY_BASE);
    failures.failed(BASE + "private/report", "robots", "disallowed by robots.txt", Instant.parse("2024-11-03T09:59:30Z"));
    failures.failed(BASE + "news/2024/11/02/storm", "http-5xx", "HTTP 503 Service Unavailable",
        Instant.parse("2024-11-03T10:00:01Z"));
    failures.save();
    try (SiteArchive a = SiteArchive.open(archive, OTHER)) {
      a.add(article(OTHER_URL, "Harbour dredging starts", "2024-09-15", 12L, Instant.parse("2024-09-16T07:00:00Z"),
          List.of("Dredging of the harbour channel started on Sunday.")));
    }
  }

  static NewArticle article(URI url, String title, String published, Long readCount, Instant at, List<String> body) {
    return new NewArticle(url, title, published, "selector", readCount, List.of(), "en", null, at, body);
  }

  static FetchResponse response(URI url, String type, String body, Instant at) {
    return new FetchResponse(url, url, "GET", List.of(new Header("User-Agent", "news-archiver-test")), "http/1.1", 200,
        "OK", List.of(new Header("Content-Type", type)), body.getBytes(StandardCharsets.UTF_8), at);
  }

  /** Server options over the fixture: loopback, any free port, the fixed clock, Quartz for next runs. */
  static WebServer.Options options(Path root) {
    return new WebServer.Options(archive(root), sites(root), InetAddress.getLoopbackAddress(), 0, 2,
        Clock.fixed(NOW, ZoneOffset.UTC), (schedule, now) -> {
          try {
            CronExpression cron = new CronExpression(schedule);
            cron.setTimeZone(TimeZone.getTimeZone("UTC"));
            Date next = cron.getNextValidTimeAfter(Date.from(now));
            return next == null ? null : next.toInstant();
          } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
          }
        });
  }
}
