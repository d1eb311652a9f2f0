package org.newsarchiver.archive;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The payload digest of the last full capture of each URL of a site ({@code warc/digests.tsv}: URL,
 * digest, record id, date, tab-separated), so an unchanged page is stored as a revisit. It is only a
 * cache: when missing it is rebuilt by scanning the site's WARC files. Not thread-safe.
 */
final class DigestIndex {
  static final String FILE_NAME = "digests.tsv";

  /** The capture a revisit refers to. */
  record Entry(String digest, URI recordId, Instant date) {}

  private final Path file;
  private final Map<String, Entry> byUrl = new HashMap<>();

  private DigestIndex(Path file) {
    this.file = file;
  }

  static DigestIndex load(Path siteDir) throws IOException {
    Path warcDir = siteDir.resolve(WarcFiles.FOLDER);
    DigestIndex index = new DigestIndex(warcDir.resolve(FILE_NAME));
    if (Files.exists(index.file)) {
      for (String line : Files.readAllLines(index.file, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        if (f.length != 4) continue; // a line torn by a crash: the WARC record is still there
        try {
          index.byUrl.put(f[0], new Entry(f[1], URI.create(f[2]), Instant.parse(f[3])));
        } catch (RuntimeException e) {
          // same: skip what does not parse
        }
      }
    } else if (Files.isDirectory(warcDir)) {
      StringBuilder out = new StringBuilder();
      for (Path warc : WarcFiles.list(siteDir)) {
        WarcFiles.scan(warc, (rec, block) -> {
          if (rec instanceof WarcResponse r && r.payloadDigest().isPresent()) {
            Entry e = new Entry(r.payloadDigest().get().prefixedBase32(), r.id(), r.date());
            index.byUrl.put(r.target(), e);
            out.append(line(r.target(), e));
          }
        });
      }
      Files.writeString(index.file, out, StandardCharsets.UTF_8);
    }
    return index;
  }

  @Nullable Entry get(String url) {
    return byUrl.get(url);
  }

  /** Notes a full capture, appending it to the file. */
  void put(String url, Entry entry) throws IOException {
    byUrl.put(url, entry);
    Files.createDirectories(file.getParent());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(line(url, entry).getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) ch.write(buf);
    }
  }

  private static String line(String url, Entry e) {
    return url + "\t" + e.digest() + "\t" + e.recordId() + "\t" + e.date() + "\n";
  }
}
