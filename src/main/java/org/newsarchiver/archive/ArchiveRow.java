package org.newsarchiver.archive;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code articles.csv}: an archived article's metadata and where its text is. Empty
 * optional fields are {@code null} here and empty cells in the CSV.
 */
public record ArchiveRow(
    String id,
    String site,
    String url,
    @Nullable String title,
    @Nullable String published,
    @Nullable String dateSource,
    @Nullable Long readCount,
    @Nullable String author,
    @Nullable String language,
    @Nullable String source,
    String fetchedAt,
    String textFile,
    int words,
    String sha256,
    List<String> altUrls) {

  /** The CSV columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "id", "site", "url", "title", "published", "date_source", "read_count", "author",
          "language", "source", "fetched_at", "text_file", "words", "sha256", "alt_urls");

  public ArchiveRow {
    if (!ArticleId.isValid(id)) throw new IllegalArgumentException("id: '" + id + "' is not an article id");
    altUrls = List.copyOf(altUrls);
  }

  /** The cells of this row, in {@link #COLUMNS} order. */
  public List<String> cells() {
    return List.of(
        id, site, url, nz(title), nz(published), nz(dateSource),
        readCount == null ? "" : readCount.toString(), nz(author), nz(language), nz(source),
        fetchedAt, textFile, Integer.toString(words), sha256, String.join(" ", altUrls));
  }

  /** Reads a row back from its cells; throws IllegalArgumentException naming the bad column. */
  public static ArchiveRow fromCells(List<String> c) {
    if (c.size() != COLUMNS.size()) {
      throw new IllegalArgumentException("expected " + COLUMNS.size() + " cells, found " + c.size());
    }
    try {
      return new ArchiveRow(
          c.get(0), c.get(1), c.get(2), nn(c.get(3)), nn(c.get(4)), nn(c.get(5)),
          c.get(6).isEmpty() ? null : Long.parseLong(c.get(6)), nn(c.get(7)), nn(c.get(8)),
          nn(c.get(9)), c.get(10), c.get(11), Integer.parseInt(c.get(12)), c.get(13),
          c.get(14).isEmpty() ? List.of() : List.of(c.get(14).split(" ")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("read_count or words is not a number: " + e.getMessage());
    }
  }

  /** A copy with one more URL under which the same text was found. */
  public ArchiveRow withAltUrl(String other) {
    if (other.equals(url) || altUrls.contains(other)) return this;
    List<String> more = new java.util.ArrayList<>(altUrls);
    more.add(other);
    return new ArchiveRow(id, site, url, title, published, dateSource, readCount, author, language,
        source, fetchedAt, textFile, words, sha256, more);
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static @Nullable String nn(String s) {
    return s.isEmpty() ? null : s;
  }
}
