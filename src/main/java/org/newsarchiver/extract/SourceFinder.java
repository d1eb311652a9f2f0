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
      // a "Source: headline" link points to another story; a picture credit names the photographer
      if (!labelled && !hinted || isPictureCredit(e) || e.closest("a") != null) continue;
      String text = TextNormalizer.line(e.text());
      if (text == null || text.length() > MAX_CREDIT) continue;
      String name = null;
      Matcher m = LABELLED.matcher(text);
      if (m.matches()) name = m.group(1).strip();
      else if (hinted && text.split(" ").length <= 6) name = text;
      if (name != null && looksLikeName(name)) return name;
    }
    return null;
  }

  /** A credit under a picture names the photographer or agency of the picture, not of the story. */
  private static boolean isPictureCredit(Element e) {
    Element x = e;
    for (int i = 0; i < 4 && x != null; i++, x = x.parent()) {
      String tag = x.normalName();
      if (tag.equals("figure") || tag.equals("figcaption") || tag.equals("caption")) return true;
      String hints = Furniture.hints(x);
      if (Furniture.containsAny(hints, PICTURE_HINTS)) return true;
    }
    return false;
  }

  private static final String[] PICTURE_HINTS = {"caption", "credit", "photo", "image", "img", "media", "picture"};

  private static boolean looksLikeName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return name.length() >= 2 && Character.isLetterOrDigit(name.codePointAt(0))
        && !lower.startsWith("by ") && !lower.startsWith("by:") && !lower.startsWith("on ");
  }

  /** A class or id that names the story's source credit. */
  private static boolean isSourceHint(Element e) {
    String cls = e.className();
    String id = e.id();
    if (!cls.contains("ource") && !id.contains("ource")) return false;
    return Furniture.containsAny(Furniture.hints(e), SOURCE_HINTS);
  }

  private static final String[] SOURCE_HINTS = {
    "article-source", "article_source", "article__source", "story-source", "story__source", "news-source",
    "source-name", "sourcename", "articlesource", "content-source"
  };
}
