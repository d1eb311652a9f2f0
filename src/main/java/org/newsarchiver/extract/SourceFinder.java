package org.newsarchiver.extract;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;

/** Finds the credited source of a republished story (an agency or another outlet) when the page names one. */
final class SourceFinder {
  private SourceFinder() {}

  static @Nullable String find(Document doc, JsonLd ld) {
    return null;
  }
}
