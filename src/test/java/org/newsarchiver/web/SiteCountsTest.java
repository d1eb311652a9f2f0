package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sites page counts a large archive once per change of its CSV, yet "new in 24 h" follows the clock. */
class SiteCountsTest {
  @TempDir Path root;

  @Test
  void articlesFetchedADayAgoStopCountingAsNewWhileTheArchiveIsUnchanged() throws Exception {
    FixtureArchive.write(root);
    AtomicReference<Instant> now = new AtomicReference<>(FixtureArchive.NOW);
    WebServer.Options fixed = FixtureArchive.options(root);
    WebServer.Options moving = new WebServer.Options(fixed.archive(), fixed.sites(), fixed.bind(), fixed.port(),
        fixed.threads(), new MovingClock(now), fixed.nextRun());
    try (WebServer server = WebServer.start(moving)) {
      assertThat(WebViewTestClient.get(server, "/api/sites"))
          .contains("{\"name\":\"loopback-times\",\"configured\":true,\"articles\":3,\"new_24h\":2,");

      now.set(FixtureArchive.NOW.plus(Duration.ofHours(21))); // the 08:00 fetch is now over a day old, the 10:00 one not

      assertThat(WebViewTestClient.get(server, "/api/sites"))
          .contains("{\"name\":\"loopback-times\",\"configured\":true,\"articles\":3,\"new_24h\":1,");

      now.set(FixtureArchive.NOW.plus(Duration.ofDays(2)));

      assertThat(WebViewTestClient.get(server, "/api/sites"))
          .contains("{\"name\":\"loopback-times\",\"configured\":true,\"articles\":3,\"new_24h\":0,");
    }
  }

  /** A clock the test moves forward. */
  private static final class MovingClock extends Clock {
    private final AtomicReference<Instant> now;

    MovingClock(AtomicReference<Instant> now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
