package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Measures and scores a page's elements in two passes over the tree (Readability's scoring, done
 * bottom-up with counts kept per element): text, link text, commas and child-element counts, and
 * a content score that paragraphs pass up to their ancestors. Furniture subtrees are left out and
 * remembered. One instance per page; not thread-safe.
 */
final class ContentScorer {
  /** What one element holds, furniture left out. */
  static final class Stats {
    int text;
    int link;
    int commas;
    int paragraphs;
    int images;
    int items;
    int inputs;
    int embeds;
    int headingText;
    double score;
    boolean candidate;
    boolean inLink;
  }

  private static final Stats NONE = new Stats();
  private static final int ANCESTOR_LEVELS = 5;
  private static final int MAX_BYLINE_TEXT = 100;

  private final Map<Element, Stats> stats = new IdentityHashMap<>();
  private final List<Element> candidates = new ArrayList<>();
  private final List<Element> furniture = new ArrayList<>();
  /** Text length of the whole scored root, counted only when a layout box needs it; -1 before. */
  private int pageText = -1;
  /** A length the root's text is known to exceed, while {@link #pageText} is not known. */
  private int pageTextAbove = -1;
  private final Map<String, Integer> partFlags = new java.util.HashMap<>(256);
  private @org.jspecify.annotations.Nullable Element root;

  /** Measures and scores everything under {@code root}. */
  void score(Element root) {
    begin(root);
    measure(root);
    finish();
  }

  /**
   * Starts scoring {@code root} in a walk made by someone else: {@link #enter} and {@link #leave}
   * for each element under it in page order, then {@link #finish}. Lets the page index's one walk
   * do the measuring too.
   */
  void begin(Element root) {
    this.root = root;
  }

  /** The element {@link #begin} was given, or null before. */
  @org.jspecify.annotations.Nullable Element root() {
    return root;
  }

  /** Scores the candidates by the link density measured under them; the walk is over. */
  void finish() {
    for (Element c : candidates) {
      Stats s = stats.get(c);
      s.score *= 1 - linkDensity(c);
    }
  }

  /** An element reached on the way down; false when it is furniture, left out with all it holds. */
  boolean enter(Element el) {
    int flags = el.attributesSize() == 0 ? 0 : partFlags(el.className()) | partFlags(el.id());
    return enter(el, flags);
  }

  /**
   * {@link #enter(Element)} with the element's {@link Furniture#partFlags} of its class and id
   * already worked out by the caller.
   */
  boolean enter(Element el, int hintFlags) {
    if (el != root && isFurniture(el, hintFlags)) {
      furniture.add(el);
      return false;
    }
    Stats s = stats(el);
    Element parent = el.parent();
    s.inLink = el.normalName().equals("a") || (el != root && parent != null && of(parent).inLink);
    return true;
  }

  /** An element {@link #enter}ed, left on the way up: adds up what it holds. */
  void leave(Element el) {
    aggregate(el);
  }

  /**
   * Whether the scored root holds more than {@code n} characters of text: counted only as far as
   * needed (a sidebar is small beside most pages), what was learnt kept for the next question.
   */
  private boolean pageTextExceeds(int n) {
    if (pageText >= 0) return pageText > n;
    if (pageTextAbove >= n) return true;
    if (root == null) {
      pageText = 0;
      return false;
    }
    // at least double the last limit, so that growing questions walk the page a bounded number of times
    long limit = Math.max(n, 2L * pageTextAbove);
    int lim = (int) Math.min(Integer.MAX_VALUE, limit);
    int counted = rawText(root, new boolean[1], lim, false);
    if (counted > lim) {
      pageTextAbove = lim;
      return true;
    }
    pageText = counted;
    return counted > n;
  }

  Stats of(Element e) {
    Stats s = stats.get(e);
    return s == null ? NONE : s;
  }

  List<Element> candidates() {
    return candidates;
  }

  /** Elements left out as furniture, in document order. */
  List<Element> furniture() {
    return furniture;
  }

  double linkDensity(Element e) {
    Stats s = of(e);
    return s.text == 0 ? 0 : (double) s.link / s.text;
  }

  /** Text length under an element, never-text tags left out; sets {@code article[0]} if it holds an article. */
  private static int rawText(Element e, boolean[] article) {
    return rawText(e, article, Integer.MAX_VALUE, false);
  }

  /**
   * {@link #rawText(Element, boolean[])} that stops once the length passes {@code limit}, or, with
   * {@code articleOnly}, as soon as an article is found (the length then is not counted).
   */
  private static int rawText(Element e, boolean[] article, int limit, boolean articleOnly) {
    int[] n = new int[1];
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              if (articleOnly) return FilterResult.CONTINUE;
              n[0] += length(t.getWholeText());
              if (n[0] > limit) return FilterResult.STOP;
            } else if (node instanceof Element el && el != e) {
              if (Furniture.NEVER_TEXT.contains(el.normalName())) return FilterResult.SKIP_ENTIRELY;
              if (el.normalName().equals("article") || Furniture.isArticleBody(el)) {
                article[0] = true;
                if (articleOnly) return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        e);
    return n[0];
  }


