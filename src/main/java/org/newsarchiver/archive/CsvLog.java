package org.newsarchiver.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * An append-only CSV file with a header row ({@code read_counts.csv}, {@code versions.csv}): each
 * row is appended with one synced write; a row torn by a crash (no final newline) is ignored when
 * read. Not thread-safe: the site's lock keeps one writer.
 */
final class CsvLog {
  private final Path file;
  private final List<String> columns;

  CsvLog(Path file, List<String> columns) {
    this.file = file;
    this.columns = List.copyOf(columns);
  }

  /** The complete rows, in file order, header excluded; rows of the wrong width are skipped. */
  List<List<String>> rows() throws IOException {
    List<List<String>> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  /**
   * Streams the complete rows to {@code action} without holding the file in memory: these logs
   * grow with every revisit for as long as the archive is kept.
   */
  void forEach(Consumer<List<String>> action) throws IOException {
    if (!Files.isRegularFile(file)) return;
    long whole = ArticlesCsv.wholeLinesLength(file);
    if (whole == 0) return;
    try (InputStream in = Files.newInputStream(file);
        Reader reader = new InputStreamReader(new LimitedInputStream(in, whole), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(new BufferedReader(reader), ArticlesCsv.FORMAT)) {
      boolean header = true;
      for (CSVRecord r : p) {
        if (header) {
          header = false;
          continue;
        }
        if (r.size() == columns.size()) action.accept(r.toList());
      }
    }
  }

  void append(List<?> cells) throws IOException {
    StringWriter w = new StringWriter();
    boolean fresh = !Files.isRegularFile(file) || Files.size(file) == 0;
    try (CSVPrinter p = new CSVPrinter(w, ArticlesCsv.FORMAT)) {
      if (fresh) p.printRecord(columns);
      p.printRecord(cells);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap(w.toString().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
  }
}
