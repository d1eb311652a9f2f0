package org.newsarchiver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds a read (view) count: JSON-LD {@code interactionStatistic} with a read, view or watch
 * action, else a visible counter near the title or date whose class, id, title or label says
 * views or reads ("Read: 726", "👁 726", "1 234 просмотра"). Never a comment, share or like count,
 * nor a counter in related-article lists or comments: null when the page shows none. Looks only at
 * a bounded set of candidate elements. Thread-safe (stateless).
 */
final class ReadCountFinder {
  private static final int MAX_CANDIDATES = 60;
  private static final int MAX_TEXT = 60;
  private static final int MAX_REGION = 400;
  private static final Set<String> ACTIONS = Set.of("readaction", "viewaction", "watchaction");

  /** Hint words that must start a word: "views" but not "preview", "reads" but not "threads". */
  static final String[] WORD_HINTS = {"view", "read", "hits", "visits", "eye-", "eye "};
  /** Hint words that count anywhere: "pageviews", "m-views", "viewcount", "Просмотры". */
  static final String[] HINTS = {
    "pageview", "viewcount", "readcount", "views", "просмотр", "перегляд", "vistas",
    "visitas", "vues", "aufrufe", "visualizz", "visualiza", "weergaven", "görüntülen", "wyświetl",
    "odsłon", "مشاهد", "fa-eye", "icon-eye"
  };
  /** Hints of counters that are not reads: comments, shares, likes, reading time, "read more". */
  private static final String[] NEGATIVE = {
    "comment", "share", "like", "repl", "vote", "reaction", "rating", "follow", "subscri", "time", "duration",
    "more", "retweet", "clap", "fav", "preview", "review", "overview", "viewport", "viewer", "interview",
    "коммент", "коментар", "поделит", "нрав", "monthly", "daily", "weekly", "today", "yesterday", "total",
    "gallery", "slide"
  };

  private static final String[] ICONS = {"eye", "icon", "fa-", "glyph", "ico-", "svg"};

  private ReadCountFinder() {}

  static @Nullable Long find(Document doc, JsonLd ld) {
    Long n = fromJsonLd(ld);
    return n != null ? n : fromPage(doc);
  }

  static @Nullable Long fromJsonLd(JsonLd ld) {
    List<JsonNode> objects = new ArrayList<>(ld.articles());
    objects.addAll(ld.all());
    for (JsonNode o : objects) {
      JsonNode stats = o.get("interactionStatistic");
      if (stats == null) continue;
      Iterable<JsonNode> list = stats.isArray() ? stats : List.of(stats);
      for (JsonNode s : list) {
        if (!isReadAction(s.get("interactionType"))) continue;
        JsonNode count = s.get("userInteractionCount");
        if (count == null) continue;
        if (count.isNumber() && count.asLong() >= 0) return count.asLong();
        Long n = ReadCounts.parse(count.asText(), null);
        if (n != null) return n;
      }
    }
    return null;
  }

  /** {@code "ViewAction"}, {@code "http://schema.org/ViewAction"} or {@code {"@type": ...}}. */
  private static boolean isReadAction(@Nullable JsonNode type) {
    if (type == null) return false;
    String name = type.isObject() ? JsonLd.text(type.get("@type")) : JsonLd.text(type);
    if (name == null && type.isObject()) name = JsonLd.text(type.get("@id"));
    if (name == null) return false;
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
    return ACTIONS.contains(last.toLowerCase(Locale.ROOT));
  }

  /** A counter marked as views or reads, those after the title first. */
  static @Nullable Long fromPage(Document doc) {
    PageIndex index = PageIndex.of(doc);
    if (index.counters.isEmpty() && index.firstH1() == null) return null;
    Set<Element> main = VisibleDates.titleAncestors(doc);
    boolean hasTitle = !main.isEmpty();
    Long before = null;
    int seen = 0;
    // candidates gathered in the page index's one walk: a class may say "view-count"; a title or
    // label must say "views" ("View key record dates" is a link)
    for (PageIndex.Candidate c : index.counters) {
      Element e = c.element();
      String hints = ClassHints.of(e, "class", "id");
      String labels = ClassHints.of(e, "title", "aria-label");
      if (!labels.isEmpty()) hints = hints + ' ' + labels;
      if (++seen > MAX_CANDIDATES) break;
      Long n = counter(e, hints, main);
      if (n == null) continue;
      if (c.afterH1() || !hasTitle) return n;
      if (before == null) before = n;
    }
    if (before != null) return before;
    return fromLabels(doc, main);
  }

