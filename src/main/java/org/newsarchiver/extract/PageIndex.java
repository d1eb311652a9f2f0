package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What the metadata finders look up, gathered in one walk over the page instead of one query each:
 * meta values, the first {@code h1} headings, elements marked as author, links to author pages,
 * byline blocks and source credits. Built once per document and kept in its user data, so it
 * describes the page as parsed; not for a document changed afterwards.
 */
final class PageIndex {
  private static final String CACHE_KEY = "org.newsarchiver.extract.PageIndex";
  private static final int MAX_HEADINGS = 12;
  private static final int MAX_EACH = 50;
  /** More than the finders look at, so that their own limits decide. */
  private static final int MAX_CANDIDATES = 200;
  private static final String[] BYLINE_HINTS = {
    "byline", "author", "writer", "contributor", "posted-by", "postedby", "creator"
  };
  private static final int MAX_SEGMENT = 12; // "contributors"
  private static final java.util.Set<String> AUTHOR_SEGMENTS =
      java.util.Set.of(
          "author", "authors", "profile", "profiles", "people", "staff", "writers", "writer", "contributor", "contributors", "editors", "journalist", "by", "autor", "autoren", "auteur", "auteurs", "reporter", "columnists");

  /** The first letters of {@code AUTHOR_SEGMENTS}, "user" and "u". */
  private static final String SEGMENT_STARTS = "apswcejbru";

  final Map<String, String> meta = new HashMap<>();
  final List<Element> headings = new ArrayList<>();
  final List<Element> markedAuthors = new ArrayList<>();
  final List<Element> authorLinks = new ArrayList<>();
  final List<Element> bylineBlocks = new ArrayList<>();
  final List<Element> sourceCredits = new ArrayList<>();
  /** {@code <script type=application/ld+json>} blocks, in page order. */
  final List<Element> ldScripts = new ArrayList<>();
  /** Every {@code <meta>}, in page order. */
  final List<Element> metas = new ArrayList<>();
  /** {@code itemprop=datePublished} elements other than {@code <meta>}. */
  final List<Element> datePublished = new ArrayList<>();
  /** {@code <time>} elements and elements with a {@code datetime} attribute. */
  final List<Element> timeElements = new ArrayList<>();
  /** Elements whose class or id looks like a date or byline holder, with their place to the first h1. */
  final List<Candidate> dateClassed = new ArrayList<>();
  /** Elements whose class, id, title or label says views or reads, with their place to the first h1. */
  final List<Candidate> counters = new ArrayList<>();
  /** {@code <noscript>} elements, in page order. */
  final List<Element> noscripts = new ArrayList<>();
  /** The first element of each id that {@link PageClassifier} reads as a script app's root. */
  final Map<String, Element> appRoots = new HashMap<>();
  private @org.jspecify.annotations.Nullable ContentScorer bodyScores;
  /** The first {@code <link rel=canonical href>}, or null. */
  @org.jspecify.annotations.Nullable Element canonical;

  /** What a class-and-id value hints at, worked out once per distinct value: pages repeat them. */
  private final Map<String, Integer> classFlags = new HashMap<>(512);
  private static final int COUNTER = 1;
  private static final int DATE = 2;
  private static final int BYLINE = 4;
  private static final int SOURCE = 8;
  private static final int BLOCK = 16;
  private static final int PAYWALL = 32;
  /** Whether an element of the body has a class or id of a consent wall or bot check. */
  boolean blockHint;
  /** Whether an element of the body has a class or id of a paywall. */
  boolean paywallHint;

  private PageIndex() {}

  /**
   * The hint flags of an element's class and id, with the furniture hints ({@link
   * Furniture#partFlags}) above {@link #FURNITURE_SHIFT}: one look-up per element serves the index
   * and the body scorer. Worked out per value, not per pair, as many ids are unique ("post-4711").
   */
  private int flagsOf(String cls, String id) {
    int c = cls.isEmpty() ? 0 : partFlags(cls);
    if (id.isEmpty()) return joined(c);
    int i = partFlags(id);
    if (cls.isEmpty()) return joined(i);
    int both = c | i;
    // "icon eye" then the id: "eye " in the joined value
    if ((c & COUNTER_IF_FOLLOWED) != 0) both |= COUNTER;
    return joined(both);
  }

  /** The flags of the joined value from the or'ed flags of its parts (no hint word holds a space). */
  private static int joined(int parts) {
    int flags = parts & ~(SOURCE | RESOURCE | COUNTER_IF_FOLLOWED);
    if ((parts & SOURCE) != 0 && (parts & RESOURCE) == 0) flags |= SOURCE;
    return flags;
  }