  /**
   * Measures every element under {@code root} bottom-up, without recursion (hostile pages nest
   * 100,000 levels deep): furniture subtrees are skipped whole and remembered.
   */
  private void measure(Element root) {
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            return enter(el) ? FilterResult.CONTINUE : FilterResult.SKIP_ENTIRELY;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) leave(el);
            return FilterResult.CONTINUE;
          }
        },
        root);
  }

  /** Adds up an element's own text and its (already measured) children. */
  private void aggregate(Element e) {
    Stats s = stats(e);
    String tag = e.normalName();
    // text written straight into a box, run by run between <br>s and blocks: Readability's "div as p"
    boolean segments = tag.equals("div") || tag.equals("section") || tag.equals("article") || tag.equals("main");
    int segLength = 0;
    int segCommas = 0;
    for (int ci = 0, cn = e.childNodeSize(); ci < cn; ci++) {
      Node child = e.childNode(ci); // childNodes() would allocate a view per call
      if (child instanceof TextNode t) {
        String text = t.getWholeText();
        long both = lengthAndCommas(text);
        int len = (int) (both >>> 32);
        int commas = (int) both;
        segLength += len;
        segCommas += commas;
        s.text += len;
        s.commas += commas;
        if (s.inLink) s.link += len;
      } else if (child instanceof Element el) {
        Stats c = stats.get(el);
        if (c == null) continue; // furniture, left out
        String childTag = el.normalName();
        s.text += c.text;
        s.link += c.link;
        s.commas += c.commas;
        s.paragraphs += c.paragraphs + (childTag.equals("p") ? 1 : 0);
        s.images += c.images + (childTag.equals("img") ? 1 : 0);
        s.items += c.items + (childTag.equals("li") ? 1 : 0);
        s.inputs += c.inputs + (childTag.equals("input") ? 1 : 0);
        s.embeds += c.embeds + (childTag.equals("object") || childTag.equals("embed") ? 1 : 0);
        s.headingText += isHeading(childTag) ? c.text : c.headingText;
        if (childTag.equals("br") || Blocks.BLOCK_TAGS.contains(childTag)) {
          if (segments) addParagraph(e, e, segLength, segCommas);
          segLength = 0;
          segCommas = 0;
        } else {
          segLength += c.text;
          segCommas += c.commas;
        }
      }
    }
    if (tag.equals("p") || tag.equals("pre") || tag.equals("td")) {
      Element parent = e.parent();
      if (parent != null) addParagraph(e, parent, s.text, s.commas);
    } else if (segments) {
      addParagraph(e, e, segLength, segCommas);
    }
  }

  private boolean isFurniture(Element e, int flags) {
    if (Furniture.isFurnitureTag(e)) return true;
    if (e.attributesSize() == 0) return false;
    if (flags != 0 && Furniture.isUnlikelyByFlags(e, flags)) {
      // a layout wrapper named badly still holds the article: keep what holds most of the page
      boolean[] article = new boolean[1];
      if ((flags & Furniture.LAYOUT_WORD) == 0) {
        rawText(e, article, Integer.MAX_VALUE, true);
        return !article[0];
      }
      int raw = rawText(e, article);
      return !article[0] && pageTextExceeds(raw * 2);
    }
    // no class or id hint: only an element marked as the author
    return Furniture.isMarkedAuthor(e)
        || (flags & Furniture.BYLINE_WORD) != 0
            && rawText(e, new boolean[1], MAX_BYLINE_TEXT, false) <= MAX_BYLINE_TEXT;
  }

  /** The hint flags of one class or id value; pages repeat a few values on thousands of elements. */
  private int partFlags(String value) {
    if (value.isEmpty()) return 0;
    Integer f = partFlags.get(value);
    if (f == null) {
      f = Furniture.partFlags(value.toLowerCase(java.util.Locale.ROOT));
      partFlags.put(value, f);
    }
    return f;
  }

  /** {@link Furniture#weight}, with the class and id hints worked out once per distinct value. */
  int weight(Element e) {
    if (e.attributesSize() == 0) return 0;
    int w = Furniture.weightOfFlags(partFlags(e.className())) + Furniture.weightOfFlags(partFlags(e.id()));
    return Furniture.isArticleBody(e) ? w + 25 : w;
  }

  /** Scores a paragraph (or a run of text in {@code e}) into {@code first} and its ancestors. */
  private void addParagraph(Element e, Element first, int length, int commas) {
    if (length < 25) return;
    double score = 1 + commas + Math.min(length / 100, 3);
    Element ancestor = first;
    for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null; level++) {
      if (ancestor.parent() == null) break;
      Stats a = stats(ancestor);
      if (!a.candidate) {
        a.candidate = true;
        a.score = initialScore(ancestor);
        candidates.add(ancestor);
      }
      a.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
      ancestor = ancestor.parent();
    }
  }

  private double initialScore(Element e) {
    double base =
        switch (e.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return base + weight(e);
  }

  private Stats stats(Element e) {
    return stats.computeIfAbsent(e, k -> new Stats());
  }

  static boolean isHeading(String tag) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }

  /** Characters with each run of white space counted as one. */
  static int length(String s) {
    return (int) (lengthAndCommas(s) >>> 32);
  }

  /** {@link #length} in the high 32 bits, the commas (also the CJK and Arabic ones) in the low: one pass. */
  private static long lengthAndCommas(String s) {
    int n = 0;
    int commas = 0;
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0') {
        if (!space) n++;
        space = true;
      } else {
        n++;
        space = false;
        if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') commas++;
      }
    }
    return ((long) n << 32) | commas;
  }
}
