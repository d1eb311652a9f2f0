package org.newsarchiver.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.cli.ExitCodes;

/** URLs and titles built to escape the archive or a spreadsheet, and links that try to leave the site. */
class SecurityIT {
  static final Pattern TEXT_FILE = Pattern.compile("\\d{4}/\\d{2}/[a-z0-9-]{1,80}\\.txt");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path root;

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  void serveListing(String... hrefs) {
    StringBuilder b = new StringBuilder("<html><body>");
    for (String h : hrefs) b.append("<a href=\"").append(h).append("\">link</a>\n");
    server.stubFor(get("/news/").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(b.append("</body></html>").toString())));
  }

  /** Every article page has the same hostile title and a body naming its own URL, so texts differ. */
  void serveArticles(String titleHtml) {
    server.stubFor(get(urlPathMatching("/news/.+")).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><article><h1>" + titleHtml + "</h1><div class=body><p>This body is long enough to be"
            + " an article, and it names its address: {{request.url}}</p></div></article></body></html>")
        .withTransformers("response-template")));
  }

  @Test
  void noUrlOrTitleWritesOutsideTheArchiveRoot() throws Exception {
    serveListing("/news/..%2F..%2F..%2F..%2Fescape-dotdot", "/news/%2Fetc%2Fescape-absolute",
        "/news/C:%5Cwindows%5Cescape-backslash", "/news/..%5C..%5Cescape-winparent", "/news/nul%00byte",
        "/news/" + "long".repeat(300), "/news/CON", "/news/nul.txt", "/news/aux.", "/news/COM1",
        "/news/%2e%2e/%2e%2e/escape-dots", "/news/~root/.ssh/authorized_keys", "/news/...", "/news/%20");
    serveArticles("../../../escape-title/..\\..\\CON\u0000");
    Path archive = root.resolve("work/archive");
    CliRun r = CliRun.run("crawl", "--site", "paths", "--allow-private", "--sites",
        Sites.write(root, "paths", base(), "").toString(), "--archive", archive.toString());
    assertThat(r.code()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.PAGES_FAILED);
    List<ArchiveRow> rows = new ArticlesCsv(archive.resolve("paths/articles.csv")).readAll();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
    for (ArchiveRow row : rows) {
      assertThat(ArticleId.isValid(row.id())).as(row.id()).isTrue();
      assertThat(row.textFile()).as(row.url()).matches(TEXT_FILE).endsWith("/" + row.id() + ".txt");
      // Windows refuses these names with any extension: the id's hash suffix keeps every name clear of them.
      String stem = row.id().split("\\.")[0];
      assertThat(stem).as(row.url()).doesNotMatch("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");
      assertThat(row.title()).doesNotContain("\u0000");
    }
    // Nothing anywhere but the site folder under the root, and nothing next to the root.
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')))
          .allMatch(p -> p.equals("sites/paths.yaml")
              || p.matches("work/archive/paths/(\\.lock|articles\\.csv|state/[a-z]+\\.(csv|tsv)|state/index\\.mv\\.db|state/clean-close|warc/digests\\.tsv|"
                  + "warc/\\d{4}-\\d{2}-\\d{2}-\\d+\\.warc\\.gz|" + TEXT_FILE.pattern() + ")"));
    }
    try (Stream<Path> files = Files.list(archive)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("paths");
    }
  }

  @Test
  void csvKeepsQuotesCommasAndFormulaLikeTitlesAsExactData() throws Exception {
    List<String> titles = List.of("He said \"no\", then left", "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+1 555 0100", "-2 degrees, again", "@SUM(A1:A9)", "Line one", "Tab\there");
    for (int i = 0; i < titles.size(); i++) {
      String html = titles.get(i).replace("&", "&amp;").replace("<", "&lt;");
      if (html.equals("Line one")) html = "Line one<br>\nLine two\r\n  and three";
      server.stubFor(get("/news/t" + i).willReturn(aResponse().withHeader("Content-Type", "text/html")
          .withBody("<html><body><article><h1>" + html + "</h1><div class=body><p>Body of title number " + i
              + ", long enough to be an article body for this test.</p></div></article></body></html>")));
    }
    serveListing("/news/t0", "/news/t1", "/news/t2", "/news/t3", "/news/t4", "/news/t5", "/news/t6");
    Path archive = root.resolve("archive");
    CliRun r = CliRun.run("crawl", "--site", "quotes", "--allow-private", "--sites",
        Sites.write(root, "quotes", base(), "").toString(), "--archive", archive.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path csv = archive.resolve("quotes/articles.csv");
    List<ArchiveRow> rows = new ArticlesCsv(csv).readAll();
    assertThat(rows).extracting(ArchiveRow::title).containsExactlyInAnyOrder("He said \"no\", then left",
        "=HYPERLINK(\"http://evil.example\",\"x\")", "+1 555 0100", "-2 degrees, again", "@SUM(A1:A9)",
        "Line one Line two and three", "Tab here");
    String raw = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(raw.lines()).hasSize(1 + titles.size());
    assertThat(raw).doesNotContain("\r").endsWith("\n")
        .contains(",\"He said \"\"no\"\", then left\",")
        .contains(",\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",")
        .contains(",+1 555 0100,", ",\"-2 degrees, again\",", ",@SUM(A1:A9),", ",Line one Line two and three,");
  }

  @Test
  void crawlFollowsOnlyTheSitesOwnHosts() throws Exception {
    serveListing("/news/1-own", "http://localhost:" + server.getPort() + "/news/2-other-host",
        "http://[::1]:" + server.getPort() + "/news/3-ipv6", "https://evil.example/news/4-evil", "//evil.example/news/5-scheme-relative");
    serveArticles("Own story");
    CliRun r = CliRun.run("crawl", "--site", "hosts", "--allow-private", "--sites",
        Sites.write(root, "hosts", base(), "").toString(), "--archive", root.resolve("archive").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(q -> q.getUrl())
        .containsExactlyInAnyOrder("/robots.txt", "/news/", "/news/1-own");
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).allMatch(q -> q.getHost().equals("127.0.0.1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://127.0.0.1/news/1", "javascript:alert(1)",
      "data:text/html,<h1>x</h1>", "jar:file:///tmp/x.jar!/a", "gopher://127.0.0.1:70/", "news/relative", "//127.0.0.1/x"})
  void archiveRefusesUrlsThatAreNotHttp(String url) {
    CliRun r = CliRun.run("archive", url, "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("error bad-url " + url + ": only absolute http:// and https:// URLs can be archived\n");
    assertThat(root.resolve("archive")).doesNotExist();
  }
}
