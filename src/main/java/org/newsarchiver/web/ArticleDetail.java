package org.newsarchiver.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleHistory;

/**
 * Everything the article page and its API show about one archived article, read from the files:
 * its row, its text, its read-count observations and its versions with what changed between each
 * and the one before.
 */
record ArticleDetail(ArchiveRow row, @Nullable String text, List<ArticleHistory.Observation> readCounts,
    List<Version> versions) {

  /** A version of the text (1 is the archived file) and, from 2 on, its changes against the previous one. */
  record Version(int number, Instant observedAt, String sha256, int wordsAdded, int wordsRemoved,
      List<WordChanges.Run> changes) {}

  /** The article's detail, or null when the site or id is not in the archive. */
  static @Nullable ArticleDetail load(ArchiveFiles files, String site, String id) throws IOException {
    ArchiveRow row = files.find(site, id);
    if (row == null) return null;
    String text = files.text(site, row.textFile());
    List<ArticleHistory.Observation> counts = ArticleHistory.readCounts(files.siteDir(site), id);
    List<ArticleHistory.Version> later = ArticleHistory.versions(files.siteDir(site), row);
    List<Version> versions = new ArrayList<>();
    if (!later.isEmpty()) {
      versions.add(new Version(1, Instant.parse(row.fetchedAt()), row.sha256(), 0, 0, List.of()));
      String previous = text == null ? "" : text;
      for (ArticleHistory.Version v : later) {
        String next = files.text(site, v.textFile());
        if (next == null) next = "";
        versions.add(new Version(v.number(), v.observedAt(), v.sha256(), v.wordsAdded(), v.wordsRemoved(),
            WordChanges.between(previous, next)));
        previous = next;
      }
    }
    return new ArticleDetail(row, text, counts, versions);
  }
}
