package org.newsarchiver.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.newsarchiver.config.RequestSettings;

/**
 * The robots.txt rules of each host (RFC 9309), fetched once and kept for {@link #TTL}, matched
 * against our product token {@value #AGENT}. A 4xx robots.txt allows everything; a 5xx, a
 * connection failure or a body over {@link #MAX_BYTES} disallows everything until the entry
 * expires. Redirects are followed by the fetcher (up to 5). The parser never fetches; this class
 * fetches and parses.
 *
 * <p>Thread-safe: two threads may fetch one host's file at once; the last answer is kept.
 */
public final class RobotsCache {
  /** Our product token in robots.txt groups. */
  public static final String AGENT = "news-archiver";
  /** How long a host's rules are kept. */
  public static final Duration TTL = Duration.ofDays(1);
  /** The largest robots.txt read (RFC 9309 asks for at least 500 KiB). */
  public static final long MAX_BYTES = 500L * 1024;
  /** The longest Crawl-delay obeyed; a longer one is cut to this. */
  public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

  private final Fetcher fetcher;
  private final Clock clock;
  private final ConcurrentMap<String, Cached> hosts = new ConcurrentHashMap<>();

  private record Cached(Rules rules, Instant until) {}

  /** One host's rules: what may be fetched, its Crawl-delay and the sitemaps it names. */
  public record Rules(BaseRobotRules rules) {
    public boolean allows(URI url) {
      return rules.isAllowed(url.toString());
    }

    /** The delay to keep between requests: the larger of ours and the host's Crawl-delay (capped). */
    public Duration delay(Duration ours) {
      long ms = rules.getCrawlDelay();
      if (ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0) return ours;
      Duration theirs = Duration.ofMillis(ms);
      if (theirs.compareTo(MAX_CRAWL_DELAY) > 0) theirs = MAX_CRAWL_DELAY;
      return theirs.compareTo(ours) > 0 ? theirs : ours;
    }

    public List<URI> sitemaps() {
      return rules.getSitemaps().stream().map(s -> {
        try {
          return URI.create(s.strip());
        } catch (IllegalArgumentException e) {
          return null;
        }
      }).filter(u -> u != null).toList();
    }
  }

  public RobotsCache(Fetcher fetcher, Clock clock) {
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /** The rules of the URL's host (scheme, host and port), fetching robots.txt when not cached. */
  public Rules rules(URI url, RequestSettings settings, FetchOptions options) {
    String key = key(url);
    Instant now = clock.instant();
    Cached c = hosts.get(key);
    if (c != null && now.isBefore(c.until())) return c.rules();
    Rules r = new Rules(fetchRules(URI.create(key + "/robots.txt"), settings, options));
    hosts.put(key, new Cached(r, now.plus(TTL)));
    return r;
  }

  private BaseRobotRules fetchRules(URI robots, RequestSettings settings, FetchOptions options) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5); // we cap the delay, not refuse the host
    RequestSettings capped =
        new RequestSettings(
            settings.userAgent(), settings.contactUrl(), settings.delay(), settings.connectTimeout(),
            settings.readTimeout(), settings.callTimeout(), Math.min(5, settings.maxRedirects()),
            Math.min(MAX_BYTES, settings.maxBodyBytes()), settings.maxRetries());
    try {
      FetchResponse r = fetcher.fetch(robots, capped, options.withAcceptedTypes(List.of("*/*")));
      return parser.parseContent(robots.toString(), r.body(), "text/plain", List.of(AGENT));
    } catch (FetchException e) {
      if (e.failure() == FetchFailure.HTTP_4XX && e.status() != 429) {
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
      }
      return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
    }
  }

  private static String key(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
  }
}
