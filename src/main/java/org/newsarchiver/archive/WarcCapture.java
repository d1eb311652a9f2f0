package org.newsarchiver.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.Warcinfo;
import org.newsarchiver.config.Limits;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.UserAgent;

/**
 * Records a site's exchanges as WARC 1.1 in {@code <site>/warc/<yyyy-mm-dd>-<n>.warc.gz}: a
 * request, a response (or a revisit when the payload is unchanged since the URL's last capture)
 * and, for archived articles, a metadata record naming the article id. Each record is its own gzip
 * member; an exchange is appended and synced at once, so a crash leaves every earlier record
 * readable. A run continues the day's last file when it is under the roll size and ends on a whole
 * record; a file whose tail a kill tore is never appended to (that would bury the torn bytes
 * mid-file, where readers stop): the next number is started, and {@code verify --repair} cuts the
 * tail. A new day or reaching the roll size starts the next number too. Thread-safe.
 */
public final class WarcCapture implements RawCapture {
  /** The metadata field that links a capture to its archived article. */
  public static final String ARTICLE_ID_FIELD = "article-id";

  /**
   * How far back from a file's end its last record's start is looked for: a record holds at most
   * a body of {@link Limits#MAX_BODY_BYTES}, which gzip may grow a little.
   */
  private static final long TAIL_SEARCH_BYTES = 2 * Limits.MAX_BODY_BYTES + (1 << 20);

  private final Path siteDir;
  private final long rollBytes;
  private final DigestIndex digests;
  private @Nullable Path current;
  private @Nullable LocalDate currentDay;
  private long currentSize;

  private WarcCapture(Path siteDir, long rollBytes, DigestIndex digests) {
    this.siteDir = siteDir;
    this.rollBytes = rollBytes;
    this.digests = digests;
  }

  /** WARC capture rolled at {@link Limits#WARC_ROLL_BYTES}. */
  public static RawCapture.Factory factory() {
    return factory(Limits.WARC_ROLL_BYTES);
  }

  /** WARC capture rolled when a file would grow past {@code rollBytes}. */
  public static RawCapture.Factory factory(long rollBytes) {
    if (rollBytes <= 0) throw new IllegalArgumentException("rollBytes: must be positive, was " + rollBytes);
    return archive -> new WarcCapture(archive.dir(), rollBytes, DigestIndex.load(archive));
  }

  @Override
  public synchronized void record(FetchResponse r, @Nullable String articleId) throws IOException {
    URI target = r.finalUrl();
    Instant date = r.fetchedAt();
    WarcDigest payload = sha1(r.body());
    DigestIndex.Entry earlier = digests.get(target.toString());
    WarcCaptureRecord capture;
    if (earlier != null && earlier.digest().equals(payload.prefixedBase32())) {
      byte[] block = HttpMessages.responseHeader(r);
      capture = new WarcRevisit.Builder(target, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
          .date(date).refersTo(earlier.recordId(), target, earlier.date())
          .payloadDigest(payload).blockDigest(sha1(block)).body(MediaType.HTTP_RESPONSE, block).build();
    } else {
      byte[] block = HttpMessages.response(r);
      WarcResponse.Builder response = new WarcResponse.Builder(target)
          .date(date).payloadDigest(payload).blockDigest(sha1(block)).body(MediaType.HTTP_RESPONSE, block);
      if (r.truncated()) response.truncated(org.netpreserve.jwarc.WarcTruncationReason.LENGTH);
      capture = response.build();
    }
    byte[] reqBlock = HttpMessages.request(r);
    WarcRequest request = new WarcRequest.Builder(target)
        .date(date).concurrentTo(capture.id()).blockDigest(sha1(reqBlock))
        .body(MediaType.HTTP_REQUEST, reqBlock).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WarcCompressed.write(out, request, capture);
    if (articleId != null) {
      WarcMetadata meta = new WarcMetadata.Builder()
          .targetURI(target).date(date).concurrentTo(capture.id())
          .addHeader("WARC-Refers-To", "<" + capture.id() + ">")
          .fields(Map.of(ARTICLE_ID_FIELD, List.of(articleId))).build();
      WarcCompressed.write(out, meta);
    }
    append(out.toByteArray(), LocalDate.ofInstant(date, ZoneOffset.UTC));
    if (capture instanceof WarcResponse) {
      digests.put(target.toString(), new DigestIndex.Entry(payload.prefixedBase32(), capture.id(), date));
    }
  }

  private void append(byte[] bytes, LocalDate day) throws IOException {
    if (current == null || !day.equals(currentDay)) continueOrStart(day, bytes.length);
    else if (currentSize + bytes.length > rollBytes) startFile(day);
    try (FileChannel ch = FileChannel.open(current, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) ch.write(buf);
      ch.force(false);
    } catch (java.nio.file.FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw AtomicFiles.withPath(current, e);
    }
    currentSize += bytes.length;
  }

  /** Makes the day's last file current when it has room and ends on a whole record, else starts the next. */
  private void continueOrStart(LocalDate day, long bytes) throws IOException {
    Path last = lastFile(day);
    if (last != null) {
      long size = Files.size(last);
      if (size + bytes <= rollBytes && WarcFiles.endsWhole(last, TAIL_SEARCH_BYTES)) {
        current = last;
        currentDay = day;
        currentSize = size;
        return;
      }
    }
    startFile(day);
  }

  private @Nullable Path lastFile(LocalDate day) throws IOException {
    Path last = null;
    for (Path p : WarcFiles.list(siteDir)) { // oldest first
      var m = WarcFiles.NAME.matcher(p.getFileName().toString());
      if (m.matches() && m.group(1).equals(day.toString())) last = p;
    }
    return last;
  }

  private void startFile(LocalDate day) throws IOException {
    Path dir = siteDir.resolve(WarcFiles.FOLDER);
    Files.createDirectories(dir);
    Path last = lastFile(day);
    long n = 0;
    if (last != null) {
      var m = WarcFiles.NAME.matcher(last.getFileName().toString());
      if (m.matches()) n = Long.parseLong(m.group(2));
    }
    String name = day + "-" + (n + 1) + ".warc.gz";
    Path file = dir.resolve(name);
    Warcinfo info = new Warcinfo.Builder().filename(name).date(Instant.now())
        .fields(Map.of("software", List.of("news-archiver/" + UserAgent.VERSION), "format", List.of("WARC File Format 1.1")))
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WarcCompressed.write(out, info);
    try {
      Files.write(file, out.toByteArray(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    } catch (java.nio.file.FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw AtomicFiles.withPath(file, e);
    }
    current = file;
    currentDay = day;
    currentSize = out.size();
  }

  static WarcDigest sha1(byte[] bytes) {
    try {
      return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  /** Serializes records as one gzip member each. */
  private static final class WarcCompressed {
    static void write(ByteArrayOutputStream out, WarcRecord... records) throws IOException {
      var writer = new org.netpreserve.jwarc.WarcWriter(Channels.newChannel(out), WarcCompression.GZIP);
      for (WarcRecord r : records) writer.write(r);
    }
  }
}
