package org.newsarchiver.archive;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.fetch.FetchResponse;

/**
 * Keeps the raw HTTP exchanges of a crawl (request and response, byte for byte as fetched), so that
 * nothing is lost and every article can be re-extracted later without the network.
 */
public interface RawCapture extends java.io.Closeable {
  /** Captures nothing: for one-off extraction and tests that look only at text and rows. */
  RawCapture NONE = (response, articleId) -> {};

  /** Opens the capture of one site's archive for one run. */
  @FunctionalInterface
  interface Factory {
    /** A factory of {@link #NONE}. */
    Factory NONE = archive -> RawCapture.NONE;

    RawCapture open(SiteArchive archive) throws IOException;
  }

  /**
   * Records one exchange; {@code articleId} links an article page to its archived row, and is null
   * for listing pages, feeds, sitemaps, robots.txt and pages that were not archived.
   */
  void record(FetchResponse response, @Nullable String articleId) throws IOException;

  @Override
  default void close() throws IOException {}
}
