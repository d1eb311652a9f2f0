package org.newsarchiver.fetch;

import java.io.Closeable;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
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
  private final HttpExchange http;
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
    this.http = new HttpExchange(clock);
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
      HttpExchange.Result ex;
      try {
        ex = http.get(url, current, settings, options, guard, deadline);
      } catch (FetchException e) {
        if (!isRetryable(e) || retries >= settings.maxRetries()) throw afterRetries(e, retries);
        retries++;
        sleep(url, backoff.delay(retries));
        deadline = System.nanoTime() + settings.callTimeout().toNanos();
        continue;
      }
      int status = ex.status();
      if (isRedirect(status)) {
        if (redirects >= settings.maxRedirects()) {
          throw new FetchException(
              url, FetchFailure.TOO_MANY_REDIRECTS, "more than " + settings.maxRedirects() + " redirects", status, null);
        }
        HttpUrl next = redirectTarget(url, current, ex.location());
        if (!visited.add(next)) {
          throw new FetchException(url, FetchFailure.TOO_MANY_REDIRECTS, "redirect loop back to " + next, status, null);
        }
        redirects++;
        current = next;
        continue;
      }
      if (status == 429 || status >= 500) {
        Duration wait = waitBeforeRetry(url, current.host(), ex, settings, retries);
        retries++;
        sleep(url, wait);
        deadline = System.nanoTime() + settings.callTimeout().toNanos();
        continue;
      }
      if (status >= 300 && status != 304) {
        FetchFailure f = status < 400 ? FetchFailure.IO : FetchFailure.HTTP_4XX;
        throw new FetchException(url, f, statusLine(status, ex.reason()), status, null);
      }
      return ex.response();
    }
  }

  /**
   * How long to wait before retrying a 429 or 5xx: Retry-After when given (and telling the pacer),
   * else the back-off. Throws when no retry is left or the server asks for more than the cap.
   */
  private Duration waitBeforeRetry(URI url, String host, HttpExchange.Result ex, RequestSettings settings, int retries)
      throws FetchException {
    int status = ex.status();
    Duration retryAfter = RetryAfter.parse(ex.retryAfter(), clock.instant());
    String line = statusLine(status, ex.reason());
    FetchFailure f = status == 429 ? FetchFailure.HTTP_4XX : FetchFailure.HTTP_5XX;
    if (retryAfter != null && pacer != null) pacer.slowDown(host, retryAfter);
    if (retryAfter != null && retryAfter.compareTo(Limits.MAX_RETRY_AFTER) > 0) {
      throw new FetchException(url, f, line + "; Retry-After " + Durations.human(retryAfter)
          + " exceeds the " + Durations.human(Limits.MAX_RETRY_AFTER) + " limit", status, null);
    }
    if (retries >= settings.maxRetries()) {
      throw new FetchException(url, f, line + retriedSuffix(retries), status, null);
    }
    return retryAfter != null ? retryAfter : backoff.delay(retries + 1);
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

  @Override
  public void close() {
    http.close();
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
