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

  /** Sitemaps and feeds (indexes and their children included) read per site run. */
  public static final int MAX_SITEMAPS_PER_RUN = 50;
  /** URLs taken from sitemaps and feeds per site run; the rest are ignored this run. */
  public static final int MAX_SITEMAP_URLS_PER_RUN = 50_000;
  /** Depth of sitemap indexes followed (an index of indexes is depth 2). */
  public static final int MAX_SITEMAP_DEPTH = 3;
  /** URLs taken from one sitemap or feed; the rest of it is ignored (the sitemap protocol's own cap). */
  public static final int MAX_URLS_PER_SITEMAP = 50_000;
  /** How long a host's robots.txt rules are kept. */
  public static final Duration ROBOTS_TTL = Duration.ofDays(1);
  /**
   * How long a robots.txt that answered 5xx or 429, or could not be reached, counts as disallowing
   * the whole host before it is asked again (RFC 9309 2.3.1.4).
   */
  public static final Duration ROBOTS_UNREACHABLE_TTL = Duration.ofMinutes(30);
  /** The part of a robots.txt read; the rest is ignored (RFC 9309 asks for at least 500 KiB). */
  public static final long ROBOTS_MAX_BYTES = 500L * 1024;
  /** Redirects followed to a robots.txt (RFC 9309: at least five); beyond, it counts as missing. */
  public static final int ROBOTS_MAX_REDIRECTS = 5;
  /** The longest Crawl-delay obeyed; a longer one is cut to this. */
  public static final Duration ROBOTS_MAX_CRAWL_DELAY = Duration.ofSeconds(60);
  /** Attempts at an article that keeps failing; after the last one it is left alone. */
  public static final int MAX_FAILURE_ATTEMPTS = 5;
  /** Wait before the second attempt at a failed article; doubles after each further failure. */
  public static final Duration FAILURE_RETRY_BASE = Duration.ofHours(1);
  /** Articles published (else fetched) longer ago than this are not revisited. */
  public static final Duration REVISIT_MAX_AGE = Duration.ofDays(7);
  /** Least time between two visits of one archived article. */
  public static final Duration REVISIT_INTERVAL = Duration.ofHours(6);
  /** Revisits per site run, made after the new articles so they never crowd them out. */
  public static final int MAX_REVISITS_PER_RUN = 100;
  /** Size at which a site's WARC file is closed and the next one started. */
  public static final long WARC_ROLL_BYTES = 1024L * 1024 * 1024;

  private Limits() {}

  /** Share of a run's new articles with an empty field above which the site is flagged as drifted. */
  public static final double DRIFT_THRESHOLD = 0.2;
}
