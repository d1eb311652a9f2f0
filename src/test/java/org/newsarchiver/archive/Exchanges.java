package org.newsarchiver.archive;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.FetchResponse.Header;

/** Fetched exchanges for archive tests, as the fetcher hands them over (body decoded). */
final class Exchanges {
  static final Instant AT = Instant.parse("2024-11-02T09:30:15Z");

  private Exchanges() {}

  static FetchResponse html(String url, String html) {
    return html(url, html, AT);
  }

  static FetchResponse html(String url, String html, Instant at) {
    return new FetchResponse(
        URI.create(url), URI.create(url), "GET",
        List.of(new Header("User-Agent", "news-archiver-test"), new Header("Accept", "text/html")),
        "http/1.1", 200, "OK",
        List.of(new Header("Content-Type", "text/html; charset=utf-8"), new Header("Content-Encoding", "gzip"),
            new Header("Content-Length", "12"), new Header("X-Served-By", "cache-1")),
        html.getBytes(StandardCharsets.UTF_8), at);
  }
}
