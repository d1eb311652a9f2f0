package org.newsarchiver.extract;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the article's title in metadata and headings when no site selector gives one. */
final class TitleFinder {
  private TitleFinder() {}

  static @Nullable String find(Document doc, JsonLd ld) {
    String t = TextNormalizer.line(ld.articleText("headline"));
    if (t != null) return t;
    Element og = doc.selectFirst("meta[property=og:title][content]");
    if (og != null && (t = TextNormalizer.line(og.attr("content"))) != null) return t;
    Element h1 = doc.selectFirst("h1");
    if (h1 != null && (t = TextNormalizer.line(h1.text())) != null) return t;
    return TextNormalizer.line(doc.title());
  }
}
