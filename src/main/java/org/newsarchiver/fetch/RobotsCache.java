package org.newsarchiver.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.RequestSettings;

/**
 * The robots.txt rules of each host (RFC 9309), fetched once and kept for {@link #TTL}, matched
 * against our product token {@value #AGENT}. Up to {@link Limits#ROBOTS_MAX_REDIRECTS} redirects are
 * followed, to other hosts too. Only the first {@link #MAX_BYTES} of a longer file are read and
 * obeyed, up to its last whole line (a line cut in two could allow more than it says). A 4xx
 * (but 429), a redirect loop or a longer chain means there is no robots.txt: everything is
 * allowed. A 5xx, a 429 or a host that cannot be reached disallows everything for
 * {@link Limits#ROBOTS_UNREACHABLE_TTL}, then robots.txt is asked for again. The parser never
 * fetches; this class fetches and parses.
 *
 * <p>Thread-safe: two threads may fetch one host's file at once; the last answer is kept.
 */
public final class RobotsCache {
  /** Our product token in robots.txt groups. */
  public static final String AGENT = "news-archiver";
  /** How long a host's rules are kept. */
  public static final Duration TTL = Limits.ROBOTS_TTL;
  /** The part of a robots.txt read and obeyed (RFC 9309 asks for at least 500 KiB). */
  public static final long MAX_BYTES = Limits.ROBOTS_MAX_BYTES;
  /** The longest Crawl-delay obeyed; a longer one is cut to this. */
  public static final Duration MAX_CRAWL_DELAY = Limits.ROBOTS_MAX_CRAWL_DELAY;

  private static final String DISALLOWED = "disallowed by robots.txt";

  private final Fetcher fetcher;
  private final Clock clock;
  private final ConcurrentMap<String, Cached> hosts = new ConcurrentHashMap<>();

  private record Cached(Rules rules, Instant until) {}

  /**
   * One host's rules: what may be fetched, its Crawl-delay and the sitemaps it names.
   *
   * @param denial why a URL of the host is refused: {@code disallowed by robots.txt}, or what made
   *     robots.txt unreachable and until when that holds
   * @param cut how the file was cut when it was longer than was read, else null
   */
  public record Rules(BaseRobotRules rules, String denial, @Nullable Cut cut) {
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

  /**
   * A robots.txt longer than the part read: only that part, to its last whole line, is obeyed.
   *
   * @param url the robots.txt asked for
   * @param read the bytes read: {@link #MAX_BYTES}, or the site's smaller body size limit
   * @param size the whole file's size as the server declared it (Content-Length), or -1 when it did not
   */
  public record Cut(URI url, long read, long size) {}

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
    Cached fresh = fetchRules(URI.create(key + "/robots.txt"), settings, options, now);
    hosts.put(key, fresh);
    return fresh.rules();
  }

  private Cached fetchRules(URI robots, RequestSettings settings, FetchOptions options, Instant now) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5); // we cap the delay, not refuse the host
    RequestSettings capped =
        new RequestSettings(
            settings.userAgent(), settings.contactUrl(), settings.delay(), settings.connectTimeout(),
            settings.readTimeout(), settings.callTimeout(), Limits.ROBOTS_MAX_REDIRECTS,
            Math.min(MAX_BYTES, settings.maxBodyBytes()), settings.maxRetries());
    try {
      FetchResponse r = fetcher.fetch(robots, capped, options.withAcceptedTypes(List.of("*/*")).truncating());
      byte[] body = r.truncated() ? wholeLines(r.body()) : r.body();
      BaseRobotRules rules = parser.parseContent(robots.toString(), body, "text/plain", List.of(AGENT));
      Cut cut = r.truncated() ? new Cut(robots, r.body().length, r.declaredSize()) : null;
      return new Cached(new Rules(rules, DISALLOWED, cut), now.plus(TTL));
    } catch (FetchException e) {
      boolean missing = (e.failure() == FetchFailure.HTTP_4XX && e.status() != 429)
          || e.failure() == FetchFailure.TOO_MANY_REDIRECTS;
      if (missing) {
        return new Cached(new Rules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), DISALLOWED, null),
            now.plus(TTL));
      }
      Instant until = now.plus(Limits.ROBOTS_UNREACHABLE_TTL);
      String denial = "robots.txt unreachable (" + e.failure().label() + ": " + e.getMessage()
          + "), so the whole host counts as disallowed until " + until.truncatedTo(ChronoUnit.SECONDS)
          + "; it is asked for again then";
      return new Cached(new Rules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), denial, null), until);
    }
  }

  /** The bytes up to the last line break: the line a cut ran through is dropped, not half read. */
  static byte[] wholeLines(byte[] body) {
    for (int i = body.length - 1; i >= 0; i--) {
      if (body[i] == '\n' || body[i] == '\r') return Arrays.copyOf(body, i + 1);
    }
    return new byte[0];
  }

  private static String key(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
  }
}
