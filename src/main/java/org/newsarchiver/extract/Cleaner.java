package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Removes furniture from the chosen article block: the subtrees {@link ContentScorer} left out, and
 * lists, tables and boxes that read as navigation, teasers or widgets rather than prose (Readability's
 * conditional cleaning). Removes them from the document and can put them back, so that later
 * readers of the page see it whole. Not thread-safe; one instance per extraction.
 */
final class Cleaner {
  private static final Set<String> CONDITIONAL =
      Set.of("div", "section", "ul", "ol", "table", "form", "fieldset", "header", "dl");

  private record Removal(Element parent, int index, Element element) {}

  private final List<Removal> removed = new ArrayList<>();

  /** Puts every removed element back where it was, last removed first. */
  void restore() {
    for (int i = removed.size() - 1; i >= 0; i--) {
      Removal r = removed.get(i);
      r.parent().insertChildren(Math.min(r.index(), r.parent().childNodeSize()), r.element());
    }
    removed.clear();
  }

  private void remove(Element e) {
    Element parent = e.parent();
    if (parent == null) return;
    removed.add(new Removal(parent, e.siblingIndex(), e));
    e.remove();
  }

  void clean(List<Element> parts, ContentScorer scorer) {
    Set<Element> roots = Collections.newSetFromMap(new IdentityHashMap<>());
    roots.addAll(parts);
    for (Element f : scorer.furniture()) {
      if (inside(f, roots)) remove(f);
    }
    for (Element part : parts) {
      List<Element> all = part.getAllElements();
      int partText = scorer.of(part).text;
      // inner elements first, so an outer box is judged with what stays in it
      for (int i = all.size() - 1; i >= 0; i--) {
        Element e = all.get(i);
        if (roots.contains(e) || e.parent() == null) continue;
        cleanOne(e, partText, scorer);
      }
    }
  }

  private void cleanOne(Element e, int partText, ContentScorer scorer) {
    String tag = e.normalName();
    if (CONDITIONAL.contains(tag) && isJunkBox(e, tag, scorer, partText)) {
      remove(e);
    } else if (ContentScorer.isHeading(tag) && isJunkHeading(e, scorer)) {
      remove(e);
    }
  }

  private static boolean inside(Element e, Set<Element> roots) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (roots.contains(p)) return true;
    }
    return false;
  }

  private static boolean isJunkHeading(Element e, ContentScorer scorer) {
    return scorer.weight(e) < 0 || scorer.linkDensity(e) > 0.33;
  }

  /** Whether the element is a figure or inside one (closest("figure") would parse a query per call). */
  private static boolean inFigure(Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p.normalName().equals("figure")) return true;
    }
    return false;
  }

  private static boolean isJunkBox(Element e, String tag, ContentScorer scorer, int partText) {
    ContentScorer.Stats s = scorer.of(e);
    int weight = scorer.weight(e);
    double density = scorer.linkDensity(e);
    // Readability judges by the class weight alone here, not by the content score; but a wrapper
    // that holds most of the article's prose is the article whatever its builder calls it
    // ("elementor-widget-container")
    if (weight < 0 && !(s.paragraphs > 0 && s.text * 2 >= partText && density < 0.25)) return true;
    if (s.commas >= 10) return false;
    boolean list = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
    int p = s.paragraphs;
    int img = s.images;
    int li = s.items - 100;
    double headingDensity = s.text == 0 ? 0 : (double) s.headingText / s.text;
    // inFigure walks to the root: asked only when the cheaper tests pass, or deep nesting goes quadratic
    if (img > 1 && (double) p / img < 0.5 && !inFigure(e)) return true;
    if (!list && li > p) return true;
    if (s.inputs > p / 3) return true;
    if (!list && headingDensity < 0.9 && s.text < 25 && (img == 0 || img > 2) && !inFigure(e)) return true;
    if (!list && weight < 25 && density > 0.2) return true;
    if (weight >= 25 && density > 0.5) return true;
    return (s.embeds == 1 && s.text < 75) || s.embeds > 1;
  }
}
