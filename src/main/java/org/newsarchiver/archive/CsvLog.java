package org.newsarchiver.archive;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
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
    if (!Files.isRegularFile(file)) return List.of();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    text = end < 0 ? "" : text.substring(0, end + 1);
    List<List<String>> out = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(new StringReader(text), ArticlesCsv.FORMAT)) {
      boolean header = true;
      for (CSVRecord r : p) {
        if (header) {
          header = false;
          continue;
        }
        if (r.size() == columns.size()) out.add(r.toList());
      }
    }
    return out;
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
      ch.write(java.nio.ByteBuffer.wrap(w.toString().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
  }
}
