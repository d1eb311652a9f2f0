package org.newsarchiver.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Whether what was read as a page's body is a list of story teasers (a section front, a tag page),
 * not one article: most of its text sits in boxes headed by a link to another page. Stateless.
 */
final class StoryList {
  /** Teasers from which a run of them is a list. */
  private static final int MIN_TEASERS = 5;
  /** Share of the text inside teasers from which the body is nothing but them. */
  private static final double TEASER_SHARE = 0.8;
  /** Levels above a linked heading that are its teaser's box. */
  private static final int TEASER_LEVELS = 3;
  /** Levels above a text looked at for a teaser's box. */
  private static final int TEXT_LEVELS = TEASER_LEVELS + 2;

  private StoryList() {}

  /** JSON-LD of an article type, {@code og:type} article or an article's publication time. */
  static boolean saysArticle(org.jsoup.nodes.Document doc, JsonLd ld) {
    Meta meta = Meta.read(doc);
    if ("article".equalsIgnoreCase(meta.get("og:type")) || meta.get("article:published_time") != null) return true;
    for (var o : ld.articles()) {
      for (String type : JsonLd.types(o)) {
        if (!type.equals("webpage") && !type.equals("creativework")) return true;
      }
    }
    return false;
  }

  static boolean isTeasers(List<Element> parts, ContentScorer scorer) {
    Set<Element> furniture = identitySet();
    furniture.addAll(scorer.furniture());
    List<Element> linked = new java.util.ArrayList<>();
    for (Element part : parts) {
      NodeTraversor.filter(
          (node, depth) -> {
            if (!(node instanceof Element e)) return NodeFilter.FilterResult.CONTINUE;
            if (furniture.contains(e)) return NodeFilter.FilterResult.SKIP_ENTIRELY;
            if (!ContentScorer.isHeading(e.normalName()) || !linksElsewhere(e)) return NodeFilter.FilterResult.CONTINUE;
            linked.add(e);
            return NodeFilter.FilterResult.SKIP_ENTIRELY;
          },
          part);
    }
    if (linked.size() < MIN_TEASERS) return false;
    // a teaser's box holds its own linked heading and no other: the card, not the list around it
    Map<Element, Integer> headingsUnder = new IdentityHashMap<>();
    for (Element h : linked) {
      Element p = h.parent();
      for (int level = 1; p != null && level <= TEASER_LEVELS; level++, p = p.parent()) headingsUnder.merge(p, 1, Integer::sum);
    }
    Set<Element> boxes = identitySet();
    for (Element h : linked) {
      boxes.add(h);
      Element p = h.parent();
      for (int level = 1; p != null && level <= TEASER_LEVELS && headingsUnder.getOrDefault(p, 0) == 1; level++, p = p.parent()) {
        boxes.add(p);
      }
    }
    long[] text = {0, 0};
    for (Element part : parts) {
      NodeTraversor.filter(
          (node, depth) -> {
            if (node instanceof Element e) {
              return furniture.contains(e) || Furniture.NEVER_TEXT.contains(e.normalName())
                  ? NodeFilter.FilterResult.SKIP_ENTIRELY
                  : NodeFilter.FilterResult.CONTINUE;
            }
            if (node instanceof TextNode t) {
              int n = ContentScorer.length(t.getWholeText());
              text[0] += n;
              if (inBox(t, boxes)) text[1] += n;
            }
            return NodeFilter.FilterResult.CONTINUE;
          },
          part);
    }
    return text[0] > 0 && text[1] >= TEASER_SHARE * text[0];
  }

  /** A heading that is, or holds, a link to another page (not its own anchor, "#section"). */
  private static boolean linksElsewhere(Element heading) {
    Element link = heading.selectFirst(LINK);
    for (Element p = heading.parent(); link == null && p != null; p = p.parent()) {
      if (p.nameIs("a") && p.hasAttr("href")) link = p;
    }
    return link != null && !link.attr("href").strip().startsWith("#");
  }

  /** Parsed once: selectFirst(String) would parse the query on every call. */
  private static final org.jsoup.select.Evaluator LINK = org.jsoup.select.QueryParser.parse("a[href]");

  private static boolean inBox(TextNode t, Set<Element> boxes) {
    Element p = t.parent();
    for (int level = 0; p != null && level <= TEXT_LEVELS; level++, p = p.parent()) {
      if (boxes.contains(p)) return true;
    }
    return false;
  }

  private static Set<Element> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
