package org.newsarchiver.archive;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The payload digest of the last full capture of each URL of a site ({@code warc/digests.tsv}: URL,
 * digest, record id, date, tab-separated), so an unchanged page is stored as a revisit. The file is
 * only a cache, rebuilt by scanning the site's WARC files when missing; lookups go through the
 * site's {@link ArchiveIndex}, which reads only the lines the file gained since it last looked, so
 * the heap holds none of them. Not thread-safe.
 */
final class DigestIndex {
  static final String FILE_NAME = "digests.tsv";
  private static final String MARK = "digests";

  /** The capture a revisit refers to. */
  record Entry(String digest, URI recordId, Instant date) {}

  private final Path file;
  private final ArchiveIndex index;
  private final MVMap<String, String> byUrl;

  private DigestIndex(Path file, ArchiveIndex index) {
    this.file = file;
    this.index = index;
    this.byUrl = index.digests();
  }

  static DigestIndex load(SiteArchive archive) throws IOException {
    Path siteDir = archive.dir();
    Path warcDir = siteDir.resolve(WarcFiles.FOLDER);
    DigestIndex d = new DigestIndex(warcDir.resolve(FILE_NAME), archive.lookupIndex());
    if (!Files.exists(d.file) && Files.isDirectory(warcDir)) d.rebuildFile(siteDir);
    long length = 0;
    if (Files.exists(d.file)) {
      ArticlesCsv.cutTornTail(d.file); // else the next line would be glued to the torn one
      IndexMark mark = d.index.mark(MARK);
      long from = mark != null && mark.mismatch(d.file) == null ? mark.length() : 0;
      if (from == 0) d.byUrl.clear();
      length = Files.size(d.file);
      if (length > from) d.read(from);
    } else {
      d.byUrl.clear();
    }
    d.index.track(MARK, d.file, length);
    return d;
  }

  private void rebuildFile(Path siteDir) throws IOException {
    Files.createDirectories(file.getParent());
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      for (Path warc : WarcFiles.list(siteDir)) {
        WarcFiles.scan(warc, (rec, block) -> {
          if (rec instanceof WarcResponse r && r.payloadDigest().isPresent()) {
            out.write(line(r.target(), new Entry(r.payloadDigest().get().prefixedBase32(), r.id(), r.date())));
          }
        });
      }
    }
  }

  private void read(long from) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(Channels.newInputStream(ch.position(from)), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t", -1);
        if (f.length == 4) byUrl.put(f[0], f[1] + "\t" + f[2] + "\t" + f[3]); // else hand-edited: skipped
      }
    }
  }

  @Nullable Entry get(String url) {
    String v = byUrl.get(url);
    if (v == null) return null;
    String[] f = v.split("\t", -1);
    try {
      return new Entry(f[0], URI.create(f[1]), Instant.parse(f[2]));
    } catch (RuntimeException e) {
      return null; // a line that does not parse: the page is captured in full again
    }
  }

  /** Notes a full capture, appending it to the file. */
  void put(String url, Entry entry) throws IOException {
    String line = line(url, entry);
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(file.getParent());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) ch.write(buf);
    }
    byUrl.put(url, line.substring(url.length() + 1, line.length() - 1));
    index.trackedAppended(bytes.length);
  }

  private static String line(String url, Entry e) {
    return url + "\t" + e.digest() + "\t" + e.recordId() + "\t" + e.date() + "\n";
  }
}
