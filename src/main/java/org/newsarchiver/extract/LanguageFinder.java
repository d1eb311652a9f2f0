package org.newsarchiver.extract;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the page's language: what the markup declares ({@code <html lang>}, {@code og:locale},
 * {@code content-language}, JSON-LD {@code inLanguage}), else a cheap guess from the body text
 * ({@link LanguageGuess}). Returns a lower-case BCP 47 tag such as {@code en} or {@code pt-br}.
 * Stateless.
 */
final class LanguageFinder {
  private LanguageFinder() {}

  static @Nullable String fromMarkup(Document doc, JsonLd ld) {
    Element html = doc.firstElementChild();
    String lang = html == null ? null : tag(html.attr("lang"));
    if (lang == null && html != null) lang = tag(html.attr("xml:lang"));
    if (lang != null) return lang;
    Meta meta = Meta.read(doc);
    lang = tag(meta.get("content-language", "og:locale", "language", "dc.language"));
    if (lang != null) return lang;
    return tag(ld.articleText("inLanguage"));
  }

  static @Nullable String fromText(List<String> body) {
    return LanguageGuess.guess(body);
  }

  /** A declared value as a tag: first of a list, {@code _} to {@code -}, lower case; junk is null. */
  static @Nullable String tag(@Nullable String declared) {
    if (declared == null) return null;
    String s = declared.strip();
    int comma = s.indexOf(',');
    if (comma >= 0) s = s.substring(0, comma).strip();
    s = s.replace('_', '-').toLowerCase(Locale.ROOT);
    if (s.length() < 2 || s.length() > 35) return null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) return null;
    }
    int dash = s.indexOf('-');
    String primary = dash < 0 ? s : s.substring(0, dash);
    if (primary.length() < 2 || primary.length() > 3 && !primary.equals("x")) return null;
    return s;
  }
}
