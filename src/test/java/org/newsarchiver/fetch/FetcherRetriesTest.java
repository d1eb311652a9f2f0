package org.newsarchiver.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsarchiver.fetch.TestSettings.RecordingSleeper;

/** Which answers are retried, how long we ask to wait before each retry, and when we give up. */
class FetcherRetriesTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final Fetcher fetcher =
      Fetcher.builder().sleeper(sleeper).jitter(() -> 0).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @AfterEach
  void close() {
    fetcher.close();
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + wm.getPort() + path);
  }

  private static void firstThenOk(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
    wm.stubFor(get(path).inScenario(path).whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("ok"));
    wm.stubFor(get(path).inScenario(path).whenScenarioStateIs("ok")
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>ok</html>")));
  }

  @Test
  void doesNotRetryNotFound() {
    wm.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> fetcher.fetch(url("/gone"), TestSettings.retries(3)))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.failure()).isEqualTo(FetchFailure.HTTP_4XX);
          assertThat(e.getMessage()).isEqualTo("HTTP 404 Not Found");
          assertThat(e.status()).isEqualTo(404);
        });
    wm.verify(1, getRequestedFor(anyUrl()));
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void retriesServerErrorAfterBaseDelayAndSucceeds() throws Exception {
    firstThenOk("/flaky", aResponse().withStatus(500));

    FetchResponse r = fetcher.fetch(url("/flaky"), TestSettings.retries(3));

    assertThat(r.status()).isEqualTo(200);
    assertThat(sleeper.delays).containsExactly(Duration.ofMillis(500));
    wm.verify(2, getRequestedFor(anyUrl()));
  }

  @Test
  void givesUpOnServerErrorAfterMaxRetriesWithDoublingDelays() {
    wm.stubFor(get("/down").willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> fetcher.fetch(url("/down"), TestSettings.retries(2)))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.failure()).isEqualTo(FetchFailure.HTTP_5XX);
          assertThat(e.getMessage()).isEqualTo("HTTP 502 Bad Gateway after 2 retries");
          assertThat(e.status()).isEqualTo(502);
        });
    assertThat(sleeper.delays).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    wm.verify(3, getRequestedFor(anyUrl()));
  }

  @Test
  void jitterStretchesDelaysByUpToHalf() throws Exception {
    Fetcher jittery = Fetcher.builder().sleeper(sleeper).jitter(() -> 0.5).build();
    firstThenOk("/jitter", aResponse().withStatus(503));

    jittery.fetch(url("/jitter"), TestSettings.retries(1));
    jittery.close();

    assertThat(sleeper.delays).containsExactly(Duration.ofMillis(625));
  }

  @Test
  void waitsRetryAfterSecondsOnTooManyRequests() throws Exception {
    firstThenOk("/busy", aResponse().withStatus(429).withHeader("Retry-After", "2"));

    FetchResponse r = fetcher.fetch(url("/busy"), TestSettings.retries(1));

    assertThat(r.status()).isEqualTo(200);
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void waitsRetryAfterHttpDateOnServiceUnavailable() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(7).atOffset(ZoneOffset.UTC));
    firstThenOk("/maint", aResponse().withStatus(503).withHeader("Retry-After", date));

    FetchResponse r = fetcher.fetch(url("/maint"), TestSettings.retries(1));

    assertThat(r.status()).isEqualTo(200);
    assertThat(date).isEqualTo("Sun, 1 Mar 2026 10:00:07 GMT");
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(7));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"429, seconds", "429, date", "503, seconds", "503, date"})
  void waitsRetryAfterInSecondsOrAsAnHttpDateOnTooManyRequestsAndServiceUnavailable(int status, String form)
      throws Exception {
    String value = form.equals("seconds") ? "9"
        : DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(9).atOffset(ZoneOffset.UTC));
    firstThenOk("/wait-" + status + "-" + form, aResponse().withStatus(status).withHeader("Retry-After", value));

    FetchResponse r = fetcher.fetch(url("/wait-" + status + "-" + form), TestSettings.retries(1));

    assertThat(r.status()).isEqualTo(200);
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(9));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/wait-" + status + "-" + form)));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"429, http-4xx, Too Many Requests", "503, http-5xx, Service Unavailable"})
  void failsAtOnceWhenARetryAfterDateIsFurtherAwayThanTheCap(int status, String cause, String reason) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3600).atOffset(ZoneOffset.UTC));
    wm.stubFor(get("/far").willReturn(aResponse().withStatus(status).withHeader("Retry-After", date)));

    assertThatThrownBy(() -> fetcher.fetch(url("/far"), TestSettings.retries(3)))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.failure().label()).isEqualTo(cause);
          assertThat(e.getMessage()).isEqualTo("HTTP " + status + " " + reason + "; Retry-After 3600 s exceeds the 120 s limit");
        });
    assertThat(sleeper.delays).isEmpty();
    wm.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void failsAtOnceWhenRetryAfterIsLongerThanTheCap() {
    wm.stubFor(get("/later").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> fetcher.fetch(url("/later"), TestSettings.retries(3)))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.failure()).isEqualTo(FetchFailure.HTTP_4XX);
          assertThat(e.getMessage()).isEqualTo("HTTP 429 Too Many Requests; Retry-After 3600 s exceeds the 120 s limit");
        });
    assertThat(sleeper.delays).isEmpty();
    wm.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void slowsTheHostDownInThePacerAfterRetryAfter() throws Exception {
    long[] now = {0};
    HostPacer pacer = new HostPacer(Duration.ofMinutes(5), d -> now[0] += d.toNanos(), () -> now[0]);
    Fetcher paced = Fetcher.builder().sleeper(sleeper).pacer(pacer).build();
    firstThenOk("/slow", aResponse().withStatus(503).withHeader("Retry-After", "30"));

    paced.fetch(url("/slow"), TestSettings.retries(1));
    paced.close();

    // The fetcher asked its sleeper for the 30 s, and the host was slowed down in the pacer, whose
    // own clock (not advanced by that sleeper here) then held the retry until the 30 s were over.
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(30));
    assertThat(Duration.ofNanos(now[0])).isEqualTo(Duration.ofSeconds(30));
    wm.verify(2, getRequestedFor(anyUrl()));
  }
}
