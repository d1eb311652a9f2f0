package org.newsarchiver.web;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A plain OkHttp GET against a running view, for tests that need only the body of a 200. */
final class WebViewTestClient {
  private static final OkHttpClient HTTP = new OkHttpClient();

  private WebViewTestClient() {}

  static String get(WebServer server, String pathAndQuery) throws IOException {
    try (Response r = HTTP.newCall(new Request.Builder().url(server.address().resolve(pathAndQuery).toString()).build()).execute()) {
      if (r.code() != 200) throw new IOException(pathAndQuery + ": HTTP " + r.code() + " " + r.body().string());
      return r.body().string();
    }
  }

  /** Waits, asking as a user would, until the articles API no longer says the search index is behind. */
  static void awaitIndexed(WebServer server) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> get(server, "/api/articles?q=none").contains("\"indexing\":null,"));
  }
}
