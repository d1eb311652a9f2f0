package org.newsarchiver.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Read-only view of what revisits recorded about one article ({@code read_counts.csv},
 * {@code versions.csv}), for readers that must not take the site's lock (the web view). Reads the
 * files as they are; a torn or hand-edited line is skipped. Not for writing: that is {@link RevisitLog}'s.
 */
public final class ArticleHistory {
  /** One visit's read count; {@code readCount} is null when the page showed none. */
  public record Observation(Instant observedAt, @Nullable Long readCount) {}

  /** One kept version of the text (2 and up; 1 is the archived text file), with its word counts against the one before. */
  public record Version(int number, Instant observedAt, String sha256, int wordsAdded, int wordsRemoved, String textFile) {}

  private ArticleHistory() {}

  /** The article's read-count observations, oldest first. */
  public static List<Observation> readCounts(Path siteDir, String id) throws IOException {
    List<Observation> out = new ArrayList<>();
    for (List<String> r : new CsvLog(siteDir.resolve("read_counts.csv"), RevisitLog.READ_COUNT_COLUMNS).rows()) {
      if (!r.get(0).equals(id)) continue;
      try {
        out.add(new Observation(Instant.parse(r.get(2)), r.get(3).isEmpty() ? null : Long.parseLong(r.get(3))));
      } catch (DateTimeParseException | NumberFormatException e) {
        // a hand-edited line: skipped, as RevisitLog does
      }
    }
    out.sort(Comparator.comparing(Observation::observedAt));
    return out;
  }

  /** The article's later versions (2, 3 ...), in version order. */
  public static List<Version> versions(Path siteDir, ArchiveRow row) throws IOException {
    List<Version> out = new ArrayList<>();
    for (List<String> r : new CsvLog(siteDir.resolve("versions.csv"), RevisitLog.VERSION_COLUMNS).rows()) {
      if (!r.get(0).equals(row.id())) continue;
      try {
        int n = Integer.parseInt(r.get(1));
        if (n < 2) continue;
        out.add(new Version(n, Instant.parse(r.get(2)), r.get(3), Integer.parseInt(r.get(4)),
            Integer.parseInt(r.get(5)), versionFile(row, n)));
      } catch (DateTimeParseException | NumberFormatException e) {
        // a hand-edited line: skipped
      }
    }
    out.sort(Comparator.comparingInt(Version::number));
    return out;
  }

  /** The text file of version {@code n} of the article, relative to its site folder. */
  public static String versionFile(ArchiveRow row, int n) {
    String f = row.textFile();
    return n == 1 ? f : f.substring(0, f.length() - ".txt".length()) + ".v" + n + ".txt";
  }
}
