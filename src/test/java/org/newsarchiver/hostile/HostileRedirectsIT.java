package org.newsarchiver.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.cli.ExitCodes;

/**
 * Article links that redirect somewhere they should not, in a whole crawl: each is one error line,
 * the other articles are archived and the archive verifies.
 */
class HostileRedirectsIT {
  static final String BODY = "The first paragraph is long enough to be taken for the body of an article by anyone.";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path root;

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  void article(String path) {
    server.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(Sites.article("Story " + path, "3 October 2024", BODY + " " + path))));
  }

  @Test
  void redirectsToOtherSchemesLoopsAndLongChainsFailOneLineEachAndTheCrawlGoesOn() throws Exception {
    StringBuilder listing = new StringBuilder("<html><body>");
    for (String p : List.of("/news/1-ok", "/news/2-ftp", "/news/3-file", "/news/4-javascript", "/news/5-loop",
        "/news/6-chain", "/news/7-other-host")) {
      listing.append("<a href='").append(p).append("'>x</a>");
    }
    server.stubFor(get("/news/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(listing.append("</body></html>").toString())));
    article("/news/1-ok");
    server.stubFor(get("/news/2-ftp").willReturn(temporaryRedirect("ftp://127.0.0.1/pub/story.html")));
    server.stubFor(get("/news/3-file").willReturn(temporaryRedirect("file:///etc/passwd")));
    server.stubFor(get("/news/4-javascript").willReturn(temporaryRedirect("javascript:alert(1)")));
    server.stubFor(get("/news/5-loop").willReturn(temporaryRedirect("/news/5-loop-b")));
    server.stubFor(get("/news/5-loop-b").willReturn(temporaryRedirect("/news/5-loop")));
    for (int i = 0; i < 8; i++) server.stubFor(get("/chain/" + i).willReturn(temporaryRedirect("/chain/" + (i + 1))));
    server.stubFor(get("/news/6-chain").willReturn(temporaryRedirect("/chain/0")));
    // Another host name for the same server: followed (the site allows private addresses here).
    server.stubFor(get("/news/7-other-host").willReturn(temporaryRedirect("http://localhost:" + server.getPort() + "/moved/7")));
    article("/moved/7");

    CliRun r = CliRun.run("crawl", "--site", "redirects", "--allow-private", "--sites",
        Sites.write(root, "redirects", base(), "").toString(), "--archive", root.resolve("archive").toString());

    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.errLines()).containsExactlyInAnyOrder(
        "error bad-url " + base() + "/news/2-ftp: redirect to a non-HTTP URL: ftp://127.0.0.1/pub/story.html",
        "error bad-url " + base() + "/news/3-file: redirect to a non-HTTP URL: file:///etc/passwd",
        "error bad-url " + base() + "/news/4-javascript: redirect to a non-HTTP URL: javascript:alert(1)",
        "error too-many-redirects " + base() + "/news/5-loop: redirect loop back to " + base() + "/news/5-loop",
        "error too-many-redirects " + base() + "/news/6-chain: more than 5 redirects");
    List<ArchiveRow> rows = new ArticlesCsv(root.resolve("archive/redirects/articles.csv")).readAll();
    assertThat(rows).extracting(ArchiveRow::url).containsExactlyInAnyOrder(base() + "/news/1-ok", base() + "/news/7-other-host");
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(q -> q.getUrl()).filteredOn(u -> u.startsWith("/chain/"))
        .containsExactly("/chain/0", "/chain/1", "/chain/2", "/chain/3", "/chain/4");
    CliRun v = CliRun.run("verify", "--archive", root.resolve("archive").toString());
    assertThat(v.code()).as(v.out()).isZero();
  }

  @Test
  void aUrlTheUserTypesMayBeLoopbackButItsRedirectToAnotherLoopbackHostIsBlocked() throws Exception {
    server.stubFor(get("/news/typed").willReturn(temporaryRedirect("http://localhost:" + server.getPort() + "/news/inside")));
    article("/news/inside");
    CliRun r = CliRun.run("archive", base() + "/news/typed", "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.PAGES_FAILED);
    assertThat(r.errLines()).singleElement().asString().matches("error blocked-address \\Q" + base()
        + "\\E/news/typed: localhost resolves to private or local address (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1), refused; pass --allow-private to permit it");
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(q -> q.getUrl()).containsExactly("/news/typed");
  }
}
