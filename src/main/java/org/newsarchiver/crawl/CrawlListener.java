package org.newsarchiver.crawl;

import org.newsarchiver.archive.SiteArchive;

/** Hears what a crawl does, page by page: the CLI prints it, the scheduler logs it. */
public interface CrawlListener {
  CrawlListener NONE = new CrawlListener() {};

  default void failed(PageFailure failure) {}

  /** A feed, sitemap or robots.txt read only in part, or the run's discovery budget spent. */
  default void warned(CrawlWarning warning) {}

  default void archived(SiteArchive.Stored stored) {}

  default void fetched(java.net.URI url) {}

  /** The article links a run found, once discovery is done: the size of its queue. */
  default void discovered(int articleLinks) {}
}
