package org.newsarchiver.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The history of a site's runs, one row per pass in {@code <site>/state/runs.csv}: when, what it
 * found and archived, how many pages failed, and a drift warning when the site seems to have
 * changed its layout. Append-only; read by {@code status}.
 */
public final class RunLog {
  public static final List<String> COLUMNS =
      List.of("started_at", "finished_at", "listing_pages", "article_links", "new", "already_archived",
          "duplicates", "failed", "drift");

  /** One finished run. {@code drift} is empty when nothing looked wrong. */
  public record Run(
      Instant startedAt, Instant finishedAt, int listingPages, int articleLinks, int added,
      int alreadyArchived, int duplicates, int failed, String drift) {

    List<String> cells() {
      return List.of(startedAt.toString(), finishedAt.toString(), Integer.toString(listingPages),
          Integer.toString(articleLinks), Integer.toString(added), Integer.toString(alreadyArchived),
          Integer.toString(duplicates), Integer.toString(failed), drift);
    }

    static Run fromCells(List<String> c) {
      return new Run(Instant.parse(c.get(0)), Instant.parse(c.get(1)), Integer.parseInt(c.get(2)),
          Integer.parseInt(c.get(3)), Integer.parseInt(c.get(4)), Integer.parseInt(c.get(5)),
          Integer.parseInt(c.get(6)), Integer.parseInt(c.get(7)), c.get(8));
    }
  }

  private final CsvLog log;

  public RunLog(Path siteDir) {
    this.log = new CsvLog(siteDir.resolve("state").resolve("runs.csv"), COLUMNS);
  }

  public void append(Run run) throws IOException {
    log.append(run.cells());
  }

  /** The last complete run, or null before the first. */
  public @Nullable Run last() throws IOException {
    List<List<String>> rows = log.rows();
    for (int i = rows.size() - 1; i >= 0; i--) {
      try {
        return Run.fromCells(rows.get(i));
      } catch (RuntimeException e) {
        // a row from a damaged file: look further back
      }
    }
    return null;
  }
}
