package org.newsarchiver.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Streams archived articles out as JSON Lines, CSV with the text inlined, or plain text files: rows
 * are read one at a time and each text file only when its row is written, so memory does not grow
 * with the archive. Reads without locking; a row that does not parse or has no text file is
 * reported and skipped.
 */
public final class ArchiveExporter {
  /** The output formats. */
  public enum Format { JSONL, CSV, TXT }

  /** Days (inclusive, either end open) on the row's {@code published} date, else its {@code fetched_at}. */
  public record DateRange(@Nullable LocalDate since, @Nullable LocalDate until) {
    public static final DateRange ALL = new DateRange(null, null);

    public boolean accepts(ArchiveRow row) {
      String when = row.published() != null && row.published().length() >= 10 ? row.published() : row.fetchedAt();
      LocalDate day;
      try {
        day = LocalDate.parse(when.substring(0, 10));
      } catch (RuntimeException e) {
        return since == null && until == null;
      }
      return (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
    }
  }

  private final Path root;

  public ArchiveExporter(Path root) {
    this.root = root;
  }

  /** The sites of the archive (folders with an {@code articles.csv}), sorted by name. */
  public List<String> sites() throws IOException {
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("articles.csv")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  /** The CSV export's columns: the archive's, then {@code text}. */
  public static List<String> csvColumns() {
    List<String> cols = new ArrayList<>(ArchiveRow.COLUMNS);
    cols.add("text");
    return cols;
  }

  /** Writes the rows of the sites as JSON Lines or CSV; returns how many articles went out. */
  public int write(List<String> sites, Format format, DateRange range, boolean neutralizeFormulas, Writer out,
      Consumer<String> problems) throws IOException {
    return write(sites, format, range::accepts, neutralizeFormulas, out, problems);
  }

  /** As {@link #write(List, Format, DateRange, boolean, Writer, Consumer)}, for the rows any filter accepts. */
  int write(List<String> sites, Format format, Predicate<ArchiveRow> filter, boolean neutralizeFormulas, Writer out,
      Consumer<String> problems) throws IOException {
    if (format == Format.TXT) throw new IllegalArgumentException("format: txt writes files; use writeFiles");
    int[] count = {0};
    CSVPrinter csv = format == Format.CSV ? new CSVPrinter(out, ArticlesCsv.FORMAT) : null;
    if (csv != null) csv.printRecord(csvColumns());
    each(sites, filter, problems, (row, text) -> {
      if (csv != null) {
        List<String> cells = new ArrayList<>(row.cells());
        cells.add(text);
        csv.printRecord(neutralizeFormulas ? cells.stream().map(ArchiveExporter::neutralize).toList() : cells);
      } else {
        out.write(json(row, text));
      }
      count[0]++;
    });
    if (csv != null) csv.flush();
    out.flush();
    return count[0];
  }

  /** Copies the text files to {@code <dir>/<site>/<id>.txt}; returns how many. */
  public int writeFiles(List<String> sites, DateRange range, Path dir, Consumer<String> problems) throws IOException {
    int[] count = {0};
    each(sites, range::accepts, problems, (row, text) -> {
      AtomicFiles.write(SafePaths.inside(dir, row.site() + "/" + row.id() + ".txt"), text.getBytes(StandardCharsets.UTF_8));
      count[0]++;
    });
    return count[0];
  }

  /** What is done with each exported row and its text. */
  interface RowSink {
    void accept(ArchiveRow row, String text) throws IOException;
  }

  /** Streams the accepted rows of the sites with their texts; a missing text file is a problem, not an error. */
  void each(List<String> sites, Predicate<ArchiveRow> filter, Consumer<String> problems, RowSink sink)
      throws IOException {
    for (String site : sites) {
      Path dir = SafePaths.siteDir(root, site);
      try {
        new ArticlesCsv(dir.resolve("articles.csv")).forEach(row -> {
          if (!filter.test(row)) return;
          Path text = SafePaths.inside(dir, row.textFile());
          try {
            sink.accept(row, Files.readString(text, StandardCharsets.UTF_8));
          } catch (java.nio.file.NoSuchFileException e) {
            problems.accept(text + ": missing text file of " + row.id());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, problems);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  static String neutralize(String cell) {
    return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  /** One JSON line: every CSV column (empty optional cells as null, numbers as numbers, alt_urls an array), then text. */
  static String json(ArchiveRow row, String text) {
    List<String> cells = row.cells();
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < cells.size(); i++) {
      String col = ArchiveRow.COLUMNS.get(i);
      String v = cells.get(i);
      JsonText.quote(out, col);
      out.append(':');
      if (col.equals("alt_urls")) {
        out.append('[');
        for (int j = 0; j < row.altUrls().size(); j++) {
          if (j > 0) out.append(',');
          JsonText.quote(out, row.altUrls().get(j));
        }
        out.append(']');
      } else if (v.isEmpty()) {
        out.append("null");
      } else if (col.equals("read_count") || col.equals("words")) {
        out.append(v);
      } else {
        JsonText.quote(out, v);
      }
      out.append(',');
    }
    JsonText.quote(out, "text");
    out.append(':');
    JsonText.quote(out, text);
    return out.append("}\n").toString();
  }
}
