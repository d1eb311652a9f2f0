package org.newsarchiver.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.RequestSettings;

/**
 * Fetches one URL with OkHttp within the limits of a site's {@link RequestSettings}: connect, read
 * and whole-call timeouts; redirects followed one by one (http/https only, loops and long chains
 * refused, every hop address-checked); a size cap on the decompressed body; a media-type check
 * with sniffing; conditional requests; bounded retries with back-off and Retry-After; and, when
 * given a {@link HostPacer}, a minimum gap between requests to one host.
 *
 * <p>Thread-safe: one instance serves all sites and threads; it keeps one connection pool.
 */
public final class Fetcher implements Closeable {
  private final OkHttpClient trusting;
  private final OkHttpClient guarded;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final @Nullable HostPacer pacer;

  public Fetcher() {
    this(builder());
  }

  public Fetcher(Clock clock) {
    this(builder().clock(clock));
  }

  private Fetcher(Builder b) {
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.backoff = new Backoff(b.retryBase, b.jitter);
    this.pacer = b.pacer;
    this.trusting =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .followSslRedirects(false)
            .eventListenerFactory(call -> new HopListener())
            .addNetworkInterceptor(Fetcher::checkConnectedAddress)
            .build();
    this.guarded = trusting.newBuilder().dns(AddressGuard.GUARDED_DNS).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fetches an HTML page named by the user; see {@link #fetch(URI, RequestSettings, FetchOptions)}. */
  public FetchResponse fetch(URI url, RequestSettings settings) throws FetchException {
    return fetch(url, settings, FetchOptions.html());
  }

  /**
   * Fetches a URL, following redirects. Returns a 2xx response whose media type the options accept,
   * or a 304 (then {@link FetchResponse#notModified()} and an empty body); anything else is thrown.
   *
   * @throws FetchException with the failure and a short detail, e.g. {@code HTTP 404 Not Found}
   */
  public FetchResponse fetch(URI url, RequestSettings settings, FetchOptions options) throws FetchException {
    HttpUrl first = HttpUrl.parse(url.toString());
    if (first == null || !url.isAbsolute()) {
      throw new FetchException(url, FetchFailure.BAD_URL, "not an http(s) URL: " + url);
    }
    String trustedOrigin = options.firstHopTrusted() ? origin(first) : null;
    Set<HttpUrl> visited = new HashSet<>();
    visited.add(first);
    HttpUrl current = first;
    int redirects = 0;
    int retries = 0;
    long deadline = System.nanoTime() + settings.callTimeout().toNanos();
    while (true) {
      boolean guard = !options.allowPrivate() && !origin(current).equals(trustedOrigin);
      if (guard) checkLiteral(url, current);
      pace(url, current, settings);
      Exchange ex;
      try {
        ex = exchange(url, current, settings, options, guard, deadline);
      } catch (FetchException e) {
        if (!isRetryable(e) || retries >= settings.maxRetries()) throw afterRetries(e, retries);
        retries++;
        sleep(url, backoff.delay(retries));
        deadline = System.nanoTime() + settings.callTimeout().toNanos();
        continue;
      }
      int status = ex.status;
      if (isRedirect(status)) {
        if (redirects >= settings.maxRedirects()) {
          throw new FetchException(
              url, FetchFailure.TOO_MANY_REDIRECTS, "more than " + settings.maxRedirects() + " redirects", status, null);
        }
        HttpUrl next = redirectTarget(url, current, ex.location);
        if (!visited.add(next)) {
          throw new FetchException(url, FetchFailure.TOO_MANY_REDIRECTS, "redirect loop back to " + next, status, null);
        }
        redirects++;
        current = next;
        continue;
      }
      if (status == 429 || status >= 500) {
        Duration retryAfter = RetryAfter.parse(ex.retryAfter, clock.instant());
        String http = statusLine(status, ex.reason);
        FetchFailure f = status == 429 ? FetchFailure.HTTP_4XX : FetchFailure.HTTP_5XX;
        if (retryAfter != null && retryAfter.compareTo(Limits.MAX_RETRY_AFTER) > 0) {
          if (pacer != null) pacer.slowDown(current.host(), retryAfter);
          throw new FetchException(url, f, http + "; Retry-After " + Durations.human(retryAfter)
              + " exceeds the " + Durations.human(Limits.MAX_RETRY_AFTER) + " limit", status, null);
        }
        if (retries >= settings.maxRetries()) {
          throw new FetchException(url, f, http + retriedSuffix(retries), status, null);
        }
        retries++;
        if (retryAfter != null && pacer != null) pacer.slowDown(current.host(), retryAfter);
        sleep(url, retryAfter != null ? retryAfter : backoff.delay(retries));
        deadline = System.nanoTime() + settings.callTimeout().toNanos();
        continue;
      }
      if (status >= 300 && status != 304) {
        FetchFailure f = status < 400 ? FetchFailure.IO : FetchFailure.HTTP_4XX;
        throw new FetchException(url, f, statusLine(status, ex.reason), status, null);
      }
      return ex.response;
    }
  }

  /** The outcome of one request: a finished response, or the status line of one not to be read. */
  private record Exchange(
      int status, String reason, @Nullable String location, @Nullable String retryAfter, @Nullable FetchResponse response) {}

  private Exchange exchange(
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
      if (isRedirect(status) || status >= 400 || (status >= 300 && status != 304)) {
        return new Exchange(status, reason, response.header("Location"), response.header("Retry-After"), null);
      }
      byte[] body = new byte[0];
      if (status != 304) try {
        String declared = MediaSniffer.essence(response.header("Content-Type"));
        if (declared != null && !declared.equals("application/octet-stream") && !options.accepts(declared)) {
          throw notAccepted(original, declared, options, "");
        }
        body = BodyReader.read(original, response.body(), settings.maxBodyBytes());
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
              headers(response.headers()), body, Instant.now(clock));
      return new Exchange(status, reason, null, null, fr);
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      if (call.isCanceled()) throw wholeCallTimeout(original, settings, e);
      Hop hop = request.tag(Hop.class);
      throw FailureMapper.map(original, e, settings, hop != null && hop.connected);
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

  private static boolean isRetryable(FetchException e) {
    return switch (e.failure()) {
      case REFUSED, RESET -> true;
      case TIMEOUT -> !e.getMessage().contains("whole-call");
      default -> false;
    };
  }

  private static FetchException afterRetries(FetchException e, int retries) {
    if (retries == 0) return e;
    return new FetchException(e.url(), e.failure(), e.getMessage() + retriedSuffix(retries), e.status(), e.getCause());
  }

  private static String retriedSuffix(int retries) {
    return retries == 0 ? "" : retries == 1 ? " after 1 retry" : " after " + retries + " retries";
  }

  private static String statusLine(int status, String reason) {
    return reason.isEmpty() ? "HTTP " + status : "HTTP " + status + " " + reason;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static HttpUrl redirectTarget(URI original, HttpUrl current, @Nullable String location) throws FetchException {
    if (location == null || location.isBlank()) {
      throw new FetchException(original, FetchFailure.BAD_URL, "redirect without a Location header");
    }
    String loc = location.strip();
    int colon = loc.indexOf(':');
    if (colon > 0 && loc.substring(0, colon).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
      String scheme = loc.substring(0, colon).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new FetchException(original, FetchFailure.BAD_URL, "redirect to a non-HTTP URL: " + loc);
      }
    }
    HttpUrl next = current.resolve(loc);
    if (next == null) throw new FetchException(original, FetchFailure.BAD_URL, "redirect to a bad URL: " + loc);
    return next;
  }

  private static void checkLiteral(URI original, HttpUrl url) throws FetchException {
    InetAddress a = AddressGuard.literal(url.host());
    if (a != null && AddressGuard.isBlocked(a)) {
      throw new FetchException(
          original, FetchFailure.BLOCKED_ADDRESS, AddressGuard.BlockedAddressException.describe(url.host(), a));
    }
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

  private void pace(URI original, HttpUrl url, RequestSettings settings) throws FetchException {
    if (pacer == null) return;
    try {
      pacer.acquire(url.host(), settings.delay());
    } catch (HostPacer.HostBusyException e) {
      throw new FetchException(original, FetchFailure.TIMEOUT, e.getMessage(), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(original, FetchFailure.IO, "interrupted", 0, e);
    }
  }

  private void sleep(URI original, Duration d) throws FetchException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(original, FetchFailure.IO, "interrupted", 0, e);
    }
  }

  private static String origin(HttpUrl u) {
    return u.scheme() + "://" + u.host() + ":" + u.port();
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

  /** Optional parts of a {@link Fetcher}; every one has a production default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier jitter = Backoff.randomJitter();
    private Duration retryBase = Limits.RETRY_BASE_DELAY;
    private @Nullable HostPacer pacer;

    private Builder() {}

    /** The clock for {@code fetchedAt} and Retry-After dates. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Who waits between retries (tests record instead of sleeping). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** Jitter source in [0, 1); a constant makes back-off delays exact. */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = jitter;
      return this;
    }

    public Builder retryBaseDelay(Duration base) {
      this.retryBase = base;
      return this;
    }

    /** Paces requests per host; shared across all sites. None by default. */
    public Builder pacer(@Nullable HostPacer pacer) {
      this.pacer = pacer;
      return this;
    }

    public Fetcher build() {
      return new Fetcher(this);
    }
  }
}
