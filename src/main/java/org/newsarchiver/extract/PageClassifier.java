package org.newsarchiver.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;

/** Decides whether a page is an article, or why not (consent wall, paywall, bot check, script-built). */
final class PageClassifier {
  private PageClassifier() {}

  static PageStatus classify(
      Document doc, JsonLd ld, @Nullable String title, List<String> body, boolean bodyFromSite) {
    if (title == null && body.isEmpty()) return PageStatus.NOT_ARTICLE;
    if (body.isEmpty()) return PageStatus.EMPTY;
    return PageStatus.OK;
  }
}
