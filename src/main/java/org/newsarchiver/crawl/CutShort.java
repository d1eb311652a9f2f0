package org.newsarchiver.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.RobotsCache;
import org.newsarchiver.fetch.SitemapReader;

/**
 * The warnings of discovery cut short, worded in one place: which limit cut what, what was kept,
 * and the config change that gets the rest. Without them a site's sitemap grown past a limit
 * silently loses its newest URLs. Stateless.
 */
final class CutShort {
  static final String TRUNCATED_SITEMAP = "truncated-sitemap";
  static final String TOO_MANY_URLS = "too-many-urls";
  static final String SITEMAP_BUDGET = "sitemap-budget";
  static final String TRUNCATED_ROBOTS = "truncated-robots";

  private CutShort() {}

  /** The warning for a feed or sitemap that listed more than was taken, or null when it was taken whole. */
  static @Nullable CrawlWarning document(SiteConfig site, URI url, FetchResponse r, SitemapReader.Listing l) {
    if (!l.cut()) return null;
    boolean index = l.entries().isEmpty() && !l.sitemaps().isEmpty();
    String kind = l.feed() ? "feed" : index ? "sitemap index" : "sitemap";
    String what = index ? "sitemaps" : "URLs";
    long limit = site.request().maxBodyBytes();
    if (l.overCap()) {
      String of = l.bytesCut()
          ? "of the " + count(l.listed()) + " " + what + " in its first " + size(limit)
          : "of its " + count(l.listed()) + " " + what;
      return new CrawlWarning(url.toString(), TOO_MANY_URLS,
          "kept the first " + count(Limits.MAX_URLS_PER_SITEMAP) + " " + of + " (at most "
              + count(Limits.MAX_URLS_PER_SITEMAP) + " are taken from one " + kind + "); "
              + (l.feed() ? "list smaller feeds under feeds:" : "list smaller sitemaps of the site under sitemaps:")
              + " in " + config(site) + " instead");
    }
    long whole = r.declaredSize();
    String read = r.truncated()
        ? "read the first " + size(limit) + (whole > limit ? " of " + size(whole) : " of a longer " + kind)
        : "inflated the gzipped " + kind + " to its first " + size(limit);
    return new CrawlWarning(url.toString(), TRUNCATED_SITEMAP,
        read + " (request.max_body_size), " + count(l.entries().size() + l.sitemaps().size()) + " " + what
            + " kept; raise request.max_body_size in " + config(site)
            + (l.feed() ? "" : " or list smaller sitemaps of the site under sitemaps: instead"));
  }

  /**
   * The run's one warning when its feed and sitemap budget ran out with documents or URLs unread.
   *
   * @param urlsLeft URLs of the last document read that the budget left out
   * @param docsLeft documents found and not read
   */
  static CrawlWarning budget(SiteConfig site, int read, int urls, int urlsLeft, int docsLeft) {
    String spent = urls >= Limits.MAX_SITEMAP_URLS_PER_RUN
        ? "took " + count(urls) + " URLs from " + documents(read) + ", the most URLs per run"
        : read >= Limits.MAX_SITEMAPS_PER_RUN
            ? "read " + documents(read) + ", the most per run"
            // what was queued to the budget failed, and what was not queued is still left out
            : "read " + documents(read) + " (a run queues no more than " + Limits.MAX_SITEMAPS_PER_RUN + ")";
    List<String> left = new ArrayList<>();
    if (urlsLeft > 0) left.add(count(urlsLeft) + " more URL" + (urlsLeft == 1 ? "" : "s") + " of the last one");
    if (docsLeft > 0) left.add(docsLeft + " more " + (docsLeft == 1 ? "feed or sitemap" : "feeds and sitemaps"));
    return new CrawlWarning(site.name(), SITEMAP_BUDGET,
        spent + ", and left " + String.join(" and ", left) + " unread; list fewer, smaller sitemaps"
            + " (a news sitemap, an index's recent parts) under sitemaps: in " + config(site));
  }

  /** The warning for a robots.txt longer than the part read. */
  static CrawlWarning robots(SiteConfig site, RobotsCache.Cut cut) {
    String fix = site.request().maxBodyBytes() < Limits.ROBOTS_MAX_BYTES
        ? "raise request.max_body_size in " + config(site) + " (robots.txt is read to "
            + size(Limits.ROBOTS_MAX_BYTES) + " at most)"
        : "if it names sitemaps past the cut, list them under sitemaps: in " + config(site);
    return new CrawlWarning(cut.url().toString(), TRUNCATED_ROBOTS,
        "read the first " + size(cut.read()) + (cut.size() > cut.read() ? " of " + size(cut.size()) : " of a longer file")
            + " and obeyed it to its last whole line; its rules and Sitemap: lines past that are ignored; " + fix);
  }

  private static String config(SiteConfig site) {
    return "sites/" + site.name() + ".yaml";
  }

  private static String documents(int n) {
    return n + (n == 1 ? " feed or sitemap" : " feeds and sitemaps");
  }

  /** 50,000: grouped the same on every machine. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 10 MiB, 38.2 MiB, 500 KiB, 812 bytes. */
  static String size(long n) {
    if (n >= 1L << 20) return unit(n, 1L << 20, "MiB");
    if (n >= 1L << 10) return unit(n, 1L << 10, "KiB");
    return n + " bytes";
  }

  private static String unit(long n, long unit, String name) {
    return n % unit == 0 ? n / unit + " " + name : String.format(Locale.ROOT, "%.1f %s", (double) n / unit, name);
  }
}
