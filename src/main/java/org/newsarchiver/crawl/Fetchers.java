package org.newsarchiver.crawl;

import org.newsarchiver.config.Limits;
import org.newsarchiver.fetch.Fetcher;
import org.newsarchiver.fetch.HostPacer;

/** The fetcher a run uses: one per process, one politeness pacer shared by every site. */
public final class Fetchers {
  private Fetchers() {}

  public static Fetcher standard() {
    return Fetcher.builder().pacer(new HostPacer(Limits.MAX_RETRY_AFTER)).build();
  }
}
