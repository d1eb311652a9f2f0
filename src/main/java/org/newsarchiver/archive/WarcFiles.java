package org.newsarchiver.archive;

import java.io.IOException;
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
    long size = Files.size(file);
    int count = 0;
    try (FileChannel ch = FileChannel.open(file);
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
}
