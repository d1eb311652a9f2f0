package org.newsarchiver.crawl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.FailureLog;
import org.newsarchiver.archive.RawCapture;
import org.newsarchiver.archive.RunLog;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.archive.ValidatorStore;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;
import org.newsarchiver.extract.LinkExtractor;
import org.newsarchiver.fetch.FetchOptions;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.Fetcher;
import org.newsarchiver.fetch.RobotsCache;

/**
 * One pass over one site: fetch its listing pages (following pagination up to {@code max_pages}),
 * feeds and sitemaps, collect the links its article pattern accepts on its own hosts, and archive
 * the ones not yet in the archive. robots.txt is obeyed; listing pages, feeds and sitemaps are
 * asked for conditionally; an article that failed waits out its back-off. A bad page is recorded
 * and skipped; only an archive failure stops the pass. Thread-safe: one instance serves sites run
 * at once; one site never runs twice at once (its archive lock refuses a second run).
 */
public final class SiteCrawler {
  private final Fetcher fetcher;
  private final ArticlePipeline pipeline;
  private final Path archiveRoot;
  private final boolean allowPrivate;
  private final RawCapture.Factory captures;
  private final Clock clock;
  private final RobotsCache robots;

  /**
   * @param allowPrivate whether links found in pages may lead to loopback, link-local and private
   *     addresses (intranets, tests); start pages named in the config are always fetched
   */
  public SiteCrawler(Fetcher fetcher, ArticlePipeline pipeline, Path archiveRoot, boolean allowPrivate) {
    this(fetcher, pipeline, archiveRoot, allowPrivate, RawCapture.Factory.NONE);
  }

  /** As above, recording every raw exchange through the site's capture. */
  public SiteCrawler(
      Fetcher fetcher,
      ArticlePipeline pipeline,
      Path archiveRoot,
      boolean allowPrivate,
      RawCapture.Factory captures) {
    this.fetcher = fetcher;
    this.pipeline = pipeline;
    this.archiveRoot = archiveRoot;
    this.allowPrivate = allowPrivate;
    this.captures = captures;
    this.clock = Clock.systemUTC();
    this.robots = new RobotsCache(fetcher, clock);
  }

  private SiteCrawler(SiteCrawler other, Clock clock) {
    this.fetcher = other.fetcher;
    this.pipeline = other.pipeline;
    this.archiveRoot = other.archiveRoot;
    this.allowPrivate = other.allowPrivate;
    this.captures = other.captures;
    this.clock = clock;
    this.robots = new RobotsCache(fetcher, clock);
  }

  /** A copy that reads the time (failure back-off, robots.txt expiry) from {@code clock}. */
  public SiteCrawler withClock(Clock clock) {
    return new SiteCrawler(this, clock);
  }

  public CrawlSummary crawl(SiteConfig site, CrawlListener listener) throws IOException {
    return crawl(site, listener, () -> false);
  }

