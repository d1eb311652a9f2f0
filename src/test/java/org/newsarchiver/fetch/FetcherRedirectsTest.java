package org.newsarchiver.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects are followed hop by hop: http(s) only, no loops, no long chains, no way into private networks. */
class FetcherRedirectsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final Fetcher fetcher = Fetcher.builder().sleeper(new TestSettings.RecordingSleeper()).build();

  @AfterEach
  void close() {
    fetcher.close();
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + wm.getPort() + path);
  }

  private static void redirect(String from, String to) {
    wm.stubFor(get(from).willReturn(aResponse().withStatus(302).withHeader("Location", to)));
  }

  @Test
  void followsRelativeRedirectsAndSendsUserAgentOnEveryHop() throws Exception {
    redirect("/a", "/b");
    redirect("/b", "c");
    wm.stubFor(get("/c").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>c</html>")));

    FetchResponse r = fetcher.fetch(url("/a"), TestSettings.LOCAL);

    assertThat(r.requestedUrl()).isEqualTo(url("/a"));
    assertThat(r.finalUrl()).isEqualTo(url("/c"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), "UTF-8")).isEqualTo("<html>c</html>");
    wm.verify(3, getRequestedFor(anyUrl()).withHeader("User-Agent", equalTo(TestSettings.userAgent())));
    assertThat(TestSettings.userAgent()).isEqualTo("news-archiver/dev (+https://archive.example.org/contact)");
  }

  @Test
  void refusesRedirectLoop() {
    redirect("/a", "/b");
    redirect("/b", "/a");

    assertFailure(url("/a"), FetchFailure.TOO_MANY_REDIRECTS, "redirect loop back to " + url("/a"));
    wm.verify(2, getRequestedFor(anyUrl()));
  }

  @Test
  void refusesChainLongerThanMaxRedirects() {
    for (int i = 0; i < 8; i++) redirect("/r" + i, "/r" + (i + 1));

    assertFailure(url("/r0"), FetchFailure.TOO_MANY_REDIRECTS, "more than 5 redirects");
    wm.verify(6, getRequestedFor(anyUrl()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/file", "javascript:alert(1)", "data:text/html,hi"})
  void refusesRedirectToNonHttpScheme(String location) {
    redirect("/a", location);

    assertFailure(url("/a"), FetchFailure.BAD_URL, "redirect to a non-HTTP URL: " + location);
  }

  @Test
  void refusesRedirectWithoutLocation() {
    wm.stubFor(get("/a").willReturn(aResponse().withStatus(301)));

    assertFailure(url("/a"), FetchFailure.BAD_URL, "redirect without a Location header");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/", "http://172.16.0.1/",
    "http://0.0.0.0/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::1]/"
  })
  void refusesRedirectIntoPrivateAddressWithoutConnecting(String location) {
    redirect("/a", location);
    String expected = URI.create(location).getHost().replace("[", "").replace("]", "");

    // Nothing is listening on these addresses from here; a connection attempt would be a timeout,
    // not this failure, and it is refused before any socket is opened.
    assertFailure(url("/a"), FetchFailure.BLOCKED_ADDRESS, "private or local address " + expected + " refused; pass --allow-private to permit it");
    wm.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void refusesRedirectToIpv4MappedAndNumericFormsOfPrivateAddresses() {
    redirect("/a", "http://[::ffff:10.0.0.1]/");
    redirect("/b", "http://2130706433/");

    assertFailure(url("/a"), FetchFailure.BLOCKED_ADDRESS, "private or local address 10.0.0.1 refused; pass --allow-private to permit it");
    assertFailure(url("/b"), FetchFailure.BLOCKED_ADDRESS, "2130706433 means private or local address 127.0.0.1, refused; pass --allow-private to permit it");
  }

  @Test
  void refusesRedirectToOtherLoopbackPort() {
    redirect("/a", "http://127.0.0.1:1/admin");

    assertFailure(url("/a"), FetchFailure.BLOCKED_ADDRESS, "private or local address 127.0.0.1 refused; pass --allow-private to permit it");
  }

  @Test
  void refusesRedirectToHostNameThatResolvesToLoopback() {
    redirect("/a", "http://localhost:" + wm.getPort() + "/b");
    wm.stubFor(get("/b").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html/>")));

    assertFailure(url("/a"), FetchFailure.BLOCKED_ADDRESS, "localhost resolves to private or local address 127.0.0.1, refused; pass --allow-private to permit it");
    wm.verify(0, getRequestedFor(urlEqualTo("/b")));
  }

  @Test
  void followsRedirectIntoPrivateAddressWhenAllowed() throws Exception {
    redirect("/a", "http://localhost:" + wm.getPort() + "/b");
    wm.stubFor(get("/b").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html/>")));

    FetchResponse r = fetcher.fetch(url("/a"), TestSettings.LOCAL, FetchOptions.html().withAllowPrivate(true));

    assertThat(r.finalUrl()).isEqualTo(URI.create("http://localhost:" + wm.getPort() + "/b"));
  }

  @Test
  void refusesDiscoveredLinkToLoopbackWithoutConnecting() throws Exception {
    try (RawServer server = new RawServer(s -> RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
      assertThatThrownBy(() -> fetcher.fetch(server.url("/"), TestSettings.LOCAL, FetchOptions.html().discovered()))
          .isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
            assertThat(e.getMessage()).isEqualTo("private or local address 127.0.0.1 refused; pass --allow-private to permit it");
          });
      assertThat(server.connections.get()).isZero();
    }
  }

  private void assertFailure(URI url, FetchFailure failure, String detail) {
    assertThatThrownBy(() -> fetcher.fetch(url, TestSettings.LOCAL))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.failure()).isEqualTo(failure);
          assertThat(e.getMessage()).isEqualTo(detail);
        });
  }
}
