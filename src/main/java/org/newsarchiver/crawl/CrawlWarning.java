package org.newsarchiver.crawl;

/**
 * Something a run did only in part though nothing failed: a feed, sitemap or robots.txt read only to
 * a limit, or the run's feed and sitemap budget spent, so that URLs were left out. A cause from a
 * small fixed set that scripts can match, where (a URL or the site's name), and a detail that ends
 * with the fix. It does not change the exit code.
 */
public record CrawlWarning(String where, String cause, String detail) {

  /** The one-line form, the shape of the error lines: {@code warning CAUSE WHERE: detail}. */
  public String line() {
    return "warning " + cause + " " + where + ": " + detail;
  }
}