  private int partFlags(String value) {
    Integer cached = classFlags.get(value);
    if (cached != null) return cached;
    String hints = value.toLowerCase(Locale.ROOT);
    // the index's words and the furniture's in one pass over the value
    int both = ALL_WORDS.flags(hints);
    int own = HintWords.isAscii(hints) ? withEye(hints, both & OWN_MASK) : ownFlagsOfAnyText(hints);
    int flags = own | (both & ~OWN_MASK) | Furniture.adToken(hints) << FURNITURE_SHIFT;
    classFlags.put(value, flags);
    return flags;
  }

  private static final int FURNITURE_SHIFT = 8;
  /** Part flag: "resource" (which holds "source"). */
  private static final int RESOURCE = 64;
  /** Part flag: a read-count hint once a space follows ("eye "). */
  private static final int COUNTER_IF_FOLLOWED = 128;

  private static final int OWN_MASK = (1 << FURNITURE_SHIFT) - 1;

  /** The own flags of an ASCII value with {@link #COUNTER_IF_FOLLOWED} added where it ends in the word "eye". */
  private static int withEye(String hints, int flags) {
    // "icon eye": the id after the class may make "eye " of it
    int n = hints.length();
    if (hints.endsWith("eye") && ((flags & COUNTER) != 0 || n == 3 || !Character.isLetter(hints.charAt(n - 4)))) {
      return flags | COUNTER_IF_FOLLOWED;
    }
    return flags;
  }

  /**
   * The flags of one lower-cased value ({@link #SOURCE} here means only that "source" occurs), word
   * by word: for values with letters beyond ASCII ("просмотры", "дата").
   */
  private static int ownFlagsOfAnyText(String hints) {
    int flags = 0;
    if (ReadCountFinder.isPositive(hints)) flags |= COUNTER;
    if (hints.endsWith("eye") && ReadCountFinder.isPositive(hints + ' ')) flags |= COUNTER_IF_FOLLOWED;
    if (ClassHints.containsAny(hints, VisibleDates.DATE_CLASS)) flags |= DATE;
    if (Furniture.containsAny(hints, BYLINE_HINTS)) flags |= BYLINE;
    if (hints.contains("source")) flags |= SOURCE;
    if (hints.contains("resource")) flags |= RESOURCE;
    if (ClassHints.containsAny(hints, PageClassifier.BLOCK_HINTS)) flags |= BLOCK;
    if (ClassHints.containsAny(hints, PaywallSigns.BOX_HINTS)) flags |= PAYWALL;
    return flags;
  }

  /** The ASCII words of {@link #ownFlagsOfAnyText}'s lists and the furniture's, for the one-pass look-up. */
  private static final HintWords ALL_WORDS = Furniture.addTo(new HintWords(), FURNITURE_SHIFT)
      .anywhere(ReadCountFinder.HINTS, COUNTER)
      .atWordStart(ReadCountFinder.WORD_HINTS, COUNTER)
      .anywhere(VisibleDates.DATE_CLASS, DATE)
      .anywhere(BYLINE_HINTS, BYLINE)
      .anywhere(new String[] {"source"}, SOURCE)
      .anywhere(new String[] {"resource"}, RESOURCE)
      .anywhere(PageClassifier.BLOCK_HINTS, BLOCK)
      .anywhere(PaywallSigns.BOX_HINTS, PAYWALL);

  /** An element and whether the page's first {@code h1} opened before it. */
  record Candidate(Element element, boolean afterH1) {}

  /** The first {@code h1} of the page, or null. */
  @org.jspecify.annotations.Nullable Element firstH1() {
    return headings.isEmpty() ? null : headings.get(0);
  }

  static PageIndex of(Document doc) {
    return of(doc, false);
  }

  /**
   * The index, built with the body's content scores ({@link #bodyScores}) when it is built now: for
   * a page that will be extracted with the generic rules and not changed before.
   */
  static PageIndex withBodyScores(Document doc) {
    return of(doc, true);
  }

  private static PageIndex of(Document doc, boolean scoreBody) {
    if (doc.attributes().userData(CACHE_KEY) instanceof PageIndex cached) return cached;
    PageIndex index = new PageIndex();
    Element body = scoreBody ? doc.body() : null;
    if (body != null) index.bodyScores = new ContentScorer();
    NodeTraversor.traverse(index.new Visitor(body), doc);
    doc.attributes().userData(CACHE_KEY, index);
    return index;
  }

