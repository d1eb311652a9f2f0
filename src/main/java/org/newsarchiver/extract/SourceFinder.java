package org.newsarchiver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the credited source of a republished story (an agency or another outlet) when the page names
 * one: JSON-LD {@code sourceOrganization} or a named {@code isBasedOn}, a short "Source: X" line, or
 * a short element whose class or id says it is the source credit. Null when the page names none:
 * never guessed from the byline or the site. Stateless.
 */
final class SourceFinder {
  private static final int MAX_CREDIT = 80;
  private static final Pattern LABELLED =
      Pattern.compile(
          "^(?iu)(?:source|sources|quelle|fuente|fonte|bron|źródło|zdroj|источник|来源|來源|出典|出所)\\s*[:：]\\s*(.{2,60}?)\\s*\\.?$");

  private SourceFinder() {}

  static @Nullable String find(Document doc, JsonLd ld) {
    for (JsonNode article : ld.articles()) {
      String name = TextNormalizer.line(JsonLd.text(article.get("sourceOrganization")));
      if (name != null) return name;
      JsonNode basis = article.get("isBasedOn");
      if (basis != null && basis.isObject()) {
        name = TextNormalizer.line(JsonLd.text(basis));
        if (name != null) return name;
      }
    }
    for (Element e : doc.body().getAllElements()) {
      boolean labelled = startsWithLabel(e);
      boolean hinted = !labelled && isSourceHint(e);
      if (!labelled && !hinted) continue;
      String text = TextNormalizer.line(e.text());
      if (text == null || text.length() > MAX_CREDIT) continue;
      Matcher m = LABELLED.matcher(text);
      if (m.matches()) return m.group(1).strip();
      if (hinted && text.split(" ").length <= 6) return text;
    }
    return null;
  }

  /** The element's first own text starts with a "Source" label; checked without building strings. */
  private static boolean startsWithLabel(Element e) {
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        String raw = t.getWholeText();
        int i = 0;
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) i++;
        if (i == raw.length()) continue;
        char c = Character.toLowerCase(raw.charAt(i));
        if ("sqfbźzи来來出".indexOf(c) < 0) return false;
        return startsWithLabel(raw.substring(i, Math.min(raw.length(), i + 12)));
      }
      if (n instanceof Element) return false;
    }
    return false;
  }

  private static boolean startsWithLabel(String own) {
    String s = own.stripLeading().toLowerCase(Locale.ROOT);
    return s.startsWith("source") || s.startsWith("quelle") || s.startsWith("fuente")
        || s.startsWith("fonte") || s.startsWith("bron") || s.startsWith("źródło")
        || s.startsWith("zdroj") || s.startsWith("источник") || s.startsWith("来源")
        || s.startsWith("來源") || s.startsWith("出典") || s.startsWith("出所");
  }

  /** A class or id that names a source credit, not "resource" or a list of sources. */
  private static boolean isSourceHint(Element e) {
    String cls = e.className();
    String id = e.id();
    if (!cls.contains("ource") && !id.contains("ource")) return false;
    String hints = Furniture.hints(e);
    if (hints.isEmpty() || hints.contains("resource")) return false;
    return Furniture.containsWord(hints, "source") || hints.contains("article-source")
        || hints.contains("story-source") || hints.contains("news-source");
  }
}
