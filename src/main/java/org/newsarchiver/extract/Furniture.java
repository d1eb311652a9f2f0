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
    return WORDS.flags(lower) | adToken(lower);
  }

  /** {@link #AD_TOKEN} when the value holds one of {@link #AD_TOKENS} as a whole token, else 0. */
  static int adToken(String lower) {
    return isAdToken(lower, "ad") || isAdToken(lower, "sh") ? AD_TOKEN : 0;
  }

  /**
   * Adds the hint words of {@link #partFlags} to {@code words}, their bits shifted left by {@code
   * shift}: a caller with hint lists of its own looks both up in one pass ({@link #adToken} apart).
   */
  static HintWords addTo(HintWords words, int shift) {
    return words
        .anywhere(UNLIKELY, UNLIKELY_WORD << shift)
        .anywhere(MAYBE, MAYBE_WORD << shift)
        .anywhere(BYLINE, BYLINE_WORD << shift)
        .anywhere(LAYOUT, LAYOUT_WORD << shift)
        .anywhere(NEGATIVE, NEGATIVE_WORD << shift)
        .anywhere(POSITIVE, POSITIVE_WORD << shift);
  }

  private static final String[] AD_TOKENS = {"ad", "ads", "advert", "share", "shares"};

  /** One of {@link #AD_TOKENS} starting with {@code start}, as a whole token (split on all but letters and digits). */
  private static boolean isAdToken(String s, String start) {
    for (int i = s.indexOf(start); i >= 0; i = s.indexOf(start, i + 1)) {
      if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) continue;
      for (String w : AD_TOKENS) {
        int end = i + w.length();
        if (s.startsWith(w, i) && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) return true;
      }
    }
    return false;
  }

  private static final HintWords WORDS = addTo(new HintWords(), 0);

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
