package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.net.URI;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.crawl.CrawlListener;
import org.newsarchiver.crawl.CrawlWarning;
import org.newsarchiver.crawl.PageFailure;

/**
 * The progress of an interactive crawl on one stderr line, redrawn at most five times a second:
 * pages fetched of queued, new articles, errors, rate. Error and warning lines still print in full
 * above it.
 */
final class ProgressLine implements CrawlListener {
  private final PrintWriter err;
  private final String site;
  private final boolean interactive;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private int fetched;
  private int queued;
  private int added;
  private int errors;

  ProgressLine(PrintWriter err, String site, boolean interactive) {
    this.err = err;
    this.site = site;
    this.interactive = interactive;
  }

  @Override
  public void fetched(URI url) {
    fetched++;
    draw(false);
  }

  @Override
  public void discovered(int articleLinks) {
    queued = articleLinks;
    draw(true);
  }

  @Override
  public void archived(SiteArchive.Stored stored) {
    if (stored.outcome() == SiteArchive.Outcome.ADDED) added++;
  }

  @Override
  public void failed(PageFailure f) {
    errors++;
    if (interactive) err.print("\r\033[K");
    err.println(f.line());
    draw(true);
  }

  /** Prints the warning in full above the line; a warning is no error, so the count stays. */
  @Override
  public void warned(CrawlWarning w) {
    if (interactive) err.print("\r\033[K");
    err.println(w.line());
    draw(true);
  }

  /** Clears the progress line before the summary prints. */
  void finish() {
    if (interactive) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private void draw(boolean force) {
    if (!interactive) return;
    long now = System.nanoTime();
    if (!force && now - lastDrawn < 200_000_000L) return;
    lastDrawn = now;
    double seconds = Math.max(0.001, (now - started) / 1e9);
    err.printf("\r\033[K%s: %d fetched / %d queued, %d new, %d errors, %.1f pages/s",
        site, fetched, queued, added, errors, fetched / seconds);
    err.flush();
  }
}
