package org.newsarchiver.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticlesCsv;

/** The commands as a user runs them: arguments in, stdout, stderr and exit code out. */
class CommandLineIT {
  static final Path SITE = Path.of("src/test/resources/crawl/site");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path root;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @org.junit.jupiter.api.BeforeEach
  void noRobots() {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
  }

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  Path sites() throws IOException {
    Path dir = root.resolve("sites");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("loopback-times.yaml"),
        Files.readString(SITE.resolveSibling("site.yaml")).replace("BASE", base()));
    return dir;
  }

  void serve(String path, String file, String type) throws IOException {
    server.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", type)
        .withBody(Files.readAllBytes(SITE.resolve(file)))));
  }

  @Test
  void archiveUrlUsesTheMatchingSiteConfigAndSaysWhereTheTextWent() throws Exception {
    serve("/news/1-ok", "1-ok.html", "text/html; charset=utf-8");
    String url = base() + "/news/1-ok";
    Path archive = root.resolve("archive");
    Run r = run("archive", url, "--sites", sites().toString(), "--archive", archive.toString());
    String id = ArticleId.of(URI.create(url));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("archived " + url + "\n"
        + "  text: " + archive.resolve("loopback-times/2024/10/" + id + ".txt") + "\n"
        + "  row:  " + archive.resolve("loopback-times/articles.csv") + " (id " + id + ")\n");
    List<ArchiveRow> rows = new ArticlesCsv(archive.resolve("loopback-times/articles.csv")).readAll();
    assertThat(rows).extracting(ArchiveRow::title, ArchiveRow::published, ArchiveRow::readCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Council approves the new bridge", "2024-10-28", 726L));

    Run again = run("archive", url, "--sites", sites().toString(), "--archive", archive.toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).startsWith("already archived " + url + "\n");
    assertThat(new ArticlesCsv(archive.resolve("loopback-times/articles.csv")).readAll()).hasSize(1);
  }

  @Test
  void archiveUrlOfAnUnconfiguredSiteUsesThePagesOwnMetadata() throws Exception {
    server.stubFor(get("/2024/11/01/plain-page").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html lang=en><head><title>Plain page - Somewhere</title>"
            + "<meta property='og:title' content='Plain page'>"
            + "<meta property='article:published_time' content='2024-11-01T08:00:00+01:00'></head>"
            + "<body><article><h1>Plain page</h1><p>A page with no site config still gets archived from its metadata,"
            + " which is what a user expects of a one-off archive command.</p></article></body></html>")));
    Path archive = root.resolve("archive");
    Run r = run("archive", base() + "/2024/11/01/plain-page", "--sites", root.resolve("none").toString(),
        "--archive", archive.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    List<ArchiveRow> rows = new ArticlesCsv(archive.resolve("127.0.0.1/articles.csv")).readAll();
    assertThat(rows).extracting(ArchiveRow::title, ArchiveRow::published)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Plain page", "2024-11-01T08:00:00+01:00"));
  }

  @Test
  void archiveRefusesANonHttpUrl() {
    Run r = run("archive", "file:///etc/passwd", "--archive", root.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("error bad-url file:///etc/passwd: only absolute http:// and https:// URLs can be archived\n");
    assertThat(root.resolve("etc")).doesNotExist();
  }

  @Test
  void reportsAFetchFailureAsOneLineAndExitsOne() throws Exception {
    server.stubFor(get("/news/9-gone").willReturn(aResponse().withStatus(404)));
    String url = base() + "/news/9-gone";
    Run r = run("archive", url, "--sites", sites().toString(), "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.err()).isEqualTo("error http-4xx " + url + ": HTTP 404 Not Found\n");
    assertThat(new ArticlesCsv(root.resolve("archive/loopback-times/articles.csv")).readAll()).isEmpty();
  }

  @Test
  void reportsARefusedConnection() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/news/1";
    Run r = run("archive", url, "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.err()).startsWith("error refused " + url + ": ").doesNotContain("\n\tat ").hasLineCount(1);
  }

  @Test
  void reportsANonHtmlResponse() throws Exception {
    server.stubFor(get("/news/7-pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
        .withBody("%PDF-1.7 not a page")));
    String url = base() + "/news/7-pdf";
    Run r = run("archive", url, "--sites", sites().toString(), "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.err()).startsWith("error not-html " + url + ": ").hasLineCount(1);
  }

  @Test
  void crawlOfAnUnknownSiteIsAConfigError() throws Exception {
    Run r = run("crawl", "--site", "nope", "--sites", sites().toString(), "--archive", root.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("error config " + sites().resolve("nope.yaml")
        + ": no such site config; run 'news-archiver sites' to list them\n");
  }

  @Test
  void crawlAllRunsTheGoodSitesAndReportsTheBadConfig() throws Exception {
    server.stubFor(get("/news/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        Files.readString(SITE.resolve("listing.html")).replace("OFFSITE", "http://localhost:" + server.getPort()))));
    serve("/news/1-ok", "1-ok.html", "text/html");
    Path dir = sites();
    Files.writeString(dir.resolve("broken.yaml"), "name: broken\nbase_url: https://x.example/\narticle_pattern: '(('\n");
    Run r = run("crawl", "--all", "--allow-private", "--sites", dir.toString(), "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("error config " + dir.resolve("broken.yaml") + ": article_pattern: '((' is not a regular expression");
    assertThat(r.out()).startsWith("loopback-times: 1 listing pages, 5 article links, 1 new, 0 already archived, 0 duplicates, 4 failed in ");
    assertThat(r.err()).contains("error http-4xx " + base() + "/news/2-missing: HTTP 404 Not Found\n");
  }

  @Test
  void statusShowsTheLastRunArticlesAndFailuresOfEachSite() throws Exception {
    server.stubFor(get("/news/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        Files.readString(SITE.resolve("listing.html")).replace("OFFSITE", "http://localhost:" + server.getPort()))));
    serve("/news/1-ok", "1-ok.html", "text/html");
    server.stubFor(get("/news/2-missing").willReturn(aResponse().withStatus(404)));
    String archive = root.resolve("archive").toString();
    run("crawl", "--site", "loopback-times", "--allow-private", "--sites", sites().toString(), "--archive", archive);
    Run r = run("status", "--sites", sites().toString(), "--archive", archive);
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("loopback-times");
    assertThat(lines.get(1)).startsWith("  last run:   ").endsWith(", 1 new, 0 already archived, 4 failed");
    assertThat(lines.get(2)).startsWith("  next run:   ").endsWith(" (schedule '0 0 * * * ?', when 'run' is running)");
    assertThat(lines.get(3)).isEqualTo("  archived:   1 article(s)");
    assertThat(lines.get(4)).startsWith("  failing:    4 URL(s), last: ");
  }

  @Test
  void crawlFlagsASiteWhosePatternNoLongerMatchesAnyLink() throws Exception {
    server.stubFor(get("/news/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><a href='/articles/2024/redesigned-url'>A story</a></body></html>")));
    Run r = run("crawl", "--site", "loopback-times", "--allow-private", "--sites", sites().toString(),
        "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).endsWith("; DRIFT: article_pattern matched no link on 1 listing page(s)\n");
    Run status = run("status", "--sites", sites().toString(), "--archive", root.resolve("archive").toString());
    assertThat(status.out()).contains("  DRIFT:      article_pattern matched no link on 1 listing page(s)\n");
  }

  @Test
  void checkSitePrintsWhatSelectorsAndGenericExtractorFindFieldByField() throws Exception {
    server.stubFor(get("/news/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        Files.readString(SITE.resolve("listing.html")).replace("OFFSITE", "http://localhost:" + server.getPort()))));
    serve("/news/1-ok", "1-ok.html", "text/html");
    Run r = run("check-site", "loopback-times", "--articles", "1", "--allow-private", "--sites", sites().toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("loopback-times: 5 article link(s) on " + base() + "/news/");
    assertThat(lines.get(2)).isEqualTo(base() + "/news/1-ok");
    assertThat(lines.get(4)).isEqualTo(String.format("  %-11s %-50s %s", "title",
        "Council approves the new bridge", "Council approves the new bridge"));
    assertThat(lines.get(5)).startsWith(String.format("  %-11s %-50s ", "published", "2024-10-28"));
    assertThat(lines.get(6)).isEqualTo(String.format("  %-11s %-50s %s", "read_count", "726", "726"));
    assertThat(lines.get(9)).isEqualTo(String.format("  %-11s %-50s %s", "body",
        "2 paragraphs, 23 words: The city council voted …", "2 paragraphs, 23 words: The city council voted …"));
    assertThat(new java.io.File(root.resolve("archive").toString())).doesNotExist();
  }

  @Test
  void sitesListsValidConfigsAndRefusesBadOnes() throws Exception {
    Path dir = sites();
    Files.writeString(dir.resolve("typo.yaml"), "name: typo\nbase_url: https://x.example/\narticle_pattern: x\nstart_page: /\n");
    Run r = run("sites", "--sites", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).startsWith("loopback-times ").endsWith("1 site(s) ok, 1 refused\n");
    assertThat(r.err()).startsWith("error config " + dir.resolve("typo.yaml") + ": start_page: unknown field; known fields here are ");
  }

  @Test
  void extractPrintsTheStableJsonContract() throws Exception {
    Run r = run("extract", "--generic", "--url", "https://news.example/news/1-ok", SITE.resolve("1-ok.html").toString());
    assertThat(r.code()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.get("url").asText()).isEqualTo("https://news.example/news/1-ok");
    assertThat(json.get("title").asText()).isEqualTo("Council approves the new bridge");
    assertThat(json.get("readCount").isNull() || json.get("readCount").isNumber()).isTrue();
    assertThat(json.get("text").asText()).startsWith("The city council voted on Monday");
    assertThat(json.has("published")).isTrue();
  }

  @Test
  void extractOfTheSeedPagePrintsExactlyItsFields() throws Exception {
    Path dir = Path.of("src/test/resources/sites/seed-news");
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var expected = mapper.readTree(dir.resolve("article-1.expected.json").toFile());
    String url = expected.get("url").asText();
    Run r = run("extract", "--sites", "sites", "--url", url, dir.resolve("article-1.html").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    var json = mapper.readTree(r.out());
    assertThat(json.get("url").asText()).isEqualTo(url);
    assertThat(json.get("title").asText()).isEqualTo("North Korean troops are now in Kursk to help Russia, NATO confirms");
    assertThat(json.get("published").asText()).isEqualTo("2024-10-28");
    assertThat(json.get("readCount").asLong()).isEqualTo(726L);
    assertThat(json.get("source").asText()).isEqualTo("Politico");
    String text = json.get("text").asText();
    assertThat(text).isEqualTo(expected.get("text").asText());
    assertThat(text).startsWith("North Korean soldiers assisting Moscow").endsWith("he added.")
        .doesNotContain("\u00A0").doesNotContain("News Line").doesNotContain("More about")
        .doesNotContain("North Korean troops are now in Kursk to help Russia, NATO confirms");
  }

  @Test
  void extractTextFormatIsTheArchivesTextFile() throws Exception {
    Run r = run("extract", "--generic", "--format", "text", SITE.resolve("1-ok.html").toString());
    assertThat(r.out()).isEqualTo("Council approves the new bridge\n\n"
        + "The city council voted on Monday to build a new bridge over the river.\n\n"
        + "Work starts in spring and should take two years.\n");
  }

  @Test
  void extractJsonLinesGivesOneLinePerFileAndAnErrorLineForAnUnreadableOne() throws Exception {
    Path map = root.resolve("map.tsv");
    Files.writeString(map, SITE.resolve("1-ok.html") + "\thttps://news.example/news/1-ok\n");
    Run r = run("extract", "--format", "jsonl", "--generic", "--urls", map.toString(),
        SITE.resolve("1-ok.html").toString(), root.resolve("missing.html").toString(), SITE.resolve("5-twice.html").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(mapper.readTree(lines.get(0)).get("file").asText()).isEqualTo(SITE.resolve("1-ok.html").toString());
    assertThat(mapper.readTree(lines.get(0)).get("url").asText()).isEqualTo("https://news.example/news/1-ok");
    assertThat(mapper.readTree(lines.get(1)).get("error").asText()).startsWith("cannot read: ");
    assertThat(mapper.readTree(lines.get(2)).get("title").asText()).isEqualTo("Library opens late");
  }

  @Test
  void extractRefusesABinaryFileAndADirectoryWithOneClearLineEachAndGoesOn() throws Exception {
    Path pdf = Files.write(root.resolve("report.html"), "%PDF-1.7\n%binary".getBytes(StandardCharsets.ISO_8859_1));
    Path noise = Files.write(root.resolve("noise.html"), new byte[] {'x', 0, 1, 2, (byte) 0xff, 0, 'y'});
    Path dir = Files.createDirectories(root.resolve("pages"));
    Run r = run("extract", "--format", "jsonl", "--generic", pdf.toString(), noise.toString(), dir.toString(),
        SITE.resolve("1-ok.html").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.out().lines().limit(3).toList()).containsExactly(
        "{\"file\":\"" + pdf + "\",\"error\":\"not an HTML page: its first bytes say application/pdf; extract reads saved HTML pages\"}",
        "{\"file\":\"" + noise + "\",\"error\":\"not an HTML page: its first bytes say application/octet-stream; extract reads saved HTML pages\"}",
        "{\"file\":\"" + dir + "\",\"error\":\"cannot read: it is a directory; name the page files in it\"}");
    assertThat(r.out().lines().skip(3).findFirst().orElseThrow()).contains("\"title\":\"Council approves the new bridge\"");
    assertThat(r.err().lines().toList()).containsExactly(
        "error extract " + pdf + ": not an HTML page: its first bytes say application/pdf; extract reads saved HTML pages",
        "error extract " + noise + ": not an HTML page: its first bytes say application/octet-stream; extract reads saved HTML pages",
        "error extract " + dir + ": cannot read: it is a directory; name the page files in it");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = run("crawl", "--al");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("error usage ");
  }
}