  static boolean isPositive(String hints) {
    return ClassHints.containsAny(hints, HINTS) || ClassHints.startsWordAny(hints, WORD_HINTS);
  }

  private static @Nullable Long counter(Element e, String hints, Set<Element> main) {
    boolean negative = ClassHints.containsAny(hints, NEGATIVE); // hints are lower-cased
    if (VisibleDates.placeScore(e, main) < -4) return null;
    String text = ClassHints.shortText(e, MAX_TEXT);
    if (text == null) return null;
    if (ReadCounts.VIEW_WORD.matcher(text).find()) return ReadCounts.parse(text, null);
    if (negative) return null; // "views and comments" wrapper: only a labelled number counts
    for (String attr : new String[] {"title", "aria-label"}) {
      String v = e.attr(attr);
      if (!v.isEmpty() && ReadCounts.VIEW_WORD.matcher(v).find()) {
        Long n = ReadCounts.parse(v, null);
        if (n != null) return n;
      }
    }
    if (!text.isEmpty()) return onlyNumber(text);
    // an icon (<i class="icon-eye"></i>) followed by the number; not an empty box for a script
    if (!ClassHints.containsAny(hints, ICONS)) return null;
    Node next = e.nextSibling();
    String after = next instanceof TextNode t ? t.text()
        : next instanceof Element n ? ClassHints.shortText(n, 20) : "";
    return after != null && after.length() <= 20 ? onlyNumber(after) : null;
  }

  /** The number when the text is a number alone, perhaps with a sign or icon ("726", "1.2K"). */
  private static @Nullable Long onlyNumber(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 20 || !Character.isDigit(firstDigitOrLetter(t))) return null;
    return ReadCounts.parse(t, null);
  }

  private static boolean hasDigitOrEye(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= '0' && c <= '9') return true; // the common case, without a Unicode table look-up
      } else if (Character.isDigit(c) || Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** The element and its descendants in page order, at most {@code max}: no list of a whole big box. */
  private static List<Element> firstElements(Element root, int max) {
    List<Element> out = new ArrayList<>();
    org.jsoup.select.NodeTraversor.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            if (out.size() >= max) return FilterResult.STOP;
            out.add(el);
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        root);
    return out;
  }

  private static boolean ownTextHasDigitOrEye(Element e) {
    for (int ci = 0, cn = e.childNodeSize(); ci < cn; ci++) {
      Node n = e.childNode(ci); // childNodes() would allocate a view per call
      if (n instanceof TextNode t && hasDigitOrEye(t.getWholeText())) return true;
    }
    return false;
  }

  private static char firstDigitOrLetter(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetterOrDigit(c)) return c;
    }
    return ' ';
  }

  /**
   * "Read: 726" in unmarked elements of the title's neighbourhood: the title's container three
   * levels up, at most {@value #MAX_REGION} elements.
   */
  private static @Nullable Long fromLabels(Document doc, Set<Element> main) {
    Element h1 = PageIndex.of(doc).firstH1();
    if (h1 == null) return null;
    Element region = h1;
    for (int i = 0; i < 3 && region.parent() != null && !region.parent().normalName().equals("body"); i++) {
      region = region.parent();
    }
    for (Element e : firstElements(region, MAX_REGION)) {
      if (!ownTextHasDigitOrEye(e)) continue; // most elements: no string built
      String own = e.ownText();
      if (own.isEmpty() || own.length() > MAX_TEXT || !hasDigitOrEye(own)) continue;
      if (!ReadCounts.VIEW_WORD.matcher(own).find()) continue;
      String text = ClassHints.shortText(e, MAX_TEXT);
      if (text == null) text = own;
      if (ClassHints.containsAny(e.className().toLowerCase(Locale.ROOT), NEGATIVE)) continue;
      if (VisibleDates.placeScore(e, main) < -4) continue;
      Long n = ReadCounts.parse(text, null);
      if (n != null) return n;
    }
    return null;
  }
}
