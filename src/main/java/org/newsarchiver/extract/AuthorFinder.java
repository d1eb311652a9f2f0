package org.newsarchiver.extract;

import java.util.List;
import org.jsoup.nodes.Document;

/** Finds the article's author(s) in metadata and bylines. */
final class AuthorFinder {
  private AuthorFinder() {}

  static List<String> find(Document doc, JsonLd ld) {
    String a = TextNormalizer.line(doc.select("meta[name=author]").attr("content"));
    return a == null ? List.of() : List.of(a);
  }
}
