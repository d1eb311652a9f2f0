package org.newsarchiver.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What we ask for (User-Agent, Accept, validators) and which bodies we take: HTML, or what the options accept. */
class FetcherContentTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
          .build();

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  private final Fetcher fetcher = Fetcher.builder().sleeper(new TestSettings.RecordingSleeper()).build();

  @AfterEach
  void close() {
    fetcher.close();
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + wm.getPort() + path);
  }

  @Test
  void sendsUserAgentAndAcceptAndRecordsTheExchange() throws Exception {
    wm.stubFor(get("/page").willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=utf-8").withHeader("ETag", "\"v1\"").withBody("<html>hi</html>")));

    FetchResponse r = fetcher.fetch(url("/page"), TestSettings.LOCAL);

    wm.verify(1, getRequestedFor(urlEqualTo("/page"))
        .withHeader("User-Agent", equalTo("news-archiver/dev (+https://archive.example.org/contact)"))
        .withHeader("Accept", equalTo("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"))
        .withHeader("If-None-Match", absent()));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.message()).isEqualTo("OK");
    assertThat(r.protocol()).isEqualTo("HTTP/1.1");
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(r.header("etag")).isEqualTo("\"v1\"");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<html>hi</html>");
    assertThat(r.requestHeaders()).extracting(FetchResponse.Header::name)
        .containsExactly("User-Agent", "Accept", "Host", "Connection", "Accept-Encoding");
  }

  @Test
  void refusesPdfByContentTypeWithoutReadingIt() {
    wm.stubFor(get("/doc").willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody("%PDF-1.7")));

    assertFailure(url("/doc"), FetchOptions.html(), FetchFailure.NOT_HTML, "content type application/pdf is not HTML");
  }

  @Test
  void refusesImageLabelledAsHtmlBySniffingItsMagicNumber() {
    wm.stubFor(get("/img").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(PNG)));

    assertFailure(url("/img"), FetchOptions.html(), FetchFailure.NOT_HTML,
        "content type image/png is not HTML (sniffed from the body)");
  }

  @Test
  void refusesJsonForArticles() {
    wm.stubFor(get("/api").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));

    assertFailure(url("/api"), FetchOptions.html(), FetchFailure.NOT_HTML, "content type application/json is not HTML");
  }

  @Test
  void acceptsHtmlWithoutContentType() throws Exception {
    String html = "<!DOCTYPE html><html><p>hi</p></html>";
    try (RawServer server = new RawServer(s -> RawServer.write(s,
        "HTTP/1.1 200 OK\r\nContent-Length: " + html.length() + "\r\n\r\n" + html))) {
      FetchResponse r = fetcher.fetch(server.url("/"), TestSettings.LOCAL);

      assertThat(r.contentType()).isNull();
      assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("<!DOCTYPE html><html><p>hi</p></html>");
    }
  }

  @Test
  void refusesPdfWithoutContentType() throws Exception {
    try (RawServer server = new RawServer(s -> RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n%PDF-1.4"))) {
      assertFailure(server.url("/"), FetchOptions.html(), FetchFailure.NOT_HTML,
          "content type application/pdf is not HTML (sniffed from the body)");
    }
  }

  @Test
  void fetchesFeedWithXmlOptionsButNotAsArticle() throws Exception {
    wm.stubFor(get("/feed").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody("<rss/>")));

    FetchResponse r = fetcher.fetch(url("/feed"), TestSettings.LOCAL, FetchOptions.xml());

    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
    wm.verify(getRequestedFor(urlEqualTo("/feed")).withHeader("Accept", equalTo(
        "application/rss+xml,application/atom+xml;q=0.9,application/rdf+xml;q=0.9,application/xml;q=0.9,"
            + "text/xml;q=0.9,text/html;q=0.9,text/plain;q=0.9,application/gzip;q=0.9,application/x-gzip;q=0.9,*/*;q=0.1")));
    assertFailure(url("/feed"), FetchOptions.html(), FetchFailure.NOT_HTML, "content type application/rss+xml is not HTML");
  }

  @Test
  void fetchesRobotsAsText() throws Exception {
    wm.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("User-agent: *\n")));

    FetchResponse r = fetcher.fetch(url("/robots.txt"), TestSettings.LOCAL, FetchOptions.text());

    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("User-agent: *\n");
  }

  @Test
  void revalidatesWithEtagAndLastModifiedAndReturnsNotModified() throws Exception {
    String lastModified = "Wed, 21 Oct 2025 07:28:00 GMT";
    wm.stubFor(get("/page").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withHeader("ETag", "\"abc\"").withHeader("Last-Modified", lastModified).withBody("<html>v1</html>")));
    wm.stubFor(get("/page").withHeader("If-None-Match", equalTo("\"abc\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"abc\"")));
    FetchResponse first = fetcher.fetch(url("/page"), TestSettings.LOCAL);

    FetchResponse second = fetcher.fetch(url("/page"), TestSettings.LOCAL, FetchOptions.html().revalidating(first));

    assertThat(second.notModified()).isTrue();
    assertThat(second.status()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
    wm.verify(1, getRequestedFor(urlEqualTo("/page"))
        .withHeader("If-None-Match", equalTo("\"abc\""))
        .withHeader("If-Modified-Since", equalTo(lastModified)));
    wm.verify(2, getRequestedFor(anyUrl()));
  }

  @Test
  void returnsFullBodyWhenValidatorNoLongerMatches() throws Exception {
    wm.stubFor(get("/page").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>v2</html>")));

    FetchResponse r = fetcher.fetch(url("/page"), TestSettings.LOCAL, FetchOptions.html().conditional("\"old\"", null));

    assertThat(r.notModified()).isFalse();
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<html>v2</html>");
    wm.verify(getRequestedFor(urlEqualTo("/page")).withHeader("If-None-Match", equalTo("\"old\""))
        .withHeader("If-Modified-Since", absent()));
  }

  private void assertFailure(URI url, FetchOptions options, FetchFailure failure, String detail) {
    assertThatThrownBy(() -> fetcher.fetch(url, TestSettings.LOCAL, options))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.failure()).isEqualTo(failure);
          assertThat(e.getMessage()).isEqualTo(detail);
        });
  }
}
