package org.newsarchiver.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  @Test
  void serverErrorDisallowsEverythingForNow() {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503)));
    assertThat(rules("/a").allows(url("/news/1"))).isFalse();
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
