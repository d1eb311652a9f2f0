package org.newsarchiver.config;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** How requests to one site are made: identity, pacing, timeouts and size limits. */
public record RequestSettings(
    @Nullable String userAgent,
    @Nullable URI contactUrl,
    Duration delay,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxRedirects,
    long maxBodyBytes,
    int maxRetries) {

  public static final RequestSettings DEFAULT =
      new RequestSettings(
          null,
          null,
          Limits.POLITENESS_DELAY,
          Limits.CONNECT_TIMEOUT,
          Limits.READ_TIMEOUT,
          Limits.CALL_TIMEOUT,
          Limits.MAX_REDIRECTS,
          Limits.MAX_BODY_BYTES,
          Limits.MAX_RETRIES);

  public RequestSettings {
    requireNonNegative(delay, "delay");
    requirePositive(connectTimeout, "connect_timeout");
    requirePositive(readTimeout, "read_timeout");
    requirePositive(callTimeout, "call_timeout");
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException("max_redirects: " + maxRedirects + " is outside 0..20");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("max_body_size: must be at least 1 byte");
    }
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("retries: " + maxRetries + " is outside 0..10");
    }
  }

  /** A copy with another politeness delay (benchmarks and tests turn it off). */
  public RequestSettings withDelay(Duration newDelay) {
    return new RequestSettings(
        userAgent, contactUrl, newDelay, connectTimeout, readTimeout, callTimeout, maxRedirects,
        maxBodyBytes, maxRetries);
  }

  private static void requirePositive(Duration d, String field) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + ": must be longer than 0");
    }
  }

  private static void requireNonNegative(Duration d, String field) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(field + ": must not be negative");
    }
  }
}