  /** The content scores of the page's body, measured in the index's walk; null when not asked for. */
  @org.jspecify.annotations.Nullable ContentScorer bodyScores() {
    return bodyScores;
  }

  static boolean isAuthorPath(String href) {
    // one look-up per path segment rather than a scan of the address per known segment
    for (int start = href.indexOf('/'); start >= 0; ) {
      int end = href.indexOf('/', start + 1);
      if (end < 0) return false;
      if (end > start + 1 && end - start - 1 <= MAX_SEGMENT) {
        int len = end - start - 1;
        // most segments cannot be one of the words: no string built for them
        if (len <= MAX_SEGMENT && SEGMENT_STARTS.indexOf(Character.toLowerCase(href.charAt(start + 1))) >= 0) {
          String segment = href.substring(start + 1, end).toLowerCase(Locale.ROOT);
          if (AUTHOR_SEGMENTS.contains(segment)) return true;
          // a forum's or social site's own user page; on another host (a video channel) it is no author
          if ((segment.equals("user") || segment.equals("u")) && !href.startsWith("http") && !href.startsWith("//")) {
            return true;
          }
        }
      }
      start = end;
    }
    return false;
  }

  private final class Visitor implements NodeVisitor {
    private boolean inBody;
    /**
     * The element whose own text, read as the walk reaches it, decides whether it starts with a
     * "Source" label ({@link #startsWithSourceLabel} without a second look at its children).
     */
    private @org.jspecify.annotations.Nullable Element awaiting;
    /** The body to score in this walk, or null. */
    private final @org.jspecify.annotations.Nullable Element scoreRoot;
    private boolean scoring;
    /** The furniture subtree the scorer leaves out, while the walk is inside it. */
    private @org.jspecify.annotations.Nullable Element unscored;

    Visitor(@org.jspecify.annotations.Nullable Element scoreRoot) {
      this.scoreRoot = scoreRoot;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (awaiting != null && t.parentNode() == awaiting) {
          int label = sourceLabel(t.getWholeText());
          if (label > 0) add(sourceCredits, awaiting);
          if (label >= 0) awaiting = null;
        }
        return;
      }
      if (!(node instanceof Element e)) return;
      awaiting = null; // an element before any own text: its parent starts with no label
      boolean hasAttributes = e.attributesSize() != 0;
      // parsed HTML has lower-case attribute names: exact look-ups, no Attribute object per attribute
      org.jsoup.nodes.Attributes attrs = hasAttributes ? e.attributes() : null;
      String cls = hasAttributes ? attrs.get("class") : "";
      String id = hasAttributes ? attrs.get("id") : "";
      int packed = cls.isEmpty() && id.isEmpty() ? 0 : flagsOf(cls, id);
      if (e == scoreRoot) {
        bodyScores.begin(e);
        scoring = true;
      }
      if (scoring && unscored == null && !bodyScores.enter(e, packed >>> FURNITURE_SHIFT)) unscored = e;
      String tag = e.normalName();
      if (tag.equals("body")) inBody = true;
      if (tag.equals("h1") && headings.size() < MAX_HEADINGS) headings.add(e);
      if (tag.equals("time")) timeElements.add(e);
      if (tag.equals("noscript")) noscripts.add(e);
      if (!hasAttributes) {
        awaiting = e;
        return;
      }
      if (tag.equals("meta")) {
        metas.add(e);
        readMeta(e);
        return;
      }
      String rel = attrs.get("rel");
      String itemprop = attrs.get("itemprop");
      String href = attrs.get("href");
      String type = attrs.get("type");
      boolean hasHref = attrs.hasKey("href");
      boolean hasDatetime = attrs.hasKey("datetime") || hasEpoch(attrs);
      String title = attrs.get("title");
      String label = attrs.get("aria-label");
      String labels = title.isEmpty() ? label : label.isEmpty() ? title : title + ' ' + label;
      if (hasDatetime && !tag.equals("time")) timeElements.add(e);
      if (!id.isEmpty() && PageClassifier.APP_ROOTS.contains(id)) appRoots.putIfAbsent(id, e);
      if (tag.equals("script") && type.toLowerCase(Locale.ROOT).contains("application/ld+json")) ldScripts.add(e);
      if (canonical == null && hasHref && tag.equals("link") && rel.strip().equalsIgnoreCase("canonical")) canonical = e;
      if (itemprop.strip().equalsIgnoreCase("datePublished")) datePublished.add(e);
      int flags = packed & ((1 << FURNITURE_SHIFT) - 1);
      boolean afterH1 = !headings.isEmpty();
      if (!tag.equals("h1")) {
        if (counters.size() < MAX_CANDIDATES
            && ((flags & COUNTER) != 0
                || !labels.isEmpty() && ClassHints.containsAny(labels.toLowerCase(Locale.ROOT), ReadCountFinder.HINTS))) {
          counters.add(new Candidate(e, afterH1));
        }
        if (dateClassed.size() < MAX_CANDIDATES
            && ((flags & DATE) != 0
                || !itemprop.isEmpty() && ClassHints.containsAny(itemprop.toLowerCase(Locale.ROOT), VisibleDates.DATE_CLASS))) {
          dateClassed.add(new Candidate(e, afterH1));
        }
      }
      if (markedAuthors.size() < MAX_EACH && (rel.equals("author") || itemprop.equals("author"))) {
        markedAuthors.add(e);
      }
      if (tag.equals("a") && authorLinks.size() < MAX_EACH && isAuthorPath(href)) authorLinks.add(e);
      if (cls.isEmpty() && id.isEmpty()) {
        awaiting = e;
        return;
      }
      if (inBody) {
        blockHint |= (flags & BLOCK) != 0;
        paywallHint |= (flags & PAYWALL) != 0;
      }
      if ((flags & BYLINE) != 0) add(bylineBlocks, e);
      if ((flags & SOURCE) != 0) add(sourceCredits, e);
      else awaiting = e;
    }

