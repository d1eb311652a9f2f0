package org.newsarchiver.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * The archived article pages of a site as its WARC files hold them: for each article id named by a
 * metadata record, the latest captured response (a revisit resolved to the response it refers to).
 * Reads the files twice (links, then bodies) so only ids are held in memory, never all bodies.
 */
public final class ArchivedPages {
  /** One article's page as captured: what re-extraction needs, with no network. */
  public record Page(String articleId, URI url, Instant fetchedAt, int status, @Nullable String contentType, byte[] body) {}

  /** Receives pages one at a time. */
  @FunctionalInterface
  public interface Consumer {
    void accept(Page page) throws IOException;
  }

  private ArchivedPages() {}

  /** Passes each article's latest capture fetched at or after {@code since} (null: all), in file order. */
  public static void forEach(Path siteDir, @Nullable Instant since, Consumer pages) throws IOException {
    List<Path> files = WarcFiles.list(siteDir);
    Map<URI, String> articleByCapture = new HashMap<>();
    Map<String, URI> latestByArticle = new HashMap<>();
    Map<URI, Instant> dateByCapture = new HashMap<>();
    Map<URI, URI> responseByRevisit = new HashMap<>();
    for (Path file : files) {
      WarcFiles.scan(file, (rec, block) -> {
        if (rec instanceof WarcRevisit r && r.refersTo().isPresent()) responseByRevisit.put(r.id(), r.refersTo().get());
        if (rec instanceof WarcRevisit || rec instanceof WarcResponse) dateByCapture.put(rec.id(), rec.date());
        if (rec instanceof WarcMetadata m && !m.concurrentTo().isEmpty()) {
          Optional<String> id = WarcFields.first(block, WarcCapture.ARTICLE_ID_FIELD);
          if (id.isPresent() && ArticleId.isValid(id.get())) latestByArticle.put(id.get(), m.concurrentTo().get(0));
        }
      });
    }
    for (Map.Entry<String, URI> e : latestByArticle.entrySet()) {
      Instant date = dateByCapture.get(e.getValue());
      if (since != null && (date == null || date.isBefore(since))) continue;
      articleByCapture.put(responseByRevisit.getOrDefault(e.getValue(), e.getValue()), e.getKey());
    }
    for (Path file : files) {
      try {
        WarcFiles.scan(file, (rec, block) -> {
          String articleId = articleByCapture.get(rec.id());
          if (articleId != null && rec instanceof WarcResponse r) pages.accept(page(articleId, r, block));
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  private static Page page(String articleId, WarcResponse r, byte[] block) throws IOException {
    int end = headerEnd(block);
    var http = org.netpreserve.jwarc.HttpResponse.parse(
        java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(block, 0, end)));
    return new Page(articleId, r.targetURI(), r.date(), http.status(),
        http.headers().first("Content-Type").orElse(null), Arrays.copyOfRange(block, end, block.length));
  }

  private static int headerEnd(byte[] b) {
    for (int i = 0; i + 3 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') return i + 4;
    }
    return b.length;
  }
}
