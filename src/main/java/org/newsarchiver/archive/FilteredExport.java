package org.newsarchiver.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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

  /** Writes the accepted rows as JSON Lines or CSV; returns how many. */
  public int write(List<String> sites, ArchiveExporter.Format format, Predicate<ArchiveRow> filter, Writer out,
      Consumer<String> problems) throws IOException {
    return new ArchiveExporter(root).write(sites, format, filter, false, out, problems);
  }

  /** Writes the accepted rows' text files as a zip of {@code <site>/<id>.txt}; returns how many. */
  public int writeZip(List<String> sites, Predicate<ArchiveRow> filter, OutputStream out, Consumer<String> problems)
      throws IOException {
    int[] count = {0};
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    new ArchiveExporter(root).each(sites, filter, problems, (row, text) -> {
      zip.putNextEntry(new ZipEntry(row.site() + "/" + row.id() + ".txt"));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      count[0]++;
    });
    zip.finish();
    zip.flush();
    return count[0];
  }
}
