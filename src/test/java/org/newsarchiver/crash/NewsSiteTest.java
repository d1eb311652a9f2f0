package org.newsarchiver.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsarchiver.config.RequestSettings;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.Fetcher;

/**
 * The crash test's site answers our fetcher at once on a reused connection, even when another JDK
 * HTTP server (the web view's, in the same failsafe JVM) was started and stopped before it.
 */
class NewsSiteTest {
  static final int PAGES = 300;
  static final RequestSettings SETTINGS = new RequestSettings(null, URI.create("https://archive.example.org/contact"),
      Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), 5, 1L << 20, 0);

  @Test
  void servesEveryStoryWithoutWaitingForDelayedAcksAfterAnotherJdkServerRanInThisJvm() throws Exception {
    // In a JVM of its own: the first JDK server a JVM creates fixes the settings of all later ones,
    // and a test that ran before in this one may have chosen them already.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Probe.class.getName()).redirectErrorStream(true).start();
    try {
      String out = assertTimeoutPreemptively(Duration.ofSeconds(90),
          () -> new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      String[] lines = out.strip().split("\n");
      long millis = Long.parseLong(lines[lines.length - 1].strip());
      // A body held back until the client's delayed ACK costs each page 40 ms: 300 pages could not
      // take under 12 s. Served at once they take 1 or 2 s; 6 s leaves room for a busy machine.
      assertThat(millis).as("%d pages on one connection, in ms", PAGES).isLessThan(6_000);
    } finally {
      p.destroyForcibly();
    }
  }

  /**
   * Starts and stops a JDK server with the JDK's defaults (as the web view's test does), then
   * fetches the listing and every story of a {@link NewsSite}, checks each page and prints the
   * milliseconds the stories took.
   */
  static final class Probe {
    public static void main(String[] args) throws Exception {
      HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      other.start();
      other.stop(0);
      try (NewsSite site = new NewsSite(PAGES); Fetcher fetcher = new Fetcher()) {
        FetchResponse listing = fetcher.fetch(URI.create(site.base() + "/news/"), SETTINGS); // also warms Jetty up
        assertThat(new String(listing.body(), StandardCharsets.UTF_8)).isEqualTo(NewsSite.listing(PAGES));
        long start = System.nanoTime();
        for (int n = 1; n <= PAGES; n++) {
          FetchResponse story = fetcher.fetch(URI.create(site.base() + "/news/" + n + "-story"), SETTINGS);
          assertThat(new String(story.body(), StandardCharsets.UTF_8)).isEqualTo(NewsSite.story(n));
        }
        System.out.println(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }
    }
  }
}
