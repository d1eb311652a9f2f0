package org.newsarchiver.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.RequestSettings;

/**
 * One GET with OkHttp, redirects not followed: sends our headers, applies the timeouts and the
 * remaining whole-call budget, checks the address actually connected to when the hop is guarded,
 * reads a 2xx body within the size limit and checks its media type, and maps failures to
 * {@link FetchFailure}. Knows nothing of retries, redirects or pacing ({@link Fetcher} does).
 *
 * <p>Thread-safe: two OkHttp clients (one with the guarded {@code Dns}) share one connection pool.
 */
final class HttpExchange implements Closeable {
  private final OkHttpClient trusting;
  private final OkHttpClient guarded;
  private final Clock clock;

  HttpExchange(Clock clock) {
    this.clock = clock;
    this.trusting =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .followSslRedirects(false)
            .eventListenerFactory(call -> new HopListener())
            .addNetworkInterceptor(HttpExchange::checkConnectedAddress)
            .build();
    this.guarded = trusting.newBuilder().dns(AddressGuard.GUARDED_DNS).build();
  }

  /** The outcome of one request: a finished response, or the status line of one not to be read. */
  record Result(
      int status, String reason, @Nullable String location, @Nullable String retryAfter, @Nullable FetchResponse response) {}

  Result get(
      URI original, HttpUrl url, RequestSettings settings, FetchOptions options, boolean guard, long deadline)
      throws FetchException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) throw wholeCallTimeout(original, settings, null);
    Request.Builder rb =
        new Request.Builder()
            .url(url)
            .header("User-Agent", UserAgent.of(settings))
            .header("Accept", options.acceptHeader())
            .tag(Hop.class, new Hop(guard));
    if (options.ifNoneMatch() != null) rb.header("If-None-Match", options.ifNoneMatch());
    if (options.ifModifiedSince() != null) rb.header("If-Modified-Since", options.ifModifiedSince());
    Request request = rb.build();
    OkHttpClient client =
        (guard ? guarded : trusting)
            .newBuilder()
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .callTimeout(0, TimeUnit.MILLISECONDS)
            .build();
    Call call = client.newCall(request);
    call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
    try (Response response = call.execute()) {
      int status = response.code();
      String reason = Reasons.of(status, response.message());
      if (status >= 300 && status != 304) {
        return new Result(status, reason, response.header("Location"), response.header("Retry-After"), null);
      }
      byte[] body = new byte[0];
      boolean truncated = false;
      if (status != 304) try {
        String declared = MediaSniffer.essence(response.header("Content-Type"));
        if (declared != null && !declared.equals("application/octet-stream") && !options.accepts(declared)) {
          throw notAccepted(original, declared, options, "");
        }
        BodyReader.Body read = BodyReader.read(original, response.body(), settings.maxBodyBytes(), options.truncate());
        body = read.bytes();
        truncated = read.truncated();
        if (truncated) call.cancel(); // the rest is not wanted: close the socket rather than drain it
        String effective = MediaSniffer.effectiveType(response.header("Content-Type"), body);
        if (!options.accepts(effective)) throw notAccepted(original, effective, options, " (sniffed from the body)");
      } catch (FetchException e) {
        call.cancel(); // close the socket now rather than let OkHttp drain a flood to reuse it
        throw e;
      }
      Response network = response.networkResponse();
      Request sent = network != null ? network.request() : response.request();
      FetchResponse fr =
          new FetchResponse(
              original, url.uri(), "GET", headers(sent.headers()),
              response.protocol().toString().toUpperCase(Locale.ROOT), status, reason,
              headers(response.headers()), body, Instant.now(clock), truncated);
      return new Result(status, reason, null, null, fr);
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      if (call.isCanceled()) throw wholeCallTimeout(original, settings, e);
      Hop hop = request.tag(Hop.class);
      throw FailureMapper.map(original, url.host(), e, settings, hop != null && hop.connected);
    }
  }

  private static FetchException notAccepted(URI url, String type, FetchOptions options, String how) {
    return new FetchException(
        url, FetchFailure.NOT_HTML, "content type " + type + " is not " + options.acceptedDescription() + how);
  }

  private static FetchException wholeCallTimeout(URI url, RequestSettings s, @Nullable IOException cause) {
    return new FetchException(
        url, FetchFailure.TIMEOUT, "no response within " + Durations.human(s.callTimeout()) + " (whole-call timeout)", 0, cause);
  }

  /** Last line of defence: the address actually connected to, pooled connections included. */
  private static Response checkConnectedAddress(okhttp3.Interceptor.Chain chain) throws IOException {
    Hop hop = chain.request().tag(Hop.class);
    var connection = chain.connection();
    if (hop != null && hop.guard && connection != null) {
      InetAddress a = connection.route().socketAddress().getAddress();
      if (a != null && AddressGuard.isBlocked(a)) {
        throw new AddressGuard.BlockedAddressException(chain.request().url().host(), a);
      }
    }
    return chain.proceed(chain.request());
  }

  private static List<FetchResponse.Header> headers(Headers headers) {
    List<FetchResponse.Header> out = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) out.add(new FetchResponse.Header(headers.name(i), headers.value(i)));
    return out;
  }

  /** Per-request state, carried as the request's tag: whether to guard, and how far the call got. */
  static final class Hop {
    final boolean guard;
    volatile boolean connected;

    Hop(boolean guard) {
      this.guard = guard;
    }
  }

  /** Records that a connection was made, so that a timeout can be told apart as connect or read. */
  private static final class HopListener extends okhttp3.EventListener {
    @Override
    public void connectionAcquired(Call call, okhttp3.Connection connection) {
      Hop hop = call.request().tag(Hop.class);
      if (hop != null) hop.connected = true;
    }
  }

  @Override
  public void close() {
    trusting.dispatcher().executorService().shutdown();
    trusting.connectionPool().evictAll();
  }
}
