package org.newsarchiver.crawl;

import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.RawCapture;
import org.newsarchiver.archive.ValidatorStore;
import org.newsarchiver.config.RequestSettings;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.fetch.FetchException;
import org.newsarchiver.fetch.FetchOptions;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.Fetcher;
import org.newsarchiver.fetch.RobotsCache;

/**
 * The requests of one site run that are not articles (listing pages, feeds, sitemaps), and the
 * politeness every request of the run shares: robots.txt consulted first, its Crawl-delay raising
 * the delay; conditional requests from the stored validators; the raw exchange captured; a failure
 * recorded and the run carried on. Not thread-safe: one per site run.
 */
final class SiteRequests {
  static final String ROBOTS = "robots";

  private final Fetcher fetcher;
  private final RobotsCache robots;
  private final SiteConfig site;
  private final RawCapture capture;
  private final ValidatorStore validators;
  private final CrawlListener listener;
  private final List<PageFailure> failures;
  private final List<CrawlWarning> warnings;
  private final Set<URI> cutRobots = new HashSet<>();

  SiteRequests(Fetcher fetcher, RobotsCache robots, SiteConfig site, RawCapture capture,
      ValidatorStore validators, CrawlListener listener, List<PageFailure> failures, List<CrawlWarning> warnings) {
    this.fetcher = fetcher;
    this.robots = robots;
    this.site = site;
    this.capture = capture;
    this.validators = validators;
    this.listener = listener;
    this.failures = failures;
    this.warnings = warnings;
  }

  /**
   * The rules of the URL's host (fetched once a day per host). A robots.txt read only in part is
   * warned of once per run, as every run obeys only that part.
   */
  RobotsCache.Rules rules(URI url, FetchOptions options) {
    RobotsCache.Rules rules = robots.rules(url, site.request(), options);
    RobotsCache.Cut cut = rules.cut();
    if (cut != null && cutRobots.add(cut.url())) warn(CutShort.robots(site, cut));
    return rules;
  }

  /** The site's settings with the host's Crawl-delay, when larger than the site's delay. */
  RequestSettings settingsFor(URI url, FetchOptions options) {
    RequestSettings s = site.request();
    return s.withDelay(rules(url, options).delay(s.delay()));
  }

  /** A failure with cause {@code robots} when robots.txt disallows the URL (or is unreachable), else null. */
  @Nullable PageFailure robotsDenial(URI url, FetchOptions options) {
    RobotsCache.Rules rules = rules(url, options);
    if (rules.allows(url)) return null;
    return new PageFailure(url, ROBOTS, rules.denial());
  }

  /**
   * Fetches a listing page, feed or sitemap conditionally. Returns the response (a 304 when
   * unchanged since the validators stored), or null after recording a failure. Throws only when
   * the capture cannot be written.
   */
  @Nullable FetchResponse fetch(URI url, FetchOptions options) throws IOException {
    listener.fetched(url);
    PageFailure denied = robotsDenial(url, options);
    if (denied != null) {
      fail(denied);
      return null;
    }
    ValidatorStore.Validators v = validators.get(url.toString());
    FetchOptions o = v == null ? options : options.conditional(v.etag(), v.lastModified());
    try {
      FetchResponse r = fetcher.fetch(url, settingsFor(url, options), o);
      capture.record(r, null);
      if (!r.notModified()) validators.put(url.toString(), r.header("ETag"), r.header("Last-Modified"));
      return r;
    } catch (FetchException e) {
      fail(new PageFailure(url, e.failure().label(), e.getMessage()));
      return null;
    }
  }

  void fail(PageFailure f) {
    failures.add(f);
    listener.failed(f);
  }

  void warn(CrawlWarning w) {
    warnings.add(w);
    listener.warned(w);
  }
}
