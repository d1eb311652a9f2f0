package org.newsarchiver.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code articles.csv} file of one site: RFC 4180 quoting, LF line ends, a header row. New rows
 * are appended with one synced write each; a row torn by a crash (no final newline) is cut off
 * when the file is next opened. Not thread-safe: one writer per site, guarded by {@link ArchiveLock}.
 */
public final class ArticlesCsv {
  public static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private final Path file;

  public ArticlesCsv(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /**
   * Makes the file usable: creates it with its header, or cuts a torn last line. Returns the number
   * of bytes cut (0 when the file was whole).
   */
  public long open() throws IOException {
    if (!Files.exists(file)) {
      AtomicFiles.write(file, line(ArchiveRow.COLUMNS).getBytes(StandardCharsets.UTF_8));
      return 0;
    }
    return cutTornTail(file);
  }

  /** Cuts everything after the last newline; such bytes are a row a crash left half-written. */
  public static long cutTornTail(Path file) throws IOException {
    long keep = wholeLinesLength(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (keep < size) {
        ch.truncate(keep);
        ch.force(true);
      }
      return size - keep;
    }
  }

  /**
   * The length of a file up to and including its last newline: what follows is a row a crash left
   * torn. Reads backwards a window at a time, so a long torn tail costs no byte-by-byte reads.
   */
  static long wholeLinesLength(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(8192);
      long end = ch.size();
      while (end > 0) {
        long from = Math.max(0, end - buf.capacity());
        buf.clear().limit((int) (end - from));
        while (buf.hasRemaining() && ch.read(buf, from + buf.position()) >= 0) {
          // fill the window
        }
        for (int i = buf.position() - 1; i >= 0; i--) {
          if (buf.get(i) == '\n') return from + i + 1;
        }
        end = from;
      }
      return 0;
    }
  }

  /** Appends one row with a synced write; returns its length in bytes. */
  public long append(ArchiveRow row) throws IOException {
    byte[] bytes = line(row.cells()).getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) ch.write(buf);
      ch.force(false);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw AtomicFiles.withPath(file, e);
    }
    return bytes.length;
  }

  /** Replaces the whole file with these rows, atomically. */
  public void rewrite(Collection<ArchiveRow> rows) throws IOException {
    StringBuilder out = new StringBuilder(line(ArchiveRow.COLUMNS));
    for (ArchiveRow r : rows) out.append(line(r.cells()));
    AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces the file atomically by one streamed from it, each row passed through {@code current}
   * (and only the first row of an id kept, when {@code firstOfEachId}: that needs a set of the ids).
   */
  void rewrite(UnaryOperator<ArchiveRow> current, boolean firstOfEachId) throws IOException {
    Set<String> seen = new HashSet<>();
    List<String> bad = new ArrayList<>();
    AtomicFiles.write(file, out -> {
      CSVPrinter p = new CSVPrinter(out, FORMAT); // not closed: AtomicFiles syncs and closes the file
      p.printRecord(ArchiveRow.COLUMNS);
      forEach(row -> {
        if (firstOfEachId && !seen.add(row.id())) return;
        try {
          p.printRecord(current.apply(row).cells());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, bad::add);
      p.flush();
      if (!bad.isEmpty()) throw new IOException(bad.get(0));
    });
  }

  /**
   * As {@link #forEach(Consumer, Consumer)}, from byte {@code offset} on: 0 or the start of a row
   * (the end of what an earlier read saw); after 0 there is no header to check.
   */
  public void forEachFrom(long offset, Consumer<ArchiveRow> rows, Consumer<String> bad) throws IOException {
    if (offset == 0) {
      forEach(rows, bad);
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        Reader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch.position(offset)),
            StandardCharsets.UTF_8), 1 << 16);
        CSVParser parser = FORMAT.parse(in)) {
      for (CSVRecord r : parser) {
        try {
          rows.accept(ArchiveRow.fromCells(r.toList()));
        } catch (IllegalArgumentException e) {
          bad.accept(file + ": the row at line " + r.getParser().getCurrentLineNumber() + " after byte " + offset
              + ": " + e.getMessage());
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException e) {
      bad.accept(file + ": not valid CSV after byte " + offset + ": " + e.getMessage());
    }
  }

  /** Streams the rows in file order; a row that does not parse is passed to {@code bad} with its line number. */
  public void forEach(Consumer<ArchiveRow> rows, Consumer<String> bad) throws IOException {
    if (!Files.exists(file)) return;
    try (Reader in = new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      forEach(in, rows, bad);
    }
  }

  /** As {@link #forEach(Consumer, Consumer)}, over this file's content read from {@code in}. */
  void forEach(Reader in, Consumer<ArchiveRow> rows, Consumer<String> bad) throws IOException {
    try (CSVParser parser = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      if (!parser.getHeaderNames().equals(ArchiveRow.COLUMNS)) {
        bad.accept(file + ": header is " + parser.getHeaderNames() + ", expected " + ArchiveRow.COLUMNS);
        return;
      }
      for (CSVRecord r : parser) {
        try {
          rows.accept(ArchiveRow.fromCells(r.toList()));
        } catch (IllegalArgumentException e) {
          bad.accept(file + ": line " + r.getParser().getCurrentLineNumber() + ": " + e.getMessage());
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException e) {
      bad.accept(file + ": not valid CSV: " + e.getMessage());
    }
  }

  /** All rows; fails on the first bad one. */
  public List<ArchiveRow> readAll() throws IOException {
    List<ArchiveRow> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    forEach(out::add, errors::add);
    if (!errors.isEmpty()) throw new IOException(errors.get(0));
    return out;
  }

  private static String line(List<String> cells) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
      p.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