    @Override
    public void tail(Node node, int depth) {
      if (!scoring || !(node instanceof Element e)) return;
      if (unscored == null) bodyScores.leave(e);
      else if (unscored == e) unscored = null;
      if (e == scoreRoot) {
        bodyScores.finish();
        scoring = false;
      }
    }

    private void readMeta(Element m) {
      // parsed HTML has lower-case attribute names: exact look-ups
      org.jsoup.nodes.Attributes a = m.attributes();
      String value = a.hasKey("content") ? a.get("content") : a.get("value");
      String text = TextNormalizer.line(value);
      if (text == null) return;
      put(a.get("name"), text);
      put(a.get("property"), text);
      put(a.get("itemprop"), text);
      put(a.get("http-equiv"), text);
    }

    private void put(String key, String text) {
      if (!key.isEmpty()) meta.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), text);
    }
  }

  /** A Unix time beside a shown date ({@link VisibleDates#EPOCH_ATTRIBUTES}). */
  private static boolean hasEpoch(org.jsoup.nodes.Attributes attrs) {
    for (String a : VisibleDates.EPOCH_ATTRIBUTES) {
      if (attrs.hasKey(a)) return true;
    }
    return false;
  }

  private static void add(List<Element> list, Element e) {
    if (list.size() < MAX_EACH) list.add(e);
  }

  /** The element's first own text starts with a "Source" label; checked without building strings. */
  static boolean startsWithSourceLabel(Element e) {
    for (int ci = 0, cn = e.childNodeSize(); ci < cn; ci++) {
      Node n = e.childNode(ci); // childNodes() would allocate a view per call
      if (n instanceof TextNode t) {
        int label = sourceLabel(t.getWholeText());
        if (label >= 0) return label > 0;
      }
      if (n instanceof Element) return false;
    }
    return false;
  }

  /** 1 when the text starts with a "Source" label, 0 when it does not, -1 when it is blank. */
  private static int sourceLabel(String raw) {
    int i = 0;
    while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) i++;
    if (i == raw.length()) return -1;
    char c = Character.toLowerCase(raw.charAt(i));
    if ("sqfbźzи来來出".indexOf(c) < 0) return 0;
    // and the second letters: most text starting with s, f or b is no label, and builds no string
    if (i + 1 == raw.length() || "ourdс源典所".indexOf(Character.toLowerCase(raw.charAt(i + 1))) < 0) return 0;
    String s = raw.substring(i, Math.min(raw.length(), i + 12)).toLowerCase(Locale.ROOT);
    boolean label = s.startsWith("source") || s.startsWith("quelle") || s.startsWith("fuente")
        || s.startsWith("fonte") || s.startsWith("bron") || s.startsWith("źródło")
        || s.startsWith("zdroj") || s.startsWith("источник") || s.startsWith("来源")
        || s.startsWith("來源") || s.startsWith("出典") || s.startsWith("出所");
    return label ? 1 : 0;
  }
}
