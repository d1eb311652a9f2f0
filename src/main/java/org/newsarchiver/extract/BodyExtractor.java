package org.newsarchiver.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the article's main text block when no site selector gives one. May change the document. */
final class BodyExtractor {
  private BodyExtractor() {}

  static List<String> extract(Document doc, JsonLd ld, @Nullable String title) {
    Element best = null;
    int bestLen = 0;
    for (Element e : doc.select("article, main, div, section")) {
      int len = e.select("> p").text().length();
      if (len > bestLen) {
        best = e;
        bestLen = len;
      }
    }
    return best == null ? List.of() : Blocks.paragraphs(best.select("> p"));
  }
}
