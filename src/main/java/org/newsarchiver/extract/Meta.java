package org.newsarchiver.extract;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;

/**
 * A page's {@code <meta>} values by name: {@code name}, {@code property}, {@code itemprop} and
 * {@code http-equiv} all count as the name, and {@code value} stands in for a missing {@code
 * content} (some re-serialized pages carry it). The first non-empty value of a name wins.
 */
final class Meta {
  private final PageIndex index;

  private Meta(PageIndex index) {
    this.index = index;
  }

  static Meta read(Document doc) {
    return new Meta(PageIndex.of(doc));
  }

  /** The normalized value of the first of {@code names} the page has, or null. */
  @Nullable String get(String... names) {
    for (String n : names) {
      String v = index.meta.get(n);
      if (v != null) return v;
    }
    return null;
  }
}
