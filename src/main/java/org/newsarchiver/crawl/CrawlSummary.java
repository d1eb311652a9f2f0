package org.newsarchiver.crawl;

import java.time.Duration;
import java.util.List;

/** The figures of one pass over one site. */
public record CrawlSummary(
    String site,
    int listingPages,
    int linksFound,
    int added,
    int alreadyArchived,
    int duplicates,
    List<PageFailure> failures,
    Duration elapsed,
    String drift) {

  public CrawlSummary {
    failures = List.copyOf(failures);
  }

  public String line() {
    String line = String.format(
        "%s: %d listing pages, %d article links, %d new, %d already archived, %d duplicates, %d failed in %.1f s",
        site, listingPages, linksFound, added, alreadyArchived, duplicates, failures.size(),
        elapsed.toMillis() / 1000.0);
    return drift.isEmpty() ? line : line + "; DRIFT: " + drift;
  }
}
