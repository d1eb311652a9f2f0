package org.newsarchiver.web;

import java.io.IOException;
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
}
