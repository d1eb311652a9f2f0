package org.newsarchiver.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.newsarchiver.config.FieldSelector;

/** Reads a field from a page with a site's selectors: the first selector that yields a value wins. */
final class SiteSelectors {
  private SiteSelectors() {}

  /** The first non-empty single-line value, or null. */
  static @Nullable String text(Document doc, List<FieldSelector> selectors) {
    for (FieldSelector s : selectors) {
      for (Element e : doc.select(s.css())) {
        String v = TextNormalizer.line(value(e, s));
        if (v != null) return v;
      }
    }
    return null;
  }

  /** Every non-empty value of every selector, in selector order then page order (at most 20). */
  static List<String> values(Document doc, List<FieldSelector> selectors) {
    List<String> out = new java.util.ArrayList<>();
    for (FieldSelector s : selectors) {
      for (Element e : doc.select(s.css())) {
        String v = TextNormalizer.line(value(e, s));
        if (v != null && !out.contains(v)) out.add(v);
        if (out.size() >= 20) return out;
      }
    }
    return out;
  }

  /** Every non-empty value of the first selector that yields any, e.g. several author links. */
  static List<String> texts(Document doc, List<FieldSelector> selectors) {
    for (FieldSelector s : selectors) {
      List<String> out =
          doc.select(s.css()).stream()
              .map(e -> TextNormalizer.line(value(e, s)))
              .filter(v -> v != null)
              .distinct()
              .toList();
      if (!out.isEmpty()) return out;
    }
    return List.of();
  }

  /** The paragraphs of every element matched by the first selector that yields text. */
  static List<String> paragraphs(Document doc, List<FieldSelector> selectors) {
    for (FieldSelector s : selectors) {
      Elements matched = doc.select(s.css());
      List<String> out =
          s.attribute() == null
              ? Blocks.paragraphs(outermost(matched))
              : TextNormalizer.paragraphs(matched.eachAttr(s.attribute()));
      if (!out.isEmpty()) return out;
    }
    return List.of();
  }

  /** Drops matches nested in another match, so that {@code div p} inside {@code div p} is not read twice. */
  private static List<Element> outermost(Elements matched) {
    return matched.stream()
        .filter(e -> e.parents().stream().noneMatch(matched::contains))
        .toList();
  }

  private static String value(Element e, FieldSelector s) {
    if (s.attribute() == null) return e.text();
    String attr = s.attribute();
    // links and images read as absolute URLs, other attributes as written
    return (attr.equals("href") || attr.equals("src")) ? e.absUrl(attr) : e.attr(attr);
  }
}
