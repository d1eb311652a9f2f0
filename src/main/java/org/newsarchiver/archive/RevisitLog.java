package org.newsarchiver.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What revisits of a site's archived articles saw: {@code read_counts.csv} (one observation per
 * visit: {@code id,url,observed_at,read_count}) and, when an article's text or title changed,
 * the new text beside the first ({@code <id>.v2.txt}, {@code <id>.v3.txt} ...) with a row in
 * {@code versions.csv} ({@code id,version,observed_at,sha256,words_added,words_removed}). Not
 * thread-safe: the site's lock keeps one writer.
 */
public final class RevisitLog {
  public static final List<String> READ_COUNT_COLUMNS = List.of("id", "url", "observed_at", "read_count");
  public static final List<String> VERSION_COLUMNS =
      List.of("id", "version", "observed_at", "sha256", "words_added", "words_removed");

  /** The latest version of an article: 1 is the archived text file itself. */
  public record Version(int number, String sha256, String textFile) {}

  private final Path dir;
  private final CsvLog readCounts;
  private final CsvLog versions;
  private final Map<String, Instant> lastObserved = new HashMap<>();
  private final Map<String, Version> latest = new HashMap<>();

  private RevisitLog(Path dir) {
    this.dir = dir;
    this.readCounts = new CsvLog(dir.resolve("read_counts.csv"), READ_COUNT_COLUMNS);
    this.versions = new CsvLog(dir.resolve("versions.csv"), VERSION_COLUMNS);
  }

  /** Loads the logs of the site folder of {@code archive}. */
  public static RevisitLog load(SiteArchive archive) throws IOException {
    RevisitLog log = new RevisitLog(archive.dir());
    log.readCounts.forEach(r -> {
      try {
        log.lastObserved.merge(r.get(0), Instant.parse(r.get(2)), (a, b) -> a.isAfter(b) ? a : b);
      } catch (DateTimeParseException e) {
        // a hand-edited line: ignored
      }
    });
    for (List<String> r : log.versions.rows()) {
      ArchiveRow row = archive.findById(r.get(0));
      if (row == null) continue;
      try {
        int n = Integer.parseInt(r.get(1));
        Version old = log.latest.get(r.get(0));
        if (old == null || n > old.number()) log.latest.put(r.get(0), new Version(n, r.get(3), versionFile(row, n)));
      } catch (NumberFormatException e) {
        // a hand-edited line: ignored
      }
    }
    return log;
  }

  /** When the article was last visited: its last observation, else when it was fetched. */
  public Instant lastVisit(ArchiveRow row) {
    Instant fetched = Instant.parse(row.fetchedAt());
    Instant seen = lastObserved.get(row.id());
    return seen != null && seen.isAfter(fetched) ? seen : fetched;
  }

  public Version latest(ArchiveRow row) {
    Version v = latest.get(row.id());
    return v != null ? v : new Version(1, row.sha256(), row.textFile());
  }

  /** Appends one observation of the article's read count (empty when the page shows none). */
  public void observed(ArchiveRow row, Instant at, @Nullable Long readCount) throws IOException {
    readCounts.append(List.of(row.id(), row.url(), at.toString(), readCount == null ? "" : readCount.toString()));
    lastObserved.put(row.id(), at);
  }

  /**
   * Keeps a changed text as the next version when its digest differs from the latest; returns the
   * new version, or null when the text is unchanged.
   */
  public @Nullable Version keepIfChanged(ArchiveRow row, ArticleText text, Instant at) throws IOException {
    byte[] bytes = text.bytes();
    String sha = ArticleId.sha256Hex(bytes);
    Version last = latest(row);
    if (last.sha256().equals(sha)) return null;
    Path previous = SafePaths.inside(dir, last.textFile());
    String before = Files.isRegularFile(previous) ? Files.readString(previous, StandardCharsets.UTF_8) : "";
    WordDiff diff = WordDiff.of(before, new String(bytes, StandardCharsets.UTF_8));
    Version next = new Version(last.number() + 1, sha, versionFile(row, last.number() + 1));
    AtomicFiles.write(SafePaths.inside(dir, next.textFile()), bytes);
    versions.append(List.of(row.id(), next.number(), at.toString(), sha, diff.added(), diff.removed()));
    latest.put(row.id(), next);
    return next;
  }

  private static String versionFile(ArchiveRow row, int n) {
    String f = row.textFile();
    return n == 1 ? f : f.substring(0, f.length() - ".txt".length()) + ".v" + n + ".txt";
  }
}
