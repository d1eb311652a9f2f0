package org.newsarchiver.crawl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.newsarchiver.archive.RawCapture;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;
import org.newsarchiver.extract.LinkExtractor;
import org.newsarchiver.fetch.FetchException;
import org.newsarchiver.fetch.FetchOptions;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.Fetcher;

/**
 * One pass over one site: fetch its listing pages (following pagination up to {@code max_pages}),
 * collect the links its article pattern accepts on its own hosts, and archive the ones not yet in
 * the archive. A bad page is recorded and skipped; only an archive failure stops the pass.
 */
public final class SiteCrawler {
  private final Fetcher fetcher;
  private final ArticlePipeline pipeline;
  private final Path archiveRoot;
  private final boolean allowPrivate;
  private final RawCapture.Factory captures;

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
    List<PageFailure> failures = new ArrayList<>();
    int listings = 0;
    int added = 0;
    int already = 0;
    int duplicates = 0;
    try (SiteArchive archive = SiteArchive.open(archiveRoot, site.name());
        RawCapture capture = captures.open(archive)) {
      Set<URI> articles = new LinkedHashSet<>();
      for (URI start : site.startPages()) {
        Deque<URI> pages = new ArrayDeque<>(List.of(start));
        Set<URI> seenPages = new HashSet<>();
        while (!pages.isEmpty() && seenPages.size() < site.maxPages() && !stop.getAsBoolean()) {
          URI page = pages.poll();
          if (!seenPages.add(page)) continue;
          LinkExtractor.Links links = listing(site, page, failures, listener, capture);
          if (links == null) continue;
          listings++;
          for (URI link : links.links()) {
            URI canonical = UrlCanonicalizer.canonical(link);
            if (canonical != null && accepts(site, canonical)) articles.add(canonical);
          }
          for (URI next : links.nextPages()) {
            URI canonical = UrlCanonicalizer.canonical(next);
            if (canonical != null && site.ownsHost(canonical.getHost()) && !seenPages.contains(canonical)) {
              pages.add(canonical);
            }
          }
        }
      }
      int fetched = 0;
      for (URI url : articles) {
        if (archive.findByUrl(url.toString()) != null) {
          already++;
          continue;
        }
        if (fetched >= site.maxArticles() || stop.getAsBoolean()) break;
        fetched++;
        listener.fetched(url);
        ArticlePipeline.Result r =
            pipeline.process(url, site, site.request(), discovered(), archive, capture);
        if (r.failure() != null) {
          failures.add(r.failure());
          listener.failed(r.failure());
        } else {
          switch (r.stored().outcome()) {
            case ADDED -> added++;
            case ALREADY_ARCHIVED -> already++;
            case DUPLICATE_TEXT -> duplicates++;
          }
          listener.archived(r.stored());
        }
      }
      return new CrawlSummary(
          site.name(), listings, articles.size(), added, already, duplicates, failures,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private LinkExtractor.Links listing(
      SiteConfig site, URI page, List<PageFailure> failures, CrawlListener listener, RawCapture capture)
      throws IOException {
    listener.fetched(page);
    try {
      boolean configured = site.startPages().contains(page);
      FetchResponse r =
          fetcher.fetch(page, site.request(), configured ? FetchOptions.html() : discovered());
      capture.record(r, null);
      String html = HtmlDecoder.decode(r.body(), r.contentType());
      return LinkExtractor.read(new HtmlPage(r.finalUrl(), html, r.fetchedAt()), site.nextPage());
    } catch (FetchException e) {
      PageFailure f = new PageFailure(page, e.failure().label(), e.getMessage());
      failures.add(f);
      listener.failed(f);
      return null;
    }
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
