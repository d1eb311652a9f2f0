package org.newsarchiver.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.RequestSettings;

class RobotsCacheTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-11-02T09:30:00Z"));
  final Clock clock = new Clock() {
    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  RobotsCache.Rules rules(String path) {
    try (Fetcher f = new Fetcher()) {
      return new RobotsCache(f, clock).rules(url(path), TestSettings.LOCAL, FetchOptions.html());
    }
  }

  @Test
  void missingRobotsTxtAllowsEverything() {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    assertThat(rules("/a").allows(url("/private/x"))).isTrue();
  }

  static final String PRIVATE_RULES = "User-agent: *\nDisallow: /private/\n";
  static final long MiB = 1024 * 1024;

  static RequestSettings maxRedirects(int n) {
    RequestSettings s = TestSettings.LOCAL;
    return new RequestSettings(s.userAgent(), s.contactUrl(), s.delay(), s.connectTimeout(), s.readTimeout(),
        s.callTimeout(), n, s.maxBodyBytes(), s.maxRetries());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503, 429})
  void serverErrorDisallowsEverythingForThirtyMinutesThenRobotsTxtIsAskedForAgain(int status) {
    server.stubFor(get("/robots.txt").inScenario("down").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(status)).willSetStateTo("up"));
    server.stubFor(get("/robots.txt").inScenario("down").whenScenarioStateIs("up")
        .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(PRIVATE_RULES)));
    try (Fetcher f = new Fetcher()) {
      RobotsCache cache = new RobotsCache(f, clock);
      RobotsCache.Rules down = cache.rules(url("/a"), TestSettings.LOCAL, FetchOptions.html());
      assertThat(down.allows(url("/news/1"))).isFalse();
      String reason = status == 429 ? "http-4xx: HTTP 429 Too Many Requests"
          : status == 500 ? "http-5xx: HTTP 500 Server Error" : "http-5xx: HTTP 503 Service Unavailable";
      assertThat(down.denial()).isEqualTo("robots.txt unreachable (" + reason + "), so the whole host counts as"
          + " disallowed until 2024-11-02T10:00:00Z; it is asked for again then");
      now.set(now.get().plus(Limits.ROBOTS_UNREACHABLE_TTL).minusSeconds(1));
      assertThat(cache.rules(url("/b"), TestSettings.LOCAL, FetchOptions.html()).allows(url("/news/1"))).isFalse();
      server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/robots.txt")));
      now.set(now.get().plusSeconds(1));
      RobotsCache.Rules up = cache.rules(url("/c"), TestSettings.LOCAL, FetchOptions.html());
      server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/robots.txt")));
      assertThat(up.allows(url("/news/1"))).isTrue();
      assertThat(up.allows(url("/private/1"))).isFalse();
      assertThat(up.denial()).isEqualTo("disallowed by robots.txt");
    }
  }

  @Test
  void followsFiveRedirectsToARobotsTxtOnAnotherHostWhateverTheSitesRedirectLimit() {
    server.stubFor(get("/robots.txt").willReturn(temporaryRedirect("/r1")));
    for (int i = 1; i < 4; i++) server.stubFor(get("/r" + i).willReturn(temporaryRedirect("/r" + (i + 1))));
    server.stubFor(get("/r4").willReturn(temporaryRedirect("http://localhost:" + server.getPort() + "/elsewhere/robots.txt")));
    server.stubFor(get("/elsewhere/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody(PRIVATE_RULES)));
    RobotsCache.Rules r;
    try (Fetcher f = new Fetcher()) {
      r = new RobotsCache(f, clock).rules(url("/a"), maxRedirects(1), FetchOptions.html().withAllowPrivate(true));
    }
    assertThat(r.allows(url("/news/1"))).isTrue();
    assertThat(r.allows(url("/private/1"))).isFalse();
    assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/elsewhere/robots.txt"))))
        .singleElement().satisfies(q -> assertThat(q.getHeader("Host")).isEqualTo("localhost:" + server.getPort()));
  }

  @Test
  void aRedirectLoopCountsAsNoRobotsTxtAfterTwoRequests() {
    server.stubFor(get("/robots.txt").willReturn(temporaryRedirect("/loop")));
    server.stubFor(get("/loop").willReturn(temporaryRedirect("/robots.txt")));
    RobotsCache.Rules r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rules("/a"));
    assertThat(r.allows(url("/private/1"))).isTrue();
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/robots.txt")));
    server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/loop")));
  }

  @Test
  void aChainOfSixRedirectsCountsAsNoRobotsTxt() {
    server.stubFor(get("/robots.txt").willReturn(temporaryRedirect("/r1")));
    for (int i = 1; i <= 6; i++) server.stubFor(get("/r" + i).willReturn(temporaryRedirect("/r" + (i + 1))));
    server.stubFor(get("/r6").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /\n")));
    assertThat(rules("/a").allows(url("/private/1"))).isTrue();
    server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/r6")));
  }

  @Test
  void aTenMegabyteRobotsTxtIsReadOnlyToItsFirst500KiBWhoseRulesStillApplyAndSaysItWasCut() throws Exception {
    byte[] padding = ("# " + "padding ".repeat(12) + "\n").getBytes(StandardCharsets.US_ASCII);
    long parts = 10 * MiB / padding.length;
    AtomicLong sent = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    try (RawServer raw = new RawServer(RawServer.streaming("text/plain", PRIVATE_RULES.getBytes(StandardCharsets.US_ASCII),
            parts, i -> padding, "Disallow: /news/\n".getBytes(StandardCharsets.US_ASCII), sent, finished));
        Fetcher f = new Fetcher()) {
      RobotsCache.Rules r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        RobotsCache.Rules rules = new RobotsCache(f, clock).rules(raw.url("/a"), TestSettings.LOCAL, FetchOptions.html());
        // 500 KiB read and parsed; holding the 10 MB file would allocate 10 MB at the least.
        assertThat(threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before).isLessThan(8 * MiB);
        return rules;
      });
      assertThat(r.allows(raw.url("/news/1"))).isTrue();
      assertThat(r.allows(raw.url("/private/1"))).isFalse();
      // sent chunked: its whole size is not known
      assertThat(r.cut()).isEqualTo(new RobotsCache.Cut(raw.url("/robots.txt"), RobotsCache.MAX_BYTES, -1));
      assertThat(raw.requests).singleElement().asString().startsWith("GET /robots.txt HTTP/1.1");
      assertThat(finished).isFalse();
      assertThat(sent.get()).isLessThan(parts * padding.length);
    }
  }

  @Test
  void aRobotsTxtDeclaringTenMegabytesIsReadTooAndItsSizeKept() throws Exception {
    int size = 10 * 1024 * 1024;
    try (RawServer raw = new RawServer(s -> {
          RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + size + "\r\n\r\n" + PRIVATE_RULES);
          byte[] line = "#\n".getBytes(StandardCharsets.US_ASCII);
          for (int i = PRIVATE_RULES.length(); i < size; i += line.length) s.getOutputStream().write(line);
        });
        Fetcher f = new Fetcher()) {
      RobotsCache.Rules r = new RobotsCache(f, clock).rules(raw.url("/a"), TestSettings.LOCAL, FetchOptions.html());
      assertThat(r.allows(raw.url("/news/1"))).isTrue();
      assertThat(r.allows(raw.url("/private/1"))).isFalse();
      assertThat(r.cut()).isEqualTo(new RobotsCache.Cut(raw.url("/robots.txt"), RobotsCache.MAX_BYTES, size));
    }
  }

  @Test
  void aLineCutInTwoAtTheLimitIsDroppedNotHalfRead() {
    // "Allow: /private/" alone would open all of /private/; the whole line opens one page only.
    String cutLine = "Allow: /private/open-only-this-page\n";
    StringBuilder b = new StringBuilder(PRIVATE_RULES);
    while (b.length() < RobotsCache.MAX_BYTES - "Allow: /private/".length() - 40) b.append("# padding\n");
    b.append("#".repeat((int) (RobotsCache.MAX_BYTES - "Allow: /private/".length() - b.length() - 1))).append('\n');
    assertThat(b.length() + "Allow: /private/".length()).isEqualTo((int) RobotsCache.MAX_BYTES);
    b.append(cutLine).append("# more\n".repeat(1000));
    server.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(b.toString())));
    RobotsCache.Rules r = rules("/a");
    assertThat(r.allows(url("/private/secret"))).isFalse();
    assertThat(r.allows(url("/news/1"))).isTrue();
  }

  @Test
  void matchesOurProductTokenAndNamesSitemapsAndCapsCrawlDelay() {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /\n\nUser-agent: news-archiver\nDisallow: /private/\nCrawl-delay: 600\n"
            + "Sitemap: http://127.0.0.1/sitemap.xml\n")));
    RobotsCache.Rules r = rules("/a");
    assertThat(r.allows(url("/news/1"))).isTrue();
    assertThat(r.allows(url("/private/x"))).isFalse();
    assertThat(r.delay(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(60));
    assertThat(r.sitemaps()).containsExactly(URI.create("http://127.0.0.1/sitemap.xml"));
    assertThat(r.cut()).isNull();
  }

  @Test
  void fetchesRobotsTxtOncePerHostAndAgainAfterADay() {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /x\n")));
    try (Fetcher f = new Fetcher()) {
      RobotsCache cache = new RobotsCache(f, clock);
      cache.rules(url("/a"), TestSettings.LOCAL, FetchOptions.html());
      cache.rules(url("/b"), TestSettings.LOCAL, FetchOptions.html());
      now.set(now.get().plus(Duration.ofHours(23)));
      cache.rules(url("/c"), TestSettings.LOCAL, FetchOptions.html());
      server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/robots.txt")));
      now.set(now.get().plus(Duration.ofHours(1)));
      cache.rules(url("/d"), TestSettings.LOCAL, FetchOptions.html());
      server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/robots.txt")));
    }
  }
}
