package org.newsarchiver.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * Finds single records in a site's WARC files for readers that must not take the site's lock (the
 * web view): an article's latest capture, and the latest robots.txt response. Reads only whole
 * records (a tail being written by a crawl is ignored). Not for writing: that is {@link WarcCapture}'s.
 */
public final class WarcRecords {
  /** The latest robots.txt response of the site: its URL, HTTP status and capture time. */
  public record RobotsCapture(URI url, int status, Instant capturedAt) {}

  private WarcRecords() {}

  /**
   * Writes the article's latest captured response record (a revisit resolved to the response it
   * refers to) as uncompressed WARC: headers, block, and the two closing line ends. Returns false
   * when no record of the id exists.
   */
  public static boolean copyCapture(Path siteDir, String articleId, OutputStream out) throws IOException {
    if (!ArticleId.isValid(articleId)) throw new IllegalArgumentException("id: '" + articleId + "' is not an article id");
    List<Path> files = WarcFiles.list(siteDir);
    URI[] capture = {null};
    java.util.Map<URI, URI> revisitTarget = new java.util.HashMap<>();
    for (Path file : files) {
      WarcFiles.scan(file, (rec, block) -> {
        if (rec instanceof WarcRevisit r && r.refersTo().isPresent()) revisitTarget.put(r.id(), r.refersTo().get());
        if (rec instanceof WarcMetadata m && !m.concurrentTo().isEmpty()) {
          Optional<String> id = WarcFields.first(block, WarcCapture.ARTICLE_ID_FIELD);
          if (id.isPresent() && id.get().equals(articleId)) capture[0] = m.concurrentTo().get(0);
        }
      });
    }
    if (capture[0] == null) return false;
    URI wanted = revisitTarget.getOrDefault(capture[0], capture[0]);
    for (Path file : files) {
      if (copyRecord(file, wanted, out)) return true;
    }
    return false;
  }

  /**
   * Copies one record of a file byte for byte as it was written: its gzip member (each record is
   * one, see {@link WarcCapture}) is located by the reader's offsets and inflated.
   */
  private static boolean copyRecord(Path file, URI id, OutputStream out) throws IOException {
    long start = -1;
    long end;
    try (FileChannel ch = FileChannel.open(file); WarcReader reader = new WarcReader(ch)) {
      if (reader.compression() != WarcCompression.GZIP) return false;
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          return false; // a torn tail: the record is not among the whole ones
        }
        if (next.isEmpty()) {
          if (start < 0) return false;
          end = Files.size(file);
          break;
        }
        if (start >= 0) {
          end = reader.position();
          break;
        }
        if (next.get().id().equals(id)) start = reader.position();
      }
    }
    try (FileChannel ch = FileChannel.open(file)) {
      InputStream member = new LimitedInputStream(Channels.newInputStream(ch.position(start)), end - start);
      try (GZIPInputStream in = new GZIPInputStream(member)) {
        in.transferTo(out);
      }
    }
    return true;
  }

  /** The newest captured response whose path is {@code /robots.txt}, or null when none was captured. */
  public static @Nullable RobotsCapture latestRobots(Path siteDir) throws IOException {
    List<Path> files = WarcFiles.list(siteDir);
    for (int i = files.size() - 1; i >= 0; i--) {
      RobotsCapture[] last = {null};
      WarcFiles.scan(files.get(i), (rec, block) -> {
        // an unchanged robots.txt is stored as a revisit, whose block still holds the status line
        if (!(rec instanceof WarcResponse || rec instanceof WarcRevisit)) return;
        WarcCaptureRecord r = (WarcCaptureRecord) rec;
        if (!"/robots.txt".equals(r.targetURI().getPath())) return;
        HttpResponse http;
        try {
          http = HttpResponse.parse(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(block)));
        } catch (IOException | RuntimeException e) {
          return;
        }
        RobotsCapture c = new RobotsCapture(r.targetURI(), http.status(), r.date());
        if (last[0] == null || !c.capturedAt().isBefore(last[0].capturedAt())) last[0] = c;
      });
      if (last[0] != null) return last[0];
    }
    return null;
  }
}
