package org.newsarchiver.config;

import java.time.Duration;

/**
 * Every default limit of the tool in one place: the README's limits table is copied from here.
 * Site configs may override the request-level ones.
 */
public final class Limits {
  /** TCP connect timeout. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Longest wait for the next bytes of a response. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
  /** Whole call, all redirects and the body included: ends a trickling server. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  /** Redirects followed before a fetch fails with too-many-redirects. */
  public static final int MAX_REDIRECTS = 5;
  /** Response body size after decompression; a larger body is refused, never cut short. */
  public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
  /** Retries after the first attempt, on connection failures, 5xx and 429. */
  public static final int MAX_RETRIES = 3;
  /** First retry back-off; doubles on each retry, with jitter. */
  public static final Duration RETRY_BASE_DELAY = Duration.ofMillis(500);
  /** Longest wait that a Retry-After header can impose before we give up on that URL for now. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
  /** Pause between two requests to one host. */
  public static final Duration POLITENESS_DELAY = Duration.ofSeconds(1);
  /** Listing pages followed per start page through pagination. */
  public static final int MAX_PAGES = 10;
  /** Articles fetched per site run; the rest wait for the next run. */
  public static final int MAX_ARTICLES_PER_RUN = 1000;
  /** URLs longer than this are ignored as likely crawler traps. */
  public static final int MAX_URL_LENGTH = 2048;
  /** Path segments beyond this are ignored as likely crawler traps. */
  public static final int MAX_URL_DEPTH = 16;
  /** Default Quartz cron schedule of a site: every hour, at minute 0. */
  public static final String DEFAULT_SCHEDULE = "0 0 * * * ?";

  /** Size at which a site's WARC file is closed and the next one started. */
  public static final long WARC_ROLL_BYTES = 1024L * 1024 * 1024;

  private Limits() {}
}
