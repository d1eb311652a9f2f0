package org.newsarchiver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
    for (Element e : PageIndex.of(doc).sourceCredits) {
      boolean labelled = PageIndex.startsWithSourceLabel(e);
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
