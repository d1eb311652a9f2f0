package org.newsarchiver.crawl;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.extract.DateSource;
import org.newsarchiver.extract.PublishedDate;
import org.newsarchiver.fetch.FetchOptions;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.SitemapReader;

/**
 * Finds article links in a site's feeds and sitemaps: those its config names and those its
 * robots.txt names ({@code Sitemap:} lines), sitemap indexes followed on the site's own hosts up to
 * {@link Limits#MAX_SITEMAP_DEPTH}, at most {@link Limits#MAX_SITEMAPS_PER_RUN} documents and
 * {@link Limits#MAX_SITEMAP_URLS_PER_RUN} URLs per run, {@link Limits#MAX_URLS_PER_SITEMAP} from one
 * document. Each document is read once per run, so an index that lists itself or a cycle of
 * indexes ends. A document over the site's body size limit is cut there and its first part used.
 * Whatever a limit leaves out is said: one warning per document cut short, one per run when the
 * budget ran out with documents or URLs unread.
 * Feed item dates and Google News publication dates and titles are kept as {@link LinkHint}s. A
 * document that fails or does not parse is recorded and skipped; one unchanged since the last run
 * (304) is skipped.
 */
final class Discovery {
  static final String BAD_SITEMAP = "bad-sitemap";

  private final SiteRequests requests;
  private final SiteConfig site;
  private final boolean allowPrivate;
  private final SitemapReader reader;

  private record Doc(URI url, int depth, boolean configured) {}

  Discovery(SiteRequests requests, SiteConfig site, boolean allowPrivate) {
    this.requests = requests;
    this.site = site;
    this.allowPrivate = allowPrivate;
    this.reader = new SitemapReader(Limits.MAX_URLS_PER_SITEMAP, site.request().maxBodyBytes());
  }

  /** Adds the accepted article links found, with their hints; returns the documents read. */
  int collect(Map<URI, LinkHint> articles) throws IOException {
    Deque<Doc> queue = new ArrayDeque<>();
    for (URI u : site.feeds()) queue.add(new Doc(u, 0, true));
    for (URI u : site.sitemaps()) queue.add(new Doc(u, 0, true));
    for (URI u : requests.rules(site.baseUrl(), FetchOptions.html()).sitemaps()) {
      URI c = UrlCanonicalizer.canonical(u);
      if (c != null && site.ownsHost(c.getHost())) queue.add(new Doc(c, 0, false));
    }
    Set<URI> seen = new HashSet<>();
    int read = 0;
    int urls = 0;
    int urlsLeft = 0; // of the last document read, left out by the run's URL budget
    int dropped = 0; // child sitemaps not queued, as the run could not read them
    while (!queue.isEmpty() && read < Limits.MAX_SITEMAPS_PER_RUN && urls < Limits.MAX_SITEMAP_URLS_PER_RUN) {
      Doc doc = queue.poll();
      if (!seen.add(key(doc.url()))) continue;
      FetchOptions options = FetchOptions.xml().withAllowPrivate(allowPrivate).truncating();
      if (!doc.configured()) options = options.discovered();
      FetchResponse r = requests.fetch(doc.url(), options);
      if (r == null || r.notModified()) continue;
      read++;
      SitemapReader.Listing listing;
      try {
        listing = reader.read(r.finalUrl(), r.contentType(), r.body(), r.truncated());
      } catch (SitemapReader.BadDocumentException e) {
        requests.fail(new PageFailure(doc.url(), BAD_SITEMAP, e.detail()));
        continue;
      }
      CrawlWarning cut = CutShort.document(site, doc.url(), r, listing);
      if (cut != null) requests.warn(cut);
      if (doc.depth() < Limits.MAX_SITEMAP_DEPTH) {
        for (URI child : listing.sitemaps()) {
          URI c = UrlCanonicalizer.canonical(child);
          if (c == null || !site.ownsHost(c.getHost()) || seen.contains(key(c))) continue;
          // an index may list thousands: queue no more than can still be read this run
          if (queue.size() >= Limits.MAX_SITEMAPS_PER_RUN - read) {
            dropped++;
            continue;
          }
          queue.add(new Doc(c, doc.depth() + 1, false));
        }
      }
      DateSource source = listing.feed() ? DateSource.FEED : DateSource.SITEMAP;
      List<SitemapReader.Entry> entries = listing.entries();
      for (int i = 0; i < entries.size(); i++) {
        if (urls >= Limits.MAX_SITEMAP_URLS_PER_RUN) {
          urlsLeft = entries.size() - i;
          break;
        }
        SitemapReader.Entry e = entries.get(i);
        urls++;
        URI c = UrlCanonicalizer.canonical(e.url());
        if (c == null || seen.contains(c) || !SiteCrawler.accepts(site, c)) continue; // a sitemap is no article
        LinkHint hint =
            new LinkHint(e.published() == null ? null : new PublishedDate(e.published()), e.title(), source);
        LinkHint old = articles.get(c);
        if (old == null || old.isEmpty()) articles.put(c, hint);
      }
    }
    int docsLeft = dropped + (int) queue.stream().map(d -> key(d.url())).filter(k -> !seen.contains(k)).distinct().count();
    if (urlsLeft > 0 || docsLeft > 0) requests.warn(CutShort.budget(site, read, urls, urlsLeft, docsLeft));
    return read;
  }

  /** One document however its URL is spelled, so that a cycle is caught through any spelling. */
  private static URI key(URI url) {
    URI c = UrlCanonicalizer.canonical(url);
    return c == null ? url : c;
  }
}
