package org.newsarchiver.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVPrinter;

/**
 * The {@link ArchiveExporter} formats for any row filter (the web view's search results), streamed
 * to a writer or, for {@code txt}, as a zip of {@code <site>/<id>.txt}. Same columns, quoting and
 * JSON as {@code export}; rows are read one at a time, without locking.
 */
public final class FilteredExport {
  private final Path root;

  public FilteredExport(Path root) {
    this.root = root;
  }

  private interface Sink {
    void accept(ArchiveRow row, String text) throws IOException;
  }

  /** Writes the accepted rows as JSON Lines or CSV; returns how many. */
  public int write(List<String> sites, ArchiveExporter.Format format, Predicate<ArchiveRow> filter, Writer out,
      Consumer<String> problems) throws IOException {
    if (format == ArchiveExporter.Format.TXT) throw new IllegalArgumentException("format: txt is a zip; use writeZip");
    int[] count = {0};
    CSVPrinter csv = format == ArchiveExporter.Format.CSV ? new CSVPrinter(out, ArticlesCsv.FORMAT) : null;
    if (csv != null) csv.printRecord(ArchiveExporter.csvColumns());
    each(sites, filter, problems, (row, text) -> {
      if (csv != null) {
        List<String> cells = new ArrayList<>(row.cells());
        cells.add(text);
        csv.printRecord(cells);
      } else {
        out.write(ArchiveExporter.json(row, text));
      }
      count[0]++;
    });
    if (csv != null) csv.flush();
    out.flush();
    return count[0];
  }

  /** Writes the accepted rows' text files as a zip of {@code <site>/<id>.txt}; returns how many. */
  public int writeZip(List<String> sites, Predicate<ArchiveRow> filter, OutputStream out, Consumer<String> problems)
      throws IOException {
    int[] count = {0};
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    each(sites, filter, problems, (row, text) -> {
      zip.putNextEntry(new ZipEntry(row.site() + "/" + row.id() + ".txt"));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      count[0]++;
    });
    zip.finish();
    zip.flush();
    return count[0];
  }

  private void each(List<String> sites, Predicate<ArchiveRow> filter, Consumer<String> problems, Sink sink)
      throws IOException {
    for (String site : sites) {
      Path dir = SafePaths.siteDir(root, site);
      try {
        new ArticlesCsv(dir.resolve("articles.csv")).forEach(row -> {
          if (!filter.test(row)) return;
          Path text = SafePaths.inside(dir, row.textFile());
          try {
            sink.accept(row, Files.readString(text, StandardCharsets.UTF_8));
          } catch (NoSuchFileException e) {
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
}
