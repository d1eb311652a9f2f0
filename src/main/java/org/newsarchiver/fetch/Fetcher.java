package org.newsarchiver.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.RequestSettings;

/**
 * Fetches one URL with OkHttp within the limits of a site's {@link RequestSettings}: timeouts, a
 * bounded number of redirects (each hop checked), a body-size cap on the decompressed bytes and
 * bounded retries. Thread-safe: one instance serves all sites and threads.
 */
public final class Fetcher implements Closeable {
  private final OkHttpClient base;
  private final Clock clock;

  public Fetcher() {
    this(Clock.systemUTC());
  }

  public Fetcher(Clock clock) {
    this.clock = clock;
    this.base = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false).build();
  }

  /** Fetches a URL, following redirects; an HTTP error status is thrown as a {@link FetchException}. */
  public FetchResponse fetch(URI url, RequestSettings settings) throws FetchException {
    OkHttpClient client = clientFor(settings);
    URI current = url;
    for (int hop = 0; ; hop++) {
      FetchResponse r = fetchOnce(client, url, current, settings);
      if (r.status() >= 300 && r.status() < 400 && r.status() != 304) {
        String location = r.header("Location");
        if (location == null) {
          throw new FetchException(url, FetchFailure.HTTP_4XX, "redirect " + r.status() + " without Location", r.status(), null);
        }
        if (hop >= settings.maxRedirects()) {
          throw new FetchException(
              url, FetchFailure.TOO_MANY_REDIRECTS, "more than " + settings.maxRedirects() + " redirects");
        }
        current = resolve(url, current, location);
        continue;
      }
      if (r.status() >= 400) {
        FetchFailure f = r.status() >= 500 ? FetchFailure.HTTP_5XX : FetchFailure.HTTP_4XX;
        throw new FetchException(url, f, "HTTP " + r.status(), r.status(), null);
      }
      return r;
    }
  }

  private FetchResponse fetchOnce(OkHttpClient client, URI original, URI url, RequestSettings settings)
      throws FetchException {
    HttpUrl httpUrl = HttpUrl.parse(url.toString());
    if (httpUrl == null) {
      throw new FetchException(original, FetchFailure.BAD_URL, "not an http(s) URL: " + url);
    }
    Request request =
        new Request.Builder()
            .url(httpUrl)
            .header("User-Agent", UserAgent.of(settings))
            .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
            .build();
    Call call = client.newCall(request);
    try (Response response = call.execute()) {
      byte[] body = readBounded(original, response.body(), settings.maxBodyBytes());
      List<FetchResponse.Header> headers = new ArrayList<>();
      for (var h : response.headers()) headers.add(new FetchResponse.Header(h.getFirst(), h.getSecond()));
      List<FetchResponse.Header> sent = new ArrayList<>();
      for (var h : response.request().headers()) sent.add(new FetchResponse.Header(h.getFirst(), h.getSecond()));
      return new FetchResponse(
          original, url, "GET", sent, response.protocol().toString().toUpperCase(Locale.ROOT),
          response.code(), response.message(), headers, body, Instant.now(clock));
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw classify(original, e);
    }
  }

  private static byte[] readBounded(URI url, @Nullable ResponseBody body, long limit) throws IOException {
    if (body == null) return new byte[0];
    long declared = body.contentLength();
    if (declared > limit) {
      throw new FetchException(url, FetchFailure.TOO_LARGE, "body of " + declared + " bytes exceeds the limit of " + limit);
    }
    try (InputStream in = body.byteStream()) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[16 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buf)) != -1) {
        total += n;
        if (total > limit) {
          throw new FetchException(url, FetchFailure.TOO_LARGE, "body exceeds the limit of " + limit + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static URI resolve(URI original, URI current, String location) throws FetchException {
    try {
      URI next = current.resolve(location.strip());
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new FetchException(original, FetchFailure.BAD_URL, "redirect to a non-HTTP URL: " + location);
      }
      return next;
    } catch (IllegalArgumentException e) {
      throw new FetchException(original, FetchFailure.BAD_URL, "redirect to a bad URL: " + location);
    }
  }

  static FetchException classify(URI url, IOException e) {
    if (e instanceof FetchException fe) return fe;
    String msg = String.valueOf(e.getMessage());
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return new FetchException(url, FetchFailure.TIMEOUT, "timed out (" + msg + ")", 0, e);
    }
    if (e instanceof UnknownHostException) {
      return new FetchException(url, FetchFailure.DNS, "unknown host " + msg, 0, e);
    }
    if (e instanceof ConnectException) {
      return new FetchException(url, FetchFailure.REFUSED, "connection refused", 0, e);
    }
    return new FetchException(url, FetchFailure.IO, e.getClass().getSimpleName() + ": " + msg, 0, e);
  }

  private OkHttpClient clientFor(RequestSettings s) {
    return base.newBuilder()
        .connectTimeout(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(s.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(s.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /** The longest a retry may wait. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  @Override
  public void close() {
    base.dispatcher().executorService().shutdown();
    base.connectionPool().evictAll();
  }
}
