package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The visible headings a title is checked against: the page's first {@code h1}s, and on demand its
 * first {@code h2}s (pages that give their banner the {@code h1} show the headline in an {@code h2}).
 * A heading's kicker ("Genetik: …" marked as a kicker) is not part of the headline. Not thread-safe:
 * one per extraction.
 */
final class TitleHeadings {
  private static final int MAX_H1 = 4;
  private static final int MAX_H2 = 8;
  /** Class names sites give the topic label above or before a headline. */
  private static final String[] KICKER_HINTS = {"kicker", "dachzeile", "topline", "overline", "eyebrow", "surtitre"};
  private static final String KICKER_GLUE = " :|–—-·";

  /** One heading: its element and its normalized text. */
  record Heading(Element element, String text) {}

  private final Document doc;
  private final List<Heading> h1s;
  private @Nullable List<Heading> h2s;

  private TitleHeadings(Document doc, List<Heading> h1s) {
    this.doc = doc;
    this.h1s = h1s;
  }

  static TitleHeadings of(Document doc) {
    List<Heading> h1s = new ArrayList<>();
    for (Element h : PageIndex.of(doc).headings) {
      add(h1s, h);
      if (h1s.size() >= MAX_H1) break;
    }
    return new TitleHeadings(doc, h1s);
  }

  List<Heading> h1s() {
    return h1s;
  }

  /** The first {@code h2}s, looked up only when the {@code h1}s did not settle the title. */
  List<Heading> h2s() {
    List<Heading> out = h2s;
    if (out == null) {
      List<Heading> found = new ArrayList<>();
      // a lazy walk that stops at the last h2 wanted, not a list of every h2 of the page
      NodeTraversor.filter(
          new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
              if (node instanceof Element e && e.nameIs("h2")) {
                add(found, e);
                return found.size() >= MAX_H2 ? FilterResult.STOP : FilterResult.SKIP_CHILDREN;
              }
              // the head's and scripts' insides hold no headings
              return node instanceof Element e && (e.nameIs("head") || e.nameIs("script") || e.nameIs("svg"))
                  ? FilterResult.SKIP_ENTIRELY
                  : FilterResult.CONTINUE;
            }
          },
          doc);
      out = found;
      h2s = out;
    }
    return out;
  }

  private static void add(List<Heading> list, Element h) {
    // microdata marks it as the second headline (a kicker or short form), not the title
    if (h.attr("itemprop").equalsIgnoreCase("alternativeHeadline")) return;
    String t = TextNormalizer.line(h.text());
    if (t == null) return;
    for (Heading seen : list) {
      if (seen.text().equals(t)) return;
    }
    list.add(new Heading(h, t));
  }

  /** The heading's text without a leading kicker element's label and the glue after it. */
  static String headline(Heading h) {
    for (Element e : h.element().getAllElements()) {
      if (e == h.element() || !isKicker(e)) continue;
      String kicker = TextNormalizer.line(e.text());
      if (kicker == null || !h.text().startsWith(kicker)) return h.text();
      int i = kicker.length();
      while (i < h.text().length() && KICKER_GLUE.indexOf(h.text().charAt(i)) >= 0) i++;
      String rest = h.text().substring(i);
      // a kicker that is all the heading holds, or nearly, is the headline itself
      return rest.split(" ").length >= 2 ? rest : h.text();
    }
    return h.text();
  }

  private static boolean isKicker(Element e) {
    String cls = e.className();
    if (cls.isEmpty()) return false;
    String c = cls.toLowerCase(Locale.ROOT);
    for (String hint : KICKER_HINTS) {
      if (c.contains(hint)) return true;
    }
    return false;
  }
}
