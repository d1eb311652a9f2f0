package org.newsarchiver.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Recognizes page furniture from markup alone: tags that never hold article text, hidden elements,
 * and class / id / role hints (navigation, share bars, related lists, comments, cookie banners...).
 * It only judges one element; where the article is, is {@link ContentScorer}'s job. Thread-safe.
 */
final class Furniture {
  /** Tags whose content is never the article's text. */
  static final Set<String> NEVER_TEXT =
      Set.of("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
          "canvas", "video", "audio", "button", "select", "option", "textarea", "input", "head",
          "link", "meta", "math");

  /** Tags that are furniture wherever they are. */
  private static final Set<String> FURNITURE_TAGS = Set.of("nav", "aside", "footer", "dialog");

  private static final Set<String> FURNITURE_ROLES =
      Set.of("menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
          "banner", "contentinfo", "search");

  private static final String[] UNLIKELY = {
    "-ad-", "ad-break", "agegate", "ai2html", "banner", "breadcrumb", "combx", "comment",
    "community", "cookie", "consent", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header",
    "legends", "menu", "newsletter", "pagination", "pager", "popup", "related", "remark",
    "replies", "rss", "sharebar", "sharetools", "sharing-tools", "sharing-buttons", "shoutbox", "sidebar", "skyscraper", "social",
    "sponsor", "subscribe", "supplemental", "taboola", "outbrain", "recommend", "trending",
    "most-popular", "mostpopular", "signup", "sign-up", "yom-remote", "modal", "toolbar", "navigation", "navbar"
  };
  private static final String[] MAYBE = {
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow"
  };
  private static final String[] NEGATIVE = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
    "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags", "widget", "newsletter", "subscribe", "social",
    "cookie", "byline", "author", "dateline"
  };
  private static final String[] POSITIVE = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story", "prose"
  };
  private static final String[] BYLINE = {"byline", "author", "dateline", "writtenby", "p-author"};
  /** Class or id of a layout box ("l-sidebar-fixed", "page-row"): a sidebar word there names a neighbour. */
  private static final String[] LAYOUT = {
    "layout", "container", "wrapper", "wrap", "page", "grid", "row", "col", "l-", "segment", "region"
  };

  private Furniture() {}

  /** The lower-cased class and id of an element, space separated; empty when it has neither. */
  static String hints(Element e) {
    String cls = e.className();
    String id = e.id();
    if (id.isEmpty()) return cls.isEmpty() ? "" : cls.toLowerCase(Locale.ROOT);
    if (cls.isEmpty()) return id.toLowerCase(Locale.ROOT);
    return (cls + " " + id).toLowerCase(Locale.ROOT);
  }

  /** Never text, hidden, or furniture by tag or role. */
  static boolean isFurnitureTag(Element e) {
    String tag = e.normalName();
    if (NEVER_TEXT.contains(tag) || FURNITURE_TAGS.contains(tag)) return true;
    if (e.attributesSize() == 0) return false;
    // parsed HTML has lower-case attribute names: exact look-ups, cheaper than attr()'s ignore-case ones
    org.jsoup.nodes.Attributes attrs = e.attributes();
    if (attrs.hasKey("hidden")) return true;
    String role = attrs.get("role");
    if (!role.isEmpty() && FURNITURE_ROLES.contains(role.toLowerCase(Locale.ROOT))) return true;
    return isHiddenByStyle(attrs.get("style"))
        || "true".equals(attrs.get("aria-hidden")) && !hints(e).contains("fallback-image");
  }

  /** {@link #partFlags} bit: a word of {@code UNLIKELY}. */
  static final int UNLIKELY_WORD = 1;
  /** {@link #partFlags} bit: a word of {@code MAYBE}. */
  static final int MAYBE_WORD = 2;
  /** {@link #partFlags} bit: the whole token "ad", "ads", "advert", "share" or "shares". */
  static final int AD_TOKEN = 4;
  /** {@link #partFlags} bit: a byline word. */
  static final int BYLINE_WORD = 8;
  /** {@link #partFlags} bit: a layout-box word. */
  static final int LAYOUT_WORD = 16;
  /** {@link #partFlags} bit: a negative class-weight word. */
  static final int NEGATIVE_WORD = 32;
  /** {@link #partFlags} bit: a positive class-weight word. */
  static final int POSITIVE_WORD = 64;

  /**
   * The hint words in one lower-cased class or id value. None of the words holds a space, so the
   * flags of "class id" are those of the class or'ed with those of the id: a caller can work them
   * out once per distinct value.
   */
  static int partFlags(String lower) {
    if (lower.isEmpty()) return 0;
    int f = 0;
    // one pass over the value, trying only the words that start with the two characters at hand: many
    // values are seen once (unique ids), so a scan per word would cost more than the look-up saves
    for (int i = 0, n = lower.length() - 1; i < n; i++) {
      char c = lower.charAt(i);
      char d = lower.charAt(i + 1);
      if (c >= 128 || d >= 128) continue;
      int key = c << 7 | d;
      if ((f & AD_TOKEN) == 0 && (key == AD_KEY || key == SH_KEY) && isAdToken(lower, i)) f |= AD_TOKEN;
      String[] words = WORDS_BY_FIRST[key];
      if (words == null) continue;
      int[] bits = BITS_BY_FIRST[key];
      char[] thirds = THIRD_BY_FIRST[key];
      // the third character rules out most words of a crowded pair ("co": comment, content, cookie...)
      char e = i + 2 <= n ? lower.charAt(i + 2) : NO_THIRD;
      for (int k = 0; k < words.length; k++) {
        char t = thirds[k];
        if ((f & bits[k]) == 0 && (t == NO_THIRD || t == e) && lower.startsWith(words[k], i)) f |= bits[k];
      }
    }
    return f;
  }

  private static final int AD_KEY = 'a' << 7 | 'd';
  private static final int SH_KEY = 's' << 7 | 'h';
  private static final String[] AD_TOKENS = {"ad", "ads", "advert", "share", "shares"};

  /** One of {@link #AD_TOKENS} as a whole token at {@code i}, tokens split on anything but letters and digits. */
  private static boolean isAdToken(String s, int i) {
    if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) return false;
    for (String w : AD_TOKENS) {
      int end = i + w.length();
      if (s.startsWith(w, i) && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) return true;
    }
    return false;
  }

  /** The hint words of {@link #partFlags} by their first two (ASCII) characters, with their flag. */
  private static final String[][] WORDS_BY_FIRST = new String[128 * 128][];

  private static final int[][] BITS_BY_FIRST = new int[128 * 128][];

  /** The third character of each word of {@link #WORDS_BY_FIRST}, {@link #NO_THIRD} for a two-character word. */
  private static final char[][] THIRD_BY_FIRST = new char[128 * 128][];

  /** No third character (a two-character word, or the value's end); no hint word holds it. */
  private static final char NO_THIRD = '\uFFFF';

  static {
    String[][] lists = {UNLIKELY, MAYBE, BYLINE, LAYOUT, NEGATIVE, POSITIVE};
    int[] flags = {UNLIKELY_WORD, MAYBE_WORD, BYLINE_WORD, LAYOUT_WORD, NEGATIVE_WORD, POSITIVE_WORD};
    for (int l = 0; l < lists.length; l++) {
      for (String w : lists[l]) {
        int c = w.charAt(0) << 7 | w.charAt(1); // every word has two characters or more
        String[] ws = WORDS_BY_FIRST[c];
        int[] bs = BITS_BY_FIRST[c];
        char[] ts = THIRD_BY_FIRST[c];
        int n = ws == null ? 0 : ws.length;
        ws = ws == null ? new String[1] : java.util.Arrays.copyOf(ws, n + 1);
        bs = bs == null ? new int[1] : java.util.Arrays.copyOf(bs, n + 1);
        ts = ts == null ? new char[1] : java.util.Arrays.copyOf(ts, n + 1);
        ws[n] = w;
        bs[n] = flags[l];
        ts[n] = w.length() > 2 ? w.charAt(2) : NO_THIRD;
        WORDS_BY_FIRST[c] = ws;
        BITS_BY_FIRST[c] = bs;
        THIRD_BY_FIRST[c] = ts;
      }
    }
  }

  /** Class or id say "not the article" and nothing says "maybe the article", from their or'ed {@link #partFlags}. */
  static boolean isUnlikelyByFlags(Element e, int flags) {
    String tag = e.normalName();
    if (tag.equals("body") || tag.equals("html") || tag.equals("article") || tag.equals("main")
        || tag.equals("a")) {
      return false;
    }
    return (flags & UNLIKELY_WORD) != 0 && (flags & MAYBE_WORD) == 0 && !isArticleBody(e)
        || (flags & AD_TOKEN) != 0;
  }

  /** Readability's class weight of one class or id value from its {@link #partFlags}: -25 / +25 for negative / positive words. */
  static int weightOfFlags(int flags) {
    return ((flags & NEGATIVE_WORD) != 0 ? -25 : 0) + ((flags & POSITIVE_WORD) != 0 ? 25 : 0);
  }

  /** Marked as the author ({@code rel=author}, {@code itemprop=author}): metadata, not body text. */
  static boolean isMarkedAuthor(Element e) {
    return "author".equals(e.attr("rel")) || e.attr("itemprop").contains("author");
  }

  static boolean isArticleBody(Element e) {
    return e.attributesSize() != 0 && e.attributes().get("itemprop").equalsIgnoreCase("articleBody");
  }

  static boolean isHiddenByStyle(String style) {
    if (style.isEmpty()) return false;
    String s = style.replace(" ", "").toLowerCase(Locale.ROOT);
    return s.contains("display:none") || s.contains("visibility:hidden");
  }

  static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) return true;
    }
    return false;
  }
}