  /**
   * One pass; {@code stop} is asked between pages, so a shutdown finishes the article in hand and
   * starts no other.
   */
  public CrawlSummary crawl(SiteConfig site, CrawlListener listener, BooleanSupplier stop)
      throws IOException {
    long started = System.nanoTime();
    java.time.Instant startedAt = clock.instant();
    List<PageFailure> failures = new ArrayList<>();
    List<CrawlWarning> warnings = new ArrayList<>();
    int listings = 0;
    int added = 0;
    int already = 0;
    int duplicates = 0;
    try (SiteArchive archive = SiteArchive.open(archiveRoot, site.name());
        RawCapture capture = captures.open(archive)) {
      ValidatorStore validators = ValidatorStore.load(archive.dir());
      FailureLog failureLog = FailureLog.load(archive.dir(), Limits.MAX_FAILURE_ATTEMPTS, Limits.FAILURE_RETRY_BASE);
      SiteRequests requests = new SiteRequests(fetcher, robots, site, capture, validators, listener, failures, warnings);
      Map<URI, LinkHint> articles = new LinkedHashMap<>();
      for (URI start : site.startPages()) {
        Deque<URI> pages = new ArrayDeque<>(List.of(start));
        Set<URI> seenPages = new HashSet<>();
        while (!pages.isEmpty() && seenPages.size() < site.maxPages() && !stop.getAsBoolean()) {
          URI page = pages.poll();
          if (!seenPages.add(page)) continue;
          LinkExtractor.Links links = listing(site, page, requests);
          if (links == null) continue;
          listings++;
          for (URI link : links.links()) {
            URI canonical = UrlCanonicalizer.canonical(link);
            if (canonical != null && accepts(site, canonical)) articles.putIfAbsent(canonical, LinkHint.NONE);
          }
          for (URI next : links.nextPages()) {
            URI canonical = UrlCanonicalizer.canonical(next);
            if (canonical != null && site.ownsHost(canonical.getHost()) && !seenPages.contains(canonical)) {
              pages.add(canonical);
            }
          }
        }
      }
      if (!stop.getAsBoolean()) new Discovery(requests, site, allowPrivate).collect(articles);
      listener.discovered(articles.size());
      DriftCheck drift = new DriftCheck(site.driftThreshold());
      int fetched = 0;
      for (Map.Entry<URI, LinkHint> entry : articles.entrySet()) {
        URI url = entry.getKey();
        if (archive.contains(url.toString())) {
          already++;
          continue;
        }
        if (fetched >= site.maxArticles() || stop.getAsBoolean()) break;
        if (!failureLog.mayTry(url.toString(), clock.instant())) continue;
        PageFailure denied = requests.robotsDenial(url, discovered());
        if (denied != null) {
          requests.fail(denied);
          continue;
        }
        fetched++;
        listener.fetched(url);
        ArticlePipeline.Result r =
            pipeline.process(url, site, requests.settingsFor(url, discovered()), discovered(), archive, capture,
                entry.getValue());
        if (r.failure() != null) {
          failureLog.failed(url.toString(), r.failure().cause(), r.failure().detail(), clock.instant());
          requests.fail(r.failure());
        } else {
          failureLog.succeeded(url.toString());
          switch (r.stored().outcome()) {
            case ADDED -> {
              added++;
              drift.archived(r.stored().row());
            }
            case ALREADY_ARCHIVED -> already++;
            case DUPLICATE_TEXT -> duplicates++;
          }
          listener.archived(r.stored());
        }
      }
      if (!stop.getAsBoolean()) {
        new Revisitor(pipeline, requests, site, discovered()).run(archive, clock.instant(), stop, listener);
      }
      validators.save();
      failureLog.save();
      String driftWarnings = drift.warnings(listings, articles.size());
      new RunLog(archive.dir()).append(new RunLog.Run(startedAt, clock.instant(), listings, articles.size(),
          added, already, duplicates, failures.size(), driftWarnings));
      return new CrawlSummary(
          site.name(), listings, articles.size(), added, already, duplicates, failures,
          Duration.ofNanos(System.nanoTime() - started), driftWarnings, warnings);
    }
  }

  /** The links of a listing page, or null when it failed or is unchanged since the last run (304). */
  private LinkExtractor.@Nullable Links listing(SiteConfig site, URI page, SiteRequests requests)
      throws IOException {
    boolean configured = site.startPages().contains(page);
    FetchResponse r = requests.fetch(page, configured ? FetchOptions.html().withAllowPrivate(allowPrivate) : discovered());
    if (r == null || r.notModified()) return null;
    String html = HtmlDecoder.decode(r.body(), r.contentType());
    return LinkExtractor.read(new HtmlPage(r.finalUrl(), html, r.fetchedAt()), site.nextPage());
  }

  private FetchOptions discovered() {
    return FetchOptions.html().discovered().withAllowPrivate(allowPrivate);
  }

  /** Only the site's own hosts, its article pattern, and URLs short and shallow enough not to be traps. */
  static boolean accepts(SiteConfig site, URI url) {
    if (!site.ownsHost(url.getHost()) || !site.isArticleLink(url)) return false;
    String s = url.toString();
    if (s.length() > Limits.MAX_URL_LENGTH) return false;
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return path.split("/").length - 1 <= Limits.MAX_URL_DEPTH;
  }
}
