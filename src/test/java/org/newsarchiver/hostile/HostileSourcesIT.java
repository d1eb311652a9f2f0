package org.newsarchiver.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.cli.ExitCodes;
import org.newsarchiver.config.Limits;

/**
 * Whole crawls through the CLI whose robots.txt, feeds and sitemaps are hostile: huge, broken,
 * bombs, failing or cyclic. Each ends in bounded time with one error line per bad source, the
 * other sources archived, and an archive that {@code verify} finds clean. The loopback server
 * (the JDK's) generates big bodies as it sends them, never holding them whole.
 */
class HostileSourcesIT {
  static final String BODY = "The first paragraph is long enough to be taken for the body of an article by anyone.";
  static final long MiB = 1024 * 1024;

  @TempDir Path root;
  HttpServer server;
  String base;
  final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  final Map<String, Handler> routes = new ConcurrentHashMap<>();

  interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.createContext("/", ex -> {
      try (ex) {
        String path = ex.getRequestURI().getRawPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Handler h = routes.get(path);
        if (h != null) {
          h.handle(ex);
        } else if (path.startsWith("/news/") && path.length() > "/news/".length()) {
          String name = path.substring("/news/".length());
          send(ex, "text/html; charset=utf-8", Sites.article("Story " + name, "3 October 2024", BODY + " " + name + "."));
        } else {
          ex.sendResponseHeaders(404, -1);
        }
      } catch (IOException e) {
        // the client hung up: what the big bodies provoke
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    routes.put("/robots.txt", ex -> send(ex, "text/plain", "User-agent: *\nAllow: /\n"));
    routes.put("/news/", ex -> send(ex, "text/html", "<html><body><a href='/news/1-listed'>one</a></body></html>"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  static void send(HttpExchange ex, String type, String body) throws IOException {
    send(ex, type, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange ex, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
  }

  static Handler resource(String type, String name) {
    return ex -> {
      try (InputStream in = HostileSourcesIT.class.getResourceAsStream("/hostile/" + name)) {
        send(ex, type, in.readAllBytes());
      }
    };
  }

  /** A chunked body of head, {@code parts} generated pieces and tail; {@code finished} only if all went out. */
  static Handler streamed(String type, String head, long parts, java.util.function.LongFunction<String> part, String tail,
      AtomicLong sent, AtomicBoolean finished) {
    return ex -> {
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(200, 0);
      OutputStream out = new BufferedOutputStream(ex.getResponseBody(), 64 * 1024);
      byte[] h = head.getBytes(StandardCharsets.UTF_8);
      out.write(h);
      sent.addAndGet(h.length);
      for (long i = 0; i < parts; i++) {
        byte[] b = part.apply(i).getBytes(StandardCharsets.UTF_8);
        out.write(b);
        sent.addAndGet(b.length);
      }
      out.write(tail.getBytes(StandardCharsets.UTF_8));
      out.flush();
      finished.set(true);
    };
  }

  CliRun crawl(String site, String extraYaml) throws IOException {
    Path sites = Sites.write(root, site, base, extraYaml);
    return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRun.run("crawl", "--site", site, "--allow-private",
        "--sites", sites.toString(), "--archive", root.resolve("archive").toString()));
  }

  List<String> archived(String site) throws IOException {
    return new ArticlesCsv(root.resolve("archive").resolve(site).resolve("articles.csv")).readAll().stream()
        .map(ArchiveRow::url).map(u -> u.substring(base.length())).sorted().toList();
  }

  void assertArchiveVerifies() {
    CliRun v = CliRun.run("verify", "--archive", root.resolve("archive").toString());
    assertThat(v.code()).as(v.out() + v.err()).isZero();
    assertThat(v.out() + v.err()).isEmpty();
  }

  int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  @Test
  void aTenMegabyteRobotsTxtIsCutAt500KiBAndTheRulesInItsFirstPartApply() throws Exception {
    AtomicLong sent = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    String padding = "# " + "padding ".repeat(12) + "\n";
    long parts = 10 * MiB / padding.length();
    // Read whole, the last line would shut the site; only the first rule must count.
    routes.put("/robots.txt", streamed("text/plain", "User-agent: *\nDisallow: /news/private-\n", parts, i -> padding,
        "Disallow: /news/\n", sent, finished));
    routes.put("/news/", ex -> send(ex, "text/html",
        "<html><body><a href='/news/1-open'>a</a><a href='/news/private-2'>b</a></body></html>"));
    CliRun r = crawl("bigrobots", "");
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.errLines()).containsExactly("error robots " + base + "/news/private-2: disallowed by robots.txt");
    assertThat(archived("bigrobots")).containsExactly("/news/1-open");
    assertThat(hits("/robots.txt")).isEqualTo(1);
    assertThat(hits("/news/private-2")).isZero();
    assertThat(finished).isFalse();
    assertThat(sent.get()).isLessThan(parts * padding.length());
    assertArchiveVerifies();
  }

  @Test
  void aRobotsTxtThatAnswers500DisallowsTheSiteForNowWithOneClearLineAndAsksAgainNextRun() throws Exception {
    routes.put("/robots.txt", ex -> ex.sendResponseHeaders(500, -1));
    CliRun r = crawl("robots500", "feeds: [/feeds/good.xml]\n");
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.errLines()).hasSize(2).allSatisfy(l -> assertThat(l).matches(
        "error robots \\Q" + base + "\\E/(news/|feeds/good\\.xml): robots\\.txt unreachable \\(http-5xx: HTTP 500 Internal Server Error\\),"
            + " so the whole host counts as disallowed until \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ; it is asked for again then"));
    assertThat(hits.keySet()).containsExactly("/robots.txt");
    assertThat(hits("/robots.txt")).isEqualTo(1);
    assertThat(archived("robots500")).isEmpty();
    // The next run (a new crawler, so nothing cached) asks again and, the server mended, crawls.
    routes.put("/robots.txt", ex -> send(ex, "text/plain", "User-agent: *\nAllow: /\n"));
    routes.put("/feeds/good.xml", ex -> send(ex, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>Good</title><item><link>" + base + "/news/2-from-feed</link></item></channel></rss>"));
    CliRun again = crawl("robots500", "feeds: [/feeds/good.xml]\n");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(archived("robots500")).containsExactly("/news/1-listed", "/news/2-from-feed");
    assertArchiveVerifies();
  }

  @Test
  void brokenBombedAndCyclicFeedsAndSitemapsAreOneErrorLineEachAndTheOtherSourcesAreArchived() throws Exception {
    routes.put("/feeds/malformed.xml", resource("application/rss+xml", "malformed-feed.xml"));
    routes.put("/feeds/bomb.xml", resource("application/rss+xml", "billion-laughs-feed.xml"));
    routes.put("/sitemaps/bomb.xml", resource("application/xml", "billion-laughs-sitemap.xml"));
    routes.put("/feeds/good.xml", ex -> send(ex, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>Good</title><item><link>" + base + "/news/2-from-feed</link></item></channel></rss>"));
    String index = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
    // The index lists itself (twice, spelt two ways) and a child that lists the index again.
    routes.put("/sitemaps/index.xml", ex -> send(ex, "application/xml", index
        + "<sitemap><loc>" + base + "/sitemaps/index.xml</loc></sitemap>"
        + "<sitemap><loc>" + base + "/sitemaps/index.xml?utm_source=loop#again</loc></sitemap>"
        + "<sitemap><loc>" + base + "/sitemaps/child.xml</loc></sitemap></sitemapindex>"));
    routes.put("/sitemaps/child.xml", ex -> send(ex, "application/xml", index
        + "<sitemap><loc>" + base + "/sitemaps/index.xml</loc></sitemap>"
        + "<sitemap><loc>" + base + "/sitemaps/leaf.xml</loc></sitemap></sitemapindex>"));
    routes.put("/sitemaps/leaf.xml", ex -> send(ex, "application/xml",
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<url><loc>" + base + "/sitemaps/leaf.xml</loc></url>"
            + "<url><loc>" + base + "/news/3-from-sitemap</loc></url></urlset>"));
    CliRun r = crawl("sources", "feeds: [/feeds/malformed.xml, /feeds/bomb.xml, /feeds/good.xml]\n"
        + "sitemaps: [/sitemaps/bomb.xml, /sitemaps/index.xml]\n");
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.errLines()).containsExactly(
        "error bad-sitemap " + base + "/feeds/malformed.xml: malformed XML at line 13, column 5: The element type \"item\""
            + " must be terminated by the matching end-tag \"</item>\".",
        "error bad-sitemap " + base + "/feeds/bomb.xml: has a DOCTYPE, refused so that no entity is expanded or read"
            + " (line 2, column 10)",
        "error bad-sitemap " + base + "/sitemaps/bomb.xml: has a DOCTYPE, refused so that no entity is expanded or read"
            + " (line 2, column 10)");
    assertThat(archived("sources")).containsExactly("/news/1-listed", "/news/2-from-feed", "/news/3-from-sitemap");
    for (String doc : List.of("/sitemaps/index.xml", "/sitemaps/child.xml", "/sitemaps/leaf.xml", "/feeds/malformed.xml",
        "/feeds/bomb.xml", "/sitemaps/bomb.xml")) {
      assertThat(hits(doc)).as(doc).isEqualTo(1);
    }
    assertArchiveVerifies();
  }

  @Test
  void aBadFeedShowsOnlyItsErrorLineOnTheStderrOfARealProcess() throws Exception {
    routes.put("/feeds/malformed.xml", resource("application/rss+xml", "malformed-feed.xml"));
    Path sites = Sites.write(root, "stderr", base, "feeds: [/feeds/malformed.xml]\n");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The shipped logging set-up, not the tests' one: the library's own warning must not reach stderr.
    Process p = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=logback.xml",
        "-cp", System.getProperty("java.class.path"), "org.newsarchiver.cli.Main", "crawl", "--site", "stderr",
        "--allow-private", "--sites", sites.toString(), "--archive", root.resolve("archive").toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(err.lines())
        .containsExactly("error bad-sitemap " + base + "/feeds/malformed.xml: malformed XML at line 13, column 5: The element"
            + " type \"item\" must be terminated by the matching end-tag \"</item>\".");
  }

  @Test
  void aSitemapOfAMillionUrlsIsReadToTheSizeLimitAndGivesNoMoreThanMaxArticles() throws Exception {
    AtomicLong sent = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    routes.put("/sitemaps/huge.xml", streamed("application/xml",
        "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n", 1_000_000,
        i -> "<url><loc>" + base + "/news/huge-" + i + "</loc></url>\n", "</urlset>\n", sent, finished));
    routes.put("/sitemaps/after.xml", ex -> send(ex, "application/xml",
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<url><loc>" + base + "/news/after-1</loc></url></urlset>"));
    CliRun r = crawl("huge", "sitemaps: [/sitemaps/huge.xml, /sitemaps/after.xml]\nmax_articles: 5\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).isEmpty();
    assertThat(archived("huge")).containsExactly("/news/1-listed", "/news/huge-0", "/news/huge-1", "/news/huge-2",
        "/news/huge-3");
    assertThat(hits("/sitemaps/huge.xml")).isEqualTo(1);
    // Its 50,000 URLs used up the run's sitemap URL budget too: the next sitemap waits for another run.
    assertThat(Limits.MAX_URLS_PER_SITEMAP).isGreaterThanOrEqualTo(Limits.MAX_SITEMAP_URLS_PER_RUN);
    assertThat(hits("/sitemaps/after.xml")).isZero();
    assertThat(finished).isFalse();
    assertThat(sent.get()).isLessThan(3 * Limits.MAX_BODY_BYTES);
    // The capture says the sitemap was cut at the size limit rather than passing its first part off as whole.
    try (Stream<Path> warcs = Files.list(root.resolve("archive/huge/warc"))) {
      List<String> sitemaps = new java.util.ArrayList<>();
      for (Path w : warcs.filter(p -> p.toString().endsWith(".warc.gz")).toList()) {
        try (WarcReader reader = new WarcReader(w)) {
          for (WarcRecord rec : reader) {
            if (rec instanceof WarcResponse resp && resp.target().endsWith("/sitemaps/huge.xml")) {
              sitemaps.add(resp.truncated() + " " + resp.http().body().stream().readAllBytes().length);
            }
          }
        }
      }
      assertThat(sitemaps).containsExactly(WarcTruncationReason.LENGTH + " " + Limits.MAX_BODY_BYTES);
    }
    assertArchiveVerifies();
  }
}
