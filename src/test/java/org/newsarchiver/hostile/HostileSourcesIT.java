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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
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
  static Handler streamed(String type, String head, long parts, LongFunction<String> part, String tail,
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

  /**
   * How many generated entries a cut at {@code limit} bytes leaves whole: those whose {@code </loc>}
   * ends before it (the parser takes a URL at its {@code </loc>}).
   */
  static long urlsWithin(long limit, String head, LongFunction<String> entry) {
    long at = head.length();
    long n = 0;
    while (at + entry.apply(n).length() - "</url>\n".length() <= limit) at += entry.apply(n++).length();
    return n;
  }

  int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  @Test
  void aTenMegabyteRobotsTxtIsCutAt500KiBWithAWarningAndTheRulesInItsFirstPartApply() throws Exception {
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
    // Sent chunked, its size is unknown; consulted for every page of the run, it is warned of once.
    assertThat(r.errLines()).containsExactly(
        "warning truncated-robots " + base + "/robots.txt: read the first 500 KiB of a longer file and obeyed it to its"
            + " last whole line; its rules and Sitemap: lines past that are ignored; if it names sitemaps past the cut,"
            + " list them under sitemaps: in sites/bigrobots.yaml",
        "error robots " + base + "/news/private-2: disallowed by robots.txt");
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
  void aSitemapOfAMillionUrlsIsReadToTheSizeLimitAndGivesNoMoreThanMaxArticlesWithAWarningForEachLimitMet() throws Exception {
    AtomicLong sent = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    String head = "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    LongFunction<String> entry = i -> "<url><loc>" + base + "/news/huge-" + i + "</loc></url>\n";
    routes.put("/sitemaps/huge.xml", streamed("application/xml", head, 1_000_000, entry, "</urlset>\n", sent, finished));
    routes.put("/sitemaps/after.xml", ex -> send(ex, "application/xml",
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<url><loc>" + base + "/news/after-1</loc></url></urlset>"));
    CliRun r = crawl("huge", "sitemaps: [/sitemaps/huge.xml, /sitemaps/after.xml]\nmax_articles: 5\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).containsExactly(
        "warning too-many-urls " + base + "/sitemaps/huge.xml: kept the first 50,000 of the "
            + String.format(Locale.ROOT, "%,d", urlsWithin(Limits.MAX_BODY_BYTES, head, entry))
            + " URLs in its first 10 MiB (at most 50,000 are taken from one sitemap); list smaller sitemaps of the site"
            + " under sitemaps: in sites/huge.yaml instead",
        "warning sitemap-budget huge: took 50,000 URLs from 1 feed or sitemap, the most URLs per run, and left 1 more feed"
            + " or sitemap unread; list fewer, smaller sitemaps (a news sitemap, an index's recent parts) under sitemaps:"
            + " in sites/huge.yaml");
    assertThat(r.out().lines()).singleElement().asString().matches("huge: 1 listing pages, 50001 article links, 5 new,"
        + " 0 already archived, 0 duplicates, 0 failed in \\d+\\.\\d s; WARNINGS: 1 too-many-urls, 1 sitemap-budget");
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

  /** The stdout of a one-site crawl: its summary line, the elapsed time left open. */
  static String summary(String site, int links, int added, String warnings) {
    return "\\Q" + site + ": 1 listing pages, " + links + " article links, " + added + " new, 0 already archived,"
        + " 0 duplicates, 0 failed in \\E\\d+\\.\\d s\\Q; WARNINGS: " + warnings + "\\E";
  }

  /** A 3 KiB sitemap of 40 articles, whose first KiB ends a few bytes into a URL; and how many URLs precede that. */
  record CutSitemap(String doc, long kept) {}

  CutSitemap sitemapCutAt1KiB() {
    int limit = 1024;
    String head = "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    LongFunction<String> entry = i -> String.format(Locale.ROOT, "<url><loc>%s/news/s-%02d</loc></url>\n", base, i);
    int length = entry.apply(0).length();
    // A comment after the head puts the cut a few bytes into a URL: it and all after it are left out.
    int pad = Math.floorMod(limit - head.length() - 12, length);
    if (pad < "<!---->".length()) pad += length;
    String padded = head + comment(pad);
    StringBuilder doc = new StringBuilder(padded);
    for (int i = 0; i < 40; i++) doc.append(entry.apply(i));
    doc.append(comment(3 * 1024 - doc.length() - "</urlset>\n".length())).append("</urlset>\n");
    assertThat(doc).hasSize(3 * 1024);
    long kept = urlsWithin(limit, padded, entry);
    assertThat(kept).isBetween(5L, 39L);
    return new CutSitemap(doc.toString(), kept);
  }

  List<String> listedAndFirst(long kept) {
    List<String> expected = new java.util.ArrayList<>(List.of("/news/1-listed"));
    for (long i = 0; i < kept; i++) expected.add(String.format(Locale.ROOT, "/news/s-%02d", i));
    return expected;
  }

  @Test
  void aSitemapOverTheBodySizeLimitWarnsWhatWasKeptAndTheUrlsBeforeTheCutAreArchived() throws Exception {
    CutSitemap sitemap = sitemapCutAt1KiB();
    routes.put("/sitemaps/big.xml", ex -> send(ex, "application/xml", sitemap.doc()));
    CliRun r = crawl("bigsitemap", "  max_body_size: 1KiB\nsitemaps: [/sitemaps/big.xml]\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).containsExactly("warning truncated-sitemap " + base + "/sitemaps/big.xml: read the first 1 KiB"
        + " of 3 KiB (request.max_body_size), " + sitemap.kept() + " URLs kept; raise request.max_body_size in"
        + " sites/bigsitemap.yaml or list smaller sitemaps of the site under sitemaps: instead");
    int links = (int) sitemap.kept() + 1;
    assertThat(r.out().lines()).singleElement().asString().matches(summary("bigsitemap", links, links, "1 truncated-sitemap"));
    assertThat(archived("bigsitemap")).containsExactlyElementsOf(listedAndFirst(sitemap.kept()));
    assertArchiveVerifies();
  }

  @Test
  void aGzippedSitemapInflatingPastTheBodySizeLimitWarnsWhatWasKeptAndTheUrlsBeforeTheCutAreArchived() throws Exception {
    CutSitemap sitemap = sitemapCutAt1KiB();
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(sitemap.doc().getBytes(StandardCharsets.UTF_8));
    }
    assertThat(gz.size()).isLessThan(1024); // whole as fetched: only inflating meets the limit
    routes.put("/sitemaps/big.xml.gz", ex -> send(ex, "application/x-gzip", gz.toByteArray()));
    CliRun r = crawl("gzsitemap", "  max_body_size: 1KiB\nsitemaps: [/sitemaps/big.xml.gz]\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).containsExactly("warning truncated-sitemap " + base + "/sitemaps/big.xml.gz: inflated the"
        + " gzipped sitemap to its first 1 KiB (request.max_body_size), " + sitemap.kept() + " URLs kept; raise"
        + " request.max_body_size in sites/gzsitemap.yaml or list smaller sitemaps of the site under sitemaps: instead");
    assertThat(archived("gzsitemap")).containsExactlyElementsOf(listedAndFirst(sitemap.kept()));
    assertArchiveVerifies();
  }

  static String comment(int length) {
    return "<!--" + " ".repeat(length - "<!---->".length()) + "-->";
  }

  @Test
  void aSitemapOfMoreThan50000UrlsWarnsThatOnlyTheFirst50000WereKeptAndArchivesTheArticlesAmongThem() throws Exception {
    AtomicLong sent = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    int others = Limits.MAX_URLS_PER_SITEMAP;
    // three articles, then 50,000 other pages of the site, then one article past the cap
    routes.put("/sitemaps/many.xml", streamed("application/xml",
        "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n", others + 4,
        i -> "<url><loc>" + base + (i < 3 ? "/news/cap-" + i : i < others + 3 ? "/other/" + i : "/news/cap-last")
            + "</loc></url>\n", "</urlset>\n", sent, finished));
    CliRun r = crawl("manyurls", "sitemaps: [/sitemaps/many.xml]\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).containsExactly("warning too-many-urls " + base + "/sitemaps/many.xml: kept the first 50,000 of"
        + " its 50,004 URLs (at most 50,000 are taken from one sitemap); list smaller sitemaps of the site under sitemaps:"
        + " in sites/manyurls.yaml instead");
    assertThat(r.out().lines()).singleElement().asString().matches(summary("manyurls", 4, 4, "1 too-many-urls"));
    assertThat(archived("manyurls")).containsExactly("/news/1-listed", "/news/cap-0", "/news/cap-1", "/news/cap-2");
    assertThat(hits("/news/cap-last")).isZero();
    assertThat(finished).isTrue();
    assertArchiveVerifies();
  }

  @Test
  void aSitemapIndexWithMoreChildrenThanTheRunMayReadWarnsOnceNamingTheSite() throws Exception {
    int children = Limits.MAX_SITEMAPS_PER_RUN + 2;
    StringBuilder index = new StringBuilder("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (int i = 0; i < children; i++) {
      index.append("<sitemap><loc>").append(base).append("/sitemaps/part-").append(i).append(".xml</loc></sitemap>");
      int n = i;
      // the first and the last part list an article, the others a page that is none
      String url = n == 0 || n == children - 1 ? "/news/part-" + n : "/other/" + n;
      routes.put("/sitemaps/part-" + n + ".xml", ex -> send(ex, "application/xml",
          "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + base + url
              + "</loc></url></urlset>"));
    }
    routes.put("/sitemaps/index.xml", ex -> send(ex, "application/xml", index.append("</sitemapindex>").toString()));
    CliRun r = crawl("budget", "sitemaps: [/sitemaps/index.xml]\n");
    assertThat(r.code()).as(r.err()).isZero();
    // the index and 49 of its parts make the 50 documents of a run; 3 parts are left
    assertThat(r.errLines()).containsExactly("warning sitemap-budget budget: read 50 feeds and sitemaps, the most per run,"
        + " and left 3 more feeds and sitemaps unread; list fewer, smaller sitemaps (a news sitemap, an index's recent"
        + " parts) under sitemaps: in sites/budget.yaml");
    assertThat(r.out().lines()).singleElement().asString().matches(summary("budget", 2, 2, "1 sitemap-budget"));
    assertThat(archived("budget")).containsExactly("/news/1-listed", "/news/part-0");
    assertThat(hits("/sitemaps/part-48.xml")).isEqualTo(1);
    assertThat(hits("/sitemaps/part-49.xml") + hits("/sitemaps/part-50.xml") + hits("/sitemaps/part-51.xml")).isZero();
    assertArchiveVerifies();
  }

  @Test
  void aRobotsTxtOverTheSitesBodySizeLimitWarnsToRaiseItAndItsSitemapPastTheCutIsNotRead() throws Exception {
    String rules = "User-agent: *\nAllow: /\n";
    String sitemapLine = "Sitemap: " + base + "/sitemaps/from-robots.xml\n";
    String robots = rules + "#".repeat(3 * 1024 - rules.length() - sitemapLine.length() - 1) + "\n" + sitemapLine;
    assertThat(robots).hasSize(3 * 1024);
    routes.put("/robots.txt", ex -> send(ex, "text/plain", robots));
    routes.put("/sitemaps/from-robots.xml", ex -> send(ex, "application/xml",
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + base
            + "/news/2-from-robots</loc></url></urlset>"));
    CliRun r = crawl("smallrobots", "  max_body_size: 2KiB\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).containsExactly("warning truncated-robots " + base + "/robots.txt: read the first 2 KiB of 3 KiB"
        + " and obeyed it to its last whole line; its rules and Sitemap: lines past that are ignored; raise"
        + " request.max_body_size in sites/smallrobots.yaml (robots.txt is read to 500 KiB at most)");
    assertThat(r.out().lines()).singleElement().asString().matches(summary("smallrobots", 1, 1, "1 truncated-robots"));
    assertThat(archived("smallrobots")).containsExactly("/news/1-listed");
    assertThat(hits("/robots.txt")).isEqualTo(1);
    assertThat(hits("/sitemaps/from-robots.xml")).isZero();
    assertArchiveVerifies();
  }
}
