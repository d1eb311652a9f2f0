package org.newsarchiver.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.newsarchiver.config.RequestSettings;

/** Short limits for tests against local servers, and a sleeper that records instead of sleeping. */
final class TestSettings {
  static final URI CONTACT = URI.create("https://archive.example.org/contact");
  /** 500 ms connect, 300 ms read, 2 s whole call, 5 redirects, 1 MiB, no retries, no delay. */
  static final RequestSettings SHORT =
      new RequestSettings(
          null, CONTACT, Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofSeconds(2),
          5, 1L << 20, 0);

  /**
   * For WireMock, whose first answers can take a few hundred ms while Jetty warms up on a busy
   * machine: 1 s connect, 2 s read, 5 s whole call, 5 redirects, 1 MiB, no retries, no delay.
   */
  static final RequestSettings LOCAL =
      new RequestSettings(
          null, CONTACT, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
          5, 1L << 20, 0);

  /** {@link #LOCAL} with {@code n} retries. */
  static RequestSettings retries(int n) {
    RequestSettings s = LOCAL;
    return new RequestSettings(
        s.userAgent(), s.contactUrl(), s.delay(), s.connectTimeout(), s.readTimeout(), s.callTimeout(),
        s.maxRedirects(), s.maxBodyBytes(), n);
  }

  static String userAgent() {
    return UserAgent.of(SHORT);
  }

  /** Records each delay asked for and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration d) {
      delays.add(d);
    }
  }

  private TestSettings() {}
}
