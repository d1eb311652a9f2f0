package org.newsarchiver.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsarchiver.config.RequestSettings;

/** Gaps between requests to one host, measured on a fake clock and as a real server saw them. */
class HostPacerTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  /**
   * The pacer keeps the gap exactly on its own clock (the fake-clock tests above); the server sees
   * it through thread scheduling on a busy machine and logs whole milliseconds, so a kept gap can
   * look shorter there: a first arrival logged 100 ms late was seen on a loaded 2-core machine, so
   * the span may fall short by up to half a delay. Without pacing the span would be about 0.
   */
  private static final long SERVER_CLOCK_SLACK_MS = 125;

  private final AtomicLong now = new AtomicLong();
  private final List<Duration> slept = new ArrayList<>();
  private final HostPacer fake =
      new HostPacer(Duration.ofSeconds(10), d -> { slept.add(d); now.addAndGet(d.toNanos()); }, now::get);

  @Test
  void letsFirstRequestGoAtOnceAndSpacesTheNextByTheDelay() throws Exception {
    assertThat(fake.acquire("news.example", Duration.ofSeconds(1))).isEqualTo(Duration.ZERO);
    now.addAndGet(Duration.ofMillis(300).toNanos());
    assertThat(fake.acquire("NEWS.example", Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(700));
    assertThat(fake.acquire("news.example", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(slept).containsExactly(Duration.ofMillis(700), Duration.ofSeconds(1));
  }

  @Test
  void keepsHostsApart() throws Exception {
    fake.acquire("a.example", Duration.ofSeconds(5));

    assertThat(fake.acquire("b.example", Duration.ofSeconds(5))).isEqualTo(Duration.ZERO);
  }

  @Test
  void holdsHostBackAfterSlowDown() throws Exception {
    fake.acquire("busy.example", Duration.ofSeconds(1));
    fake.slowDown("busy.example", Duration.ofSeconds(4));

    assertThat(fake.acquire("busy.example", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void refusesToWaitLongerThanMaxWait() throws Exception {
    fake.slowDown("busy.example", Duration.ofSeconds(30));

    assertThatThrownBy(() -> fake.acquire("busy.example", Duration.ofSeconds(1)))
        .isInstanceOf(HostPacer.HostBusyException.class)
        .hasMessage("host busy.example is paced: the next request would wait more than 10 s");
    assertThat(slept).isEmpty();
  }

  @Test
  void spacesRequestsOfTwoSitesOnOneHostAsTheServerSeesThem() throws Exception {
    wm.stubFor(get("/a").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>a</html>")));
    wm.stubFor(get("/b").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>b</html>")));
    Duration delay = Duration.ofMillis(250);
    RequestSettings siteA = TestSettings.LOCAL.withDelay(delay);
    RequestSettings siteB = TestSettings.LOCAL.withDelay(delay);
    Fetcher fetcher = Fetcher.builder().pacer(new HostPacer(Duration.ofSeconds(10))).build();
    URI a = URI.create("http://127.0.0.1:" + wm.getPort() + "/a");
    URI b = URI.create("http://127.0.0.1:" + wm.getPort() + "/b");

    // Jetty's first answer on a new connection is slow and logged late: open the pooled
    // connection first, so that every measured request travels the same way.
    fetcher.fetch(a, siteA);
    wm.resetRequests();

    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<FetchResponse>> results = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        results.add(pool.submit(() -> fetcher.fetch(a, siteA)));
        results.add(pool.submit(() -> fetcher.fetch(b, siteB)));
      }
      for (Future<FetchResponse> f : results) assertThat(f.get().status()).isEqualTo(200);
    } finally {
      pool.shutdown();
      fetcher.close();
    }

    List<Long> received = wm.getAllServeEvents().stream()
        .map(ServeEvent::getRequest).map(r -> r.getLoggedDate().getTime()).sorted().toList();
    assertThat(received).hasSize(6);
    // the server logs arrivals with scheduling jitter: one late log shortens one gap but not the
    // whole span, so the span is held to the full delays and each gap to half a delay (unpaced: ~0)
    assertThat(received.get(received.size() - 1) - received.get(0))
        .as("span of %s", received)
        .isGreaterThanOrEqualTo((received.size() - 1) * delay.toMillis() - SERVER_CLOCK_SLACK_MS);
    for (int i = 1; i < received.size(); i++) {
      assertThat(received.get(i) - received.get(i - 1))
          .as("gap before request %d of %s", i, received)
          .isGreaterThanOrEqualTo(delay.toMillis() / 2);
    }
  }
}
