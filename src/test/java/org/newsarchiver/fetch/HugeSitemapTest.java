package org.newsarchiver.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.RequestSettings;

/** A sitemap of a million URLs, generated as it is sent: read to the size limit and the URL cap, no further. */
class HugeSitemapTest {
  static final int URLS = 1_000_000;

  static final RequestSettings DEFAULT_SIZE =
      new RequestSettings(null, TestSettings.CONTACT, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5),
          Duration.ofSeconds(20), 5, Limits.MAX_BODY_BYTES, 0);

  @Test
  void aSitemapOfAMillionUrlsIsReadOnlyToTheSizeLimitAndTheUrlCap() throws Exception {
    AtomicLong sent = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        .getBytes(StandardCharsets.UTF_8);
    try (RawServer raw = new RawServer(RawServer.streaming("application/xml", head, URLS,
            i -> ("<url><loc>http://127.0.0.1/news/" + i + "</loc></url>\n").getBytes(StandardCharsets.UTF_8),
            "</urlset>\n".getBytes(StandardCharsets.UTF_8), sent, finished));
        Fetcher fetcher = new Fetcher()) {
      SitemapReader.Listing listing = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        FetchResponse r = fetcher.fetch(raw.url("/sitemap.xml"), DEFAULT_SIZE, FetchOptions.xml().truncating());
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize((int) Limits.MAX_BODY_BYTES);
        return new SitemapReader().read(r.finalUrl(), r.contentType(), r.body(), r.truncated());
      });
      assertThat(listing.entries()).hasSize(Limits.MAX_URLS_PER_SITEMAP);
      assertThat(listing.entries().get(0).url()).hasToString("http://127.0.0.1/news/0");
      assertThat(listing.entries().get(Limits.MAX_URLS_PER_SITEMAP - 1).url()).hasToString("http://127.0.0.1/news/49999");
      assertThat(listing.cut()).isTrue();
      // The client hung up after its 10 MiB: the server never got to send the rest of its ~50 MB.
      assertThat(finished).isFalse();
      assertThat(sent.get()).isLessThan(3 * Limits.MAX_BODY_BYTES);
    }
  }

  @Test
  void aBodyOverTheLimitIsStillRefusedWhenNotAskedToCutIt() throws Exception {
    AtomicLong sent = new AtomicLong();
    AtomicBoolean finished = new AtomicBoolean();
    try (RawServer raw = new RawServer(RawServer.streaming("application/xml", new byte[0], URLS,
            i -> "<!-- filler -->\n".getBytes(StandardCharsets.UTF_8), new byte[0], sent, finished));
        Fetcher fetcher = new Fetcher()) {
      FetchException e = org.junit.jupiter.api.Assertions.assertThrows(FetchException.class,
          () -> fetcher.fetch(raw.url("/sitemap.xml"), TestSettings.LOCAL, FetchOptions.xml()));
      assertThat(e.failure()).isEqualTo(FetchFailure.TOO_LARGE);
      assertThat(e.getMessage()).isEqualTo("body exceeds the 1 MiB limit");
      assertThat(finished).isFalse();
    }
  }
}
