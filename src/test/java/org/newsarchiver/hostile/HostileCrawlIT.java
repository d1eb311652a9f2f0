package org.newsarchiver.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.cli.ExitCodes;
import org.newsarchiver.config.Limits;

/** Whole crawls through the CLI against pages that lie about themselves or try to trap the crawler. */
class HostileCrawlIT {
  static final String BODY_1 = "The first paragraph is long enough to be taken for the body of an article by anyone.";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path root;

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  static ResponseDefinitionBuilder page(byte[] body, String contentType) {
    ResponseDefinitionBuilder r = aResponse().withBody(body);
    return contentType == null ? r : r.withHeader("Content-Type", contentType);
  }

  void listing(String... paths) {
    StringBuilder b = new StringBuilder("<html><body>");
    for (String p : paths) b.append("<a href='").append(p).append("'>link</a>\n");
    server.stubFor(get("/news/").willReturn(page(b.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8),
        "text/html; charset=utf-8")));
  }

  CliRun crawl(String site, String extraYaml) throws Exception {
    return CliRun.run("crawl", "--site", site, "--allow-private", "--sites",
        Sites.write(root, site, base(), extraYaml).toString(), "--archive", root.resolve("archive").toString());
  }

  Map<String, ArchiveRow> rows(String site) throws Exception {
    return new ArticlesCsv(root.resolve("archive").resolve(site).resolve("articles.csv")).readAll().stream()
        .collect(Collectors.toMap(r -> r.url().substring(base().length()), r -> r));
  }

  String text(String site, ArchiveRow row) throws Exception {
    return Files.readString(root.resolve("archive").resolve(site).resolve(row.textFile()));
  }

  @Test
  void aCharsetThatLiesIsCaughtAndTheTextIsArchivedCorrectly() throws Exception {
    Charset cp1251 = Charset.forName("windows-1251");
    String html = "<html lang=ru><head><meta charset=windows-1251><title>Новости</title></head><body><article>"
        + "<h1>Мост открыт после ремонта</h1><p class=date>3 October 2024</p><div class=body>"
        + "<p>Городской совет в понедельник открыл мост после долгого ремонта, сообщают наши корреспонденты.</p>"
        + "</div></article></body></html>";
    listing("/news/1-lying");
    server.stubFor(get("/news/1-lying").willReturn(page(html.getBytes(cp1251), "text/html; charset=utf-8")));
    CliRun r = crawl("lying", "");
    assertThat(r.code()).as(r.err()).isZero();
    ArchiveRow row = rows("lying").get("/news/1-lying");
    assertThat(row.title()).isEqualTo("Мост открыт после ремонта");
    assertThat(text("lying", row)).isEqualTo("Мост открыт после ремонта\n\n"
        + "Городской совет в понедельник открыл мост после долгого ремонта, сообщают наши корреспонденты.\n");
  }

  @Test
  void missingOrGenericContentTypesAreSniffedAndBinariesAreRefusedAsNotHtml() throws Exception {
    byte[] html = Sites.article("Sniffed", "3 October 2024", BODY_1).getBytes(StandardCharsets.UTF_8);
    listing("/news/1-none", "/news/2-octets", "/news/3-pdf-as-html", "/news/4-pdf", "/news/5-image");
    server.stubFor(get("/news/1-none").willReturn(page(html, null)));
    server.stubFor(get("/news/2-octets").willReturn(page(
        Sites.article("Octets", "3 October 2024", BODY_1 + " Two.").getBytes(StandardCharsets.UTF_8),
        "application/octet-stream")));
    server.stubFor(get("/news/3-pdf-as-html").willReturn(page("%PDF-1.7\n%binary".getBytes(StandardCharsets.ISO_8859_1), "text/html")));
    server.stubFor(get("/news/4-pdf").willReturn(page("%PDF-1.4 report".getBytes(StandardCharsets.ISO_8859_1), "application/pdf")));
    server.stubFor(get("/news/5-image").willReturn(page(html, "image/jpeg")));
    CliRun r = crawl("types", "");
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(rows("types")).containsOnlyKeys("/news/1-none", "/news/2-octets");
    assertThat(r.errLines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("error not-html " + base() + "/news/"));
    assertThat(r.err()).contains("error not-html " + base() + "/news/3-pdf-as-html: ",
        "error not-html " + base() + "/news/4-pdf: ", "error not-html " + base() + "/news/5-image: ");
  }

  @Test
  void aPageWithNoBodyOrNoBytesIsOneErrorLineEachAndTheCrawlGoesOn() throws Exception {
    listing("/news/1-head-only", "/news/2-ok", "/news/3-zero-bytes");
    server.stubFor(get("/news/3-zero-bytes").willReturn(page(new byte[0], "text/html")));
    server.stubFor(get("/news/1-head-only").willReturn(page(
        "<html><head><title>Only a head</title><meta charset=utf-8></head></html>".getBytes(StandardCharsets.UTF_8), "text/html")));
    server.stubFor(get("/news/2-ok").willReturn(page(
        Sites.article("Fine", "3 October 2024", BODY_1).getBytes(StandardCharsets.UTF_8), "text/html")));
    CliRun r = crawl("nobody", "");
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.errLines()).containsExactly(
        "error empty " + base() + "/news/1-head-only: page has a title but no body text",
        "error empty " + base() + "/news/3-zero-bytes: page has no text at all");
    assertThat(rows("nobody")).containsOnlyKeys("/news/2-ok");
  }

  @Test
  void aPaywallTeaserAConsentWallAndAScriptShellAreReportedKeptRawAndNotArchived() throws Exception {
    listing("/news/1-teaser", "/news/2-consent", "/news/3-shell", "/news/4-metered");
    serveFixture("/news/1-teaser", "paywalls/teaser-offer-after-article-fr.html");
    serveFixture("/news/2-consent", "consent-wall.html");
    serveFixture("/news/3-shell", "app-shell.html");
    serveFixture("/news/4-metered", "paywalls/metered-sign-in-window.html");
    CliRun r = crawl("walls", "");
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.errLines()).containsExactly(
        "error paywalled " + base() + "/news/1-teaser: page shows a paywall teaser instead of the article",
        "error blocked " + base() + "/news/2-consent: page is a consent wall, bot check or CAPTCHA",
        "error needs-javascript " + base() + "/news/3-shell: page builds its text with JavaScript");
    // the metered site's article is whole, its hidden sign-in window notwithstanding
    assertThat(rows("walls")).containsOnlyKeys("/news/4-metered");
    // what was refused is kept as it came, for a later look or re-extraction
    List<String> captured = new java.util.ArrayList<>();
    try (var warcs = Files.list(root.resolve("archive/walls/warc"))) {
      for (Path w : warcs.filter(p -> p.toString().endsWith(".warc.gz")).toList()) {
        try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(w)) {
          for (org.netpreserve.jwarc.WarcRecord rec : reader) {
            if (rec instanceof org.netpreserve.jwarc.WarcResponse resp && resp.target().contains("/news/")) {
              captured.add(resp.target().substring(base().length()));
            }
          }
        }
      }
    }
    assertThat(captured).contains("/news/1-teaser", "/news/2-consent", "/news/3-shell", "/news/4-metered");
  }

  private void serveFixture(String path, String fixture) throws Exception {
    byte[] html = Files.readAllBytes(Path.of("src/test/resources/extract", fixture));
    server.stubFor(get(path).willReturn(page(html, "text/html; charset=utf-8")));
  }

  @Test
  void anImpossibleDateLeavesPublishedEmptyAndIsNeverRolledOver() throws Exception {
    listing("/news/1-oct32", "/news/2-feb30", "/news/3-month13");
    server.stubFor(get("/news/1-oct32").willReturn(page(
        Sites.article("October 32", "32 October 2024", BODY_1 + " One.").getBytes(StandardCharsets.UTF_8), "text/html")));
    server.stubFor(get("/news/2-feb30").willReturn(page(
        Sites.article("February 30", "30 February 2023", BODY_1 + " Two.").getBytes(StandardCharsets.UTF_8), "text/html")));
    server.stubFor(get("/news/3-month13").willReturn(page(
        Sites.article("Month 13", "13.13.2024", BODY_1 + " Three.").getBytes(StandardCharsets.UTF_8), "text/html")));
    CliRun r = crawl("dates", "");
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, ArchiveRow> rows = rows("dates");
    assertThat(rows).hasSize(3);
    assertThat(rows.values()).allSatisfy(row -> {
      assertThat(row.published()).as(row.url()).isNull();
      assertThat(row.dateSource()).as(row.url()).isNull();
    });
  }

  @Test
  void anEndlessCalendarAndSessionIdLinksAreBoundedByTheLimits() throws Exception {
    String deep = "/news/" + "a/".repeat(Limits.MAX_URL_DEPTH + 4) + "deep-story";
    String longUrl = "/news/" + "x".repeat(Limits.MAX_URL_LENGTH + 10);
    // Every calendar page links the next day and fresh session-id variants of articles: without
    // limits this never ends. WireMock's templating makes each response's links new.
    String listingPage = "<html><body><a rel=next href='/calendar/{{randomValue length=12 type='NUMERIC'}}'>next day</a>"
        + "<a href='/news/story-{{randomValue length=8 type='NUMERIC'}};jsessionid={{randomValue length=16 type='ALPHANUMERIC'}}'>s</a>".repeat(30)
        + "<a href='/news/story?sid={{randomValue length=16 type='ALPHANUMERIC'}}'>s</a>".repeat(30)
        + "<a href='" + deep + "'>deep</a><a href='" + longUrl + "'>long</a></body></html>";
    server.stubFor(get(urlPathMatching("/news/|/calendar/.*")).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(listingPage).withTransformers("response-template")));
    server.stubFor(get(urlPathMatching("/news/.+")).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(Sites.article("Same story", "3 October 2024", BODY_1, "{{request.url}}")).withTransformers("response-template")));
    CliRun r = crawl("trap", "next_page: ['a[rel=next]@href']\nmax_pages: 5\nmax_articles: 20\n");
    assertThat(r.code()).as(r.err()).isZero();
    List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(q -> !q.getUrl().equals("/robots.txt")).toList();
    long listings = requests.stream().filter(q -> q.getUrl().startsWith("/calendar/") || q.getUrl().equals("/news/")).count();
    assertThat(listings).isEqualTo(5);
    assertThat(requests).hasSize(5 + 20);
    assertThat(requests).noneMatch(q -> q.getUrl().contains("deep-story") || q.getUrl().length() > Limits.MAX_URL_LENGTH);
    assertThat(rows("trap")).hasSize(20);
    // A second run is bounded the same way: the trap never grows one run past its limits.
    server.resetRequests();
    CliRun again = crawl("trap", "next_page: ['a[rel=next]@href']\nmax_pages: 5\nmax_articles: 20\n");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSizeLessThanOrEqualTo(26);
  }
}
