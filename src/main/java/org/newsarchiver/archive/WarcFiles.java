package org.newsarchiver.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The WARC files of one site ({@code <site>/warc/<yyyy-mm-dd>-<n>.warc.gz}) and a reader that
 * stops cleanly at a torn tail. Not for writing: that is {@link WarcCapture}'s.
 */
public final class WarcFiles {
  /** The folder of a site's WARC files. */
  public static final String FOLDER = "warc";

  /** Bytes read at a time while looking back for the last record's start. */
  private static final int TAIL_WINDOW = 1 << 16;
  static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(\\d+)\\.warc\\.gz");

  private WarcFiles() {}

  /** Visits one whole record read from a WARC file: its headers and its whole block. */
  @FunctionalInterface
  public interface Visitor {
    void accept(WarcRecord record, byte[] block) throws IOException;
  }

  /**
   * What reading a file found: {@code wholeBytes} is where the last whole record ends; {@code error}
   * is null when the file read to its end.
   */
  public record Scan(Path file, long wholeBytes, long size, int records, @Nullable String error) {
    public boolean complete() {
      return error == null;
    }
  }

  /** The site's WARC files, oldest first (by date, then by sequence number). */
  public static List<Path> list(Path siteDir) throws IOException {
    Path dir = siteDir.resolve(FOLDER);
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(out::add);
    }
    out.sort(Comparator.comparing((Path p) -> group(p, 1)).thenComparingLong(p -> Long.parseLong(group(p, 2))));
    return out;
  }

  private static String group(Path p, int g) {
    Matcher m = NAME.matcher(p.getFileName().toString());
    if (!m.matches()) throw new IllegalArgumentException(p + " is not a WARC file name");
    return m.group(g);
  }

  /**
   * Reads every whole record of a file in order, consuming each body; a torn or corrupt tail ends
   * the scan and is reported, not thrown. I/O errors of the visitor itself are thrown.
   */
  public static Scan scan(Path file, Visitor visitor) throws IOException {
    return scan(file, 0, visitor);
  }

  /** As {@link #scan(Path, Visitor)}, from byte {@code from} on (the start of a gzip member). */
  private static Scan scan(Path file, long from, Visitor visitor) throws IOException {
    long size = Files.size(file);
    int count = 0;
    try (FileChannel ch = FileChannel.open(file).position(from);
        WarcReader reader = new WarcReader(ch)) {
      while (true) {
        WarcRecord rec;
        byte[] block;
        try {
          Optional<WarcRecord> next = reader.next();
          if (next.isEmpty()) break;
          rec = next.get();
          block = rec.body().stream().readAllBytes();
          if (block.length != rec.body().size()) throw new IOException("block is cut short");
        } catch (IOException | RuntimeException e) {
          // the reader's position is the start of the record that failed: everything before is whole
          return new Scan(file, reader.position(), size, count,
              "record " + (count + 1) + " at byte " + reader.position() + " does not read: " + e.getMessage());
        }
        visitor.accept(rec, block);
        count++;
      }
    }
    return new Scan(file, size, size, count, null);
  }

  /**
   * Whether the file ends on a whole record, found without reading it all: from the nearest gzip
   * member start before the end (each record is one member, see {@link WarcCapture}) whose records
   * read to the end. False when a member there reads but what follows does not (a tail torn by a
   * kill), when the file is empty or not gzip, or when no member start is found within {@code
   * searchBytes} of the end. Earlier records are not checked: they were synced before the last.
   */
  static boolean endsWhole(Path file, long searchBytes) throws IOException {
    long size = Files.size(file);
    long floor = Math.max(0, size - searchBytes);
    try (FileChannel ch = FileChannel.open(file)) {
      long end = size;
      while (end > floor) {
        long start = Math.max(floor, end - TAIL_WINDOW);
        ByteBuffer buf = ByteBuffer.allocate((int) (Math.min(size, end + 2) - start));
        while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
          // fills the window
        }
        byte[] b = buf.array();
        for (int i = (int) (end - start) - 1; i >= 0; i--) {
          if (i + 2 >= buf.position() || (b[i] & 0xff) != 0x1f || (b[i + 1] & 0xff) != 0x8b || b[i + 2] != 8) continue;
          Scan scan;
          try {
            scan = scan(file, start + i, (rec, block) -> {});
          } catch (IOException | RuntimeException e) {
            continue; // not a member start after all: the reader cannot even begin
          }
          if (scan.complete() && scan.records() > 0) return true;
          // records that read and then a tail that does not: torn (a false start reads no record)
          if (scan.records() > 0) return false;
        }
        end = start;
      }
    }
    return false;
  }
}
