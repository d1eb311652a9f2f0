package org.newsarchiver.crawl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The figures of one pass over one site.
 *
 * @param drift the drift warnings, joined by "; ", or empty
 * @param warnings the feeds, sitemaps and robots.txt files read only in part, and a spent discovery budget
 */
public record CrawlSummary(
    String site,
    int listingPages,
    int linksFound,
    int added,
    int alreadyArchived,
    int duplicates,
    List<PageFailure> failures,
    Duration elapsed,
    String drift,
    List<CrawlWarning> warnings) {

  public CrawlSummary {
    failures = List.copyOf(failures);
    warnings = List.copyOf(warnings);
  }

  public String line() {
    String line = String.format(
        "%s: %d listing pages, %d article links, %d new, %d already archived, %d duplicates, %d failed in %.1f s",
        site, listingPages, linksFound, added, alreadyArchived, duplicates, failures.size(),
        elapsed.toMillis() / 1000.0);
    if (!warnings.isEmpty()) line += "; WARNINGS: " + warningCounts();
    return drift.isEmpty() ? line : line + "; DRIFT: " + drift;
  }

  /** {@code 2 truncated-sitemap, 1 sitemap-budget}: each cause with its count, in the order first met. */
  private String warningCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (CrawlWarning w : warnings) counts.merge(w.cause(), 1, Integer::sum);
    StringJoiner out = new StringJoiner(", ");
    counts.forEach((cause, n) -> out.add(n + " " + cause));
    return out.toString();
  }
}
