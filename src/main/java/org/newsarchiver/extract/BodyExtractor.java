package org.newsarchiver.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Finds the article's main text block when no site selector gives one. May change the document. */
final class BodyExtractor {
  private BodyExtractor() {}

  static List<String> extract(Document doc, JsonLd ld, @Nullable String title) {
    Element best = null;
    int bestLen = 0;
    for (Element e : doc.select("article, main, div, section")) {
      int len = childParagraphs(e).text().length();
      if (len > bestLen) {
        best = e;
        bestLen = len;
      }
    }
    return best == null ? List.of() : Blocks.paragraphs(childParagraphs(best));
  }

  /**
   * The {@code p} children of an element. Not {@code select("> p")}: that walks the whole subtree
   * of every candidate, quadratic in the nesting depth (100,000 nested divs took minutes).
   */
  private static Elements childParagraphs(Element e) {
    Elements ps = new Elements();
    for (Element child : e.children()) {
      if (child.nameIs("p")) ps.add(child);
    }
    return ps;
  }
}
