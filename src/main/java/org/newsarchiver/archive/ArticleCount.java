package org.newsarchiver.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * How many articles a site's archive holds, for {@code status}: from the lookup index when it is
 * exactly up to date with {@code articles.csv} (milliseconds at a million rows), else by streaming
 * the CSV's rows. Never waits for or disturbs a running crawl: when another process holds the
 * site's lock, or the index is stale, the CSV is streamed (it is only ever appended to or renamed
 * into place, so a reader sees whole rows). Not for writers: a {@link SiteArchive} knows its size.
 */
public final class ArticleCount {
  /** The number of rows, and whether the index gave it (else the CSV was streamed). */
  public record Count(long rows, boolean fromIndex) {}

  private ArticleCount() {}

  /** Counts the rows of {@code <siteDir>/articles.csv} that parse (0 when there is no such file). */
  public static Count of(Path siteDir) throws IOException {
    Path csv = siteDir.resolve("articles.csv");
    Long indexed = fromIndex(siteDir, csv);
    if (indexed != null) return new Count(indexed, true);
    AtomicLong n = new AtomicLong();
    new ArticlesCsv(csv).forEach(r -> n.incrementAndGet(), bad -> {});
    return new Count(n.get(), false);
  }

  private static @Nullable Long fromIndex(Path siteDir, Path csv) throws IOException {
    if (!Files.isRegularFile(siteDir.resolve(ArchiveIndex.FILE))) return null;
    // held for the few milliseconds of reading the index's header, so no writer opens it meanwhile;
    // a crawl that holds it makes us stream instead of waiting
    ArchiveLock lock;
    try {
      lock = ArchiveLock.acquire(siteDir);
    } catch (IOException e) { // held by a crawl (ArchiveLockedException), or a read-only archive
      return null;
    }
    try (lock) {
      return ArchiveIndex.currentRowCount(siteDir, csv);
    }
  }
}
