package org.newsarchiver.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One site's configuration, parsed once from {@code sites/<name>.yaml} and validated: which pages
 * to fetch, which links are articles, how to read the fields, how to behave towards the server.
 */
public record SiteConfig(
    String name,
    URI baseUrl,
    List<String> hosts,
    List<URI> startPages,
    List<URI> feeds,
    List<URI> sitemaps,
    Pattern articlePattern,
    @Nullable Pattern excludePattern,
    List<FieldSelector> nextPage,
    int maxPages,
    int maxArticles,
    Selectors selectors,
    DateSettings dates,
    @Nullable Pattern readCountPattern,
    RequestSettings request,
    String schedule,
    Revisit revisit,
    double driftThreshold) {

  /**
   * When archived articles are fetched again to follow their read count and edits:
   * {@code revisit: {max_age: 7d, interval: 6h}}.
   *
   * @param maxAge articles published (else fetched) longer ago than this are left alone
   * @param interval least time between two visits of one article
   */
  public record Revisit(Duration maxAge, Duration interval) {
    public static final Revisit DEFAULT = new Revisit(Limits.REVISIT_MAX_AGE, Limits.REVISIT_INTERVAL);

    public Revisit {
      if (maxAge.isNegative()) throw new IllegalArgumentException("max_age: must not be negative");
      if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval: must be longer than 0");
    }
  }

  /** A site with the default {@link Revisit} settings. */
  public SiteConfig(
      String name, URI baseUrl, List<String> hosts, List<URI> startPages, List<URI> feeds, List<URI> sitemaps,
      Pattern articlePattern, @Nullable Pattern excludePattern, List<FieldSelector> nextPage, int maxPages,
      int maxArticles, Selectors selectors, DateSettings dates, @Nullable Pattern readCountPattern,
      RequestSettings request, String schedule) {
    this(name, baseUrl, hosts, startPages, feeds, sitemaps, articlePattern, excludePattern, nextPage, maxPages,
        maxArticles, selectors, dates, readCountPattern, request, schedule, Revisit.DEFAULT,
        Limits.DRIFT_THRESHOLD);
  }

  /** A site with the default drift threshold. */
  public SiteConfig(
      String name, URI baseUrl, List<String> hosts, List<URI> startPages, List<URI> feeds, List<URI> sitemaps,
      Pattern articlePattern, @Nullable Pattern excludePattern, List<FieldSelector> nextPage, int maxPages,
      int maxArticles, Selectors selectors, DateSettings dates, @Nullable Pattern readCountPattern,
      RequestSettings request, String schedule, Revisit revisit) {
    this(name, baseUrl, hosts, startPages, feeds, sitemaps, articlePattern, excludePattern, nextPage, maxPages,
        maxArticles, selectors, dates, readCountPattern, request, schedule, revisit, Limits.DRIFT_THRESHOLD);
  }

  /** Site names become folder names, so they are kept to a safe alphabet. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public SiteConfig {
    if (!(driftThreshold >= 0 && driftThreshold <= 1)) {
      throw new IllegalArgumentException("drift_threshold: " + driftThreshold + " is outside 0..1; write e.g. 0.2");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name: '" + name + "' must be 1-64 of a-z 0-9 . _ - starting with a letter or digit");
    }
    hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    startPages = List.copyOf(startPages);
    feeds = List.copyOf(feeds);
    sitemaps = List.copyOf(sitemaps);
    nextPage = List.copyOf(nextPage);
  }

  /**
   * Whether a host belongs to this site: one of its hosts, with or without {@code www.}, or a
   * subdomain of one ({@code edition.cnn.com} for {@code www.cnn.com}).
   */
  public boolean ownsHost(@Nullable String host) {
    if (host == null) return false;
    String h = stripWww(host.toLowerCase(Locale.ROOT));
    for (String own : hosts) {
      String o = stripWww(own);
      if (h.equals(o) || h.endsWith("." + o)) return true;
    }
    return false;
  }

  private static String stripWww(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** Whether a URL is an article of this site by its pattern (and not excluded). */
  public boolean isArticleLink(URI url) {
    String s = url.toString();
    return articlePattern.matcher(s).find()
        && (excludePattern == null || !excludePattern.matcher(s).find());
  }
}
