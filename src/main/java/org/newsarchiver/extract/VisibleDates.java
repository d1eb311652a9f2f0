package org.newsarchiver.extract;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.newsarchiver.config.DateSettings;

/**
 * Publication dates in the visible page: {@code <time>} elements and short date texts in elements
 * whose class or id says date, time, byline, published, meta or dateline. Prefers those in the
 * article header or byline, after the title; skips related-article lists, comments, sidebars,
 * footers, copyright lines and "Updated ..." lines. Looks only at a bounded number of candidate
 * elements, never at every text node. Thread-safe (stateless).
 */
final class VisibleDates {
  private static final int MAX_CANDIDATES = 80;
  private static final int MAX_TEXT = 160;
  private static final int MAX_DEPTH = 30;

  /** Class and id words of related-article lists, comments, sidebars, menus and widgets. */
  private static final String[] OTHER_CONTENT = {
    "related", "comment", "footer", "sidebar", "aside", "recommend", "stories", "widget", "teaser",
    "promo", "popular", "trending", "most-read", "mostread", "most_read", "read-next", "readnext",
    "newsletter", "menu", "carousel", "outbrain", "taboola", "reply", "disqus", "ticker",
    "headlines", "latest"
  };
  /** Words that must start a class word to count as other content ("nav" but not "canvas"). */
  private static final String[] OTHER_CONTENT_WORDS = {"nav"};
  /** Class words that flag a page layout, not a part: {@code has-sidebar}, {@code withSidebar}. */
  private static final Pattern LAYOUT_FLAG =
      Pattern.compile("(?:has|with|without|show|enable|page|layout|template)[-_]?|(?:no|is|js)[-_]");
  private static final String[] HEADER_HINT = {
    "byline", "dateline", "meta", "author", "header", "hero", "intro"
  };
  private static final String[] PUBLISHED_HINT = {
    "publish", "pubdate", "posted", "created", "date-pub", "datepub", "first"
  };
  private static final String[] UPDATED_HINT = {"updat", "modif", "edited", "revis"};
  /** Class, id or itemprop words of elements that may hold a written date. */
  static final String[] DATE_CLASS = {
    "date", "time", "byline", "publish", "posted", "meta", "stamp", "datum", "fecha", "data",
    "дата", "author", "info", "submitted", "details"
  };

  /** "Updated 29.10.2024" and the like, in the languages of {@link MonthNames}. */
  private static final Pattern UPDATED_WORD =
      Pattern.compile(
          "updated|modified|last edited|mis à jour|mise à jour|actualisé|aktualisiert|geändert|"
              + "actualizado|modificado|обновлено|обновлен|оновлено|aggiornato|atualizado|"
              + "bijgewerkt|güncellendi|güncelleme|zaktualizowano|aktualizacja|թարմացվ|تحديث",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern PUBLISHED_WORD =
      Pattern.compile(
          "published|posted|publié|publiée|veröffentlicht|publicado|publicada|опубликовано|"
              + "опубликован|опубліковано|pubblicato|gepubliceerd|yayınlanma|yayınlandı|"
              + "opublikowano|հրապարակվ|نشر",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern COPYRIGHT =
      Pattern.compile("©|\\(c\\)|copyright|all rights reserved", Pattern.CASE_INSENSITIVE);

  private VisibleDates() {}

  /** The best-placed {@code <time>} element's date: in the header or byline, marked published. */
  static @Nullable PublishedDate fromTimeElements(Document doc, Instant now, DateSettings s) {
    java.util.List<Element> times = PageIndex.of(doc).timeElements;
    Set<Element> main = titleAncestors(doc);
    PublishedDate best = null;
    int bestScore = Integer.MIN_VALUE;
    int seen = 0;
    for (Element t : times) {
      if (++seen > MAX_CANDIDATES) break;
      int score = placeScore(t, main);
      if (score == Integer.MIN_VALUE || score <= bestScore) continue;
      String v = t.attr("datetime");
      if (v.isBlank()) v = t.attr("content");
      PublishedDate d = v.isBlank() ? epoch(t, now) : DateText.parse(v, s, now);
      if (d == null) {
        String text = ClassHints.shortText(t, MAX_TEXT);
        if (text != null) d = textDate(text, s, now);
      }
      if (d != null) {
        best = d;
        bestScore = score;
      }
    }
    return best;
  }

  /** Attributes in which pages give a shown date's instant as a Unix time, in seconds or milliseconds. */
  static final String[] EPOCH_ATTRIBUTES = {"data-time-ms", "data-time", "data-timestamp", "data-utime", "data-epoch"};

  /**
   * The instant of an element's Unix-time attribute ("Jun 21" shown, {@code data-time="1466522845"}
   * beside it: the year the text leaves out), in UTC; null when it has none or it is no plausible
   * time of a page (seconds and milliseconds told apart by their digits).
   */
  static @Nullable PublishedDate epoch(Element e, Instant now) {
    if (e.attributesSize() == 0) return null;
    for (String a : EPOCH_ATTRIBUTES) {
      String v = e.attributes().get(a).strip();
      if (v.isEmpty() || v.length() > 13 || !v.chars().allMatch(Character::isDigit)) continue;
      long n = Long.parseLong(v);
      Instant at = v.length() == 13 ? Instant.ofEpochMilli(n) : v.length() == 10 ? Instant.ofEpochSecond(n) : null;
      if (at == null) continue;
      PublishedDate d = new PublishedDate(at.atOffset(java.time.ZoneOffset.UTC));
      if (DateText.plausible(d, now)) return d;
    }
    return null;
  }

  /**
   * A date written in a date-like element, those after the title first. With {@code
   * updatedToo}, an "Updated ..." date counts as well: a last resort for pages that show no other.
   */
  static @Nullable PublishedDate fromText(
      Document doc, Instant now, DateSettings s, boolean updatedToo) {
    Set<Element> main = titleAncestors(doc);
    PublishedDate before = null;
    int seen = 0;
    // candidates (class, id or itemprop like a date holder) come from the page index's one walk
    for (PageIndex.Candidate c : PageIndex.of(doc).dateClassed) {
      Element e = c.element();
      boolean afterTitle = c.afterH1() || main.isEmpty();
      if (++seen > MAX_CANDIDATES * 2) break;
      String text = ClassHints.shortText(e, MAX_TEXT);
      if (text == null || text.isEmpty() || !maybeDate(text)) continue;
      if (placeScore(e, main) < -4) continue;
      PublishedDate d = updatedToo && !COPYRIGHT.matcher(text).find()
          ? DateText.parse(text, s, now) : textDate(text, s, now);
      if (d == null) continue;
      if (afterTitle) return d;
      if (before == null) before = d;
    }
    return before;
  }

  /** Levels above the title whose box is searched for a date with no class to say so. */
  private static final int TITLE_BOX_LEVELS = 3;
  /** Elements of that box looked at, after the title. */
  private static final int TITLE_BOX_ELEMENTS = 300;
  /** Own text of a date line: a date with a label ("公表日 2018/12/23", "2019.03.05"), no sentence. */
  private static final int DATE_LINE = 60;

  /**
   * The first date line after the title in the title's own box (three levels up), where nothing
   * marks a date holder: product and database pages print "2019.03.05" or "配信開始日 2019/3/5"
   * under the headline in plain cells. A last resort before "Updated" dates.
   */
  static @Nullable PublishedDate nearTitle(Document doc, Instant now, DateSettings s) {
    Element h1 = PageIndex.of(doc).firstH1();
    if (h1 == null) return null;
    Element box = h1;
    for (int i = 0; i < TITLE_BOX_LEVELS && box.parent() != null && !box.parent().nameIs("body"); i++) {
      box = box.parent();
    }
    Set<Element> main = titleAncestors(doc);
    boolean[] afterTitle = {false};
    PublishedDate[] found = {null};
    int[] seen = {0};
    org.jsoup.select.NodeFilter look = (node, depth) -> {
      if (!(node instanceof Element e)) return org.jsoup.select.NodeFilter.FilterResult.CONTINUE;
      if (e == h1) {
        afterTitle[0] = true;
        return org.jsoup.select.NodeFilter.FilterResult.SKIP_ENTIRELY;
      }
      if (++seen[0] > TITLE_BOX_ELEMENTS) return org.jsoup.select.NodeFilter.FilterResult.STOP;
      if (Furniture.NEVER_TEXT.contains(e.normalName())) return org.jsoup.select.NodeFilter.FilterResult.SKIP_ENTIRELY;
      if (!afterTitle[0]) return org.jsoup.select.NodeFilter.FilterResult.CONTINUE;
      String own = ownDateLine(e);
      if (own == null || placeScore(e, main) == Integer.MIN_VALUE) return org.jsoup.select.NodeFilter.FilterResult.CONTINUE;
      PublishedDate d = textDate(own, s, now);
      if (d == null) return org.jsoup.select.NodeFilter.FilterResult.CONTINUE;
      found[0] = d;
      return org.jsoup.select.NodeFilter.FilterResult.STOP;
    };
    org.jsoup.select.NodeTraversor.filter(look, box);
    return found[0];
  }

  /** The element's own text when it is a short line with a digit, else null. */
  private static @Nullable String ownDateLine(Element e) {
    boolean digit = false;
    int length = 0;
    for (int ci = 0, cn = e.childNodeSize(); ci < cn; ci++) {
      if (e.childNode(ci) instanceof org.jsoup.nodes.TextNode t) {
        String w = t.getWholeText();
        length += w.length();
        for (int i = 0; !digit && i < w.length(); i++) digit = Character.isDigit(w.charAt(i));
      }
    }
    if (!digit || length > DATE_LINE * 4) return null;
    String own = TextNormalizer.line(e.ownText());
    return own == null || own.length() > DATE_LINE ? null : own;
  }

  /** Dates have digits; only short texts ("yesterday", "вчера") may do without. */
  private static boolean maybeDate(String text) {
    if (text.length() <= 24) return true;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) return true;
    }
    return false;
  }

  /** Whether {@code e} sits in a related-article list, comments, a sidebar or a menu. */
  static boolean inOtherContent(Element e) {
    return placeScore(e, titleAncestors(e.ownerDocument())) == Integer.MIN_VALUE;
  }

  /**
   * The elements that hold the page's title: the article's own containers, whose classes
   * ({@code withSidebar}, {@code embed-breadcrumbs}) say nothing against a date inside them.
   */
  static Set<Element> titleAncestors(@Nullable Document doc) {
    Element h1 = doc == null ? null : PageIndex.of(doc).firstH1();
    if (h1 == null) return Set.of();
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element p = h1.parent(); p != null; p = p.parent()) out.add(p);
    return out;
  }

  /** A date text unless it is a copyright or an update notice; "Published X, updated Y" gives X. */
  private static @Nullable PublishedDate textDate(String text, DateSettings s, Instant now) {
    if (text.length() > MAX_TEXT || COPYRIGHT.matcher(text).find()) return null;
    Matcher updated = UPDATED_WORD.matcher(text);
    if (updated.find()) {
      Matcher published = PUBLISHED_WORD.matcher(text);
      if (!published.find()) return null;
      int from = published.end();
      int to = updated.start() > from ? updated.start() : text.length();
      return DateText.parse(text.substring(from, to), s, now);
    }
    return DateText.parse(text, s, now);
  }

  /**
   * How well placed an element is for the article's own date: higher in a header or byline or
   * marked as published, lower when marked updated; {@link Integer#MIN_VALUE} in other content.
   */
  static int placeScore(Element e, Set<Element> titleAncestors) {
    int score = 0;
    String own = hints(e);
    if (ClassHints.containsAny(own, PUBLISHED_HINT) || e.hasAttr("pubdate")) score += 4;
    if (ClassHints.containsAny(own, UPDATED_HINT)) score -= 6;
    int depth = 0;
    for (Element p = e; p != null && depth < MAX_DEPTH; p = p.parent(), depth++) {
      String tag = p.normalName();
      if (tag.equals("body") || tag.equals("html") || titleAncestors.contains(p)) break;
      if (tag.equals("nav")) return Integer.MIN_VALUE;
      if (tag.equals("footer")) score -= 4;
      if (tag.equals("aside")) score -= 6;
      String h = hints(p);
      if (h.isEmpty()) continue;
      if (isOtherContent(h)) return Integer.MIN_VALUE;
      if (p != e && depth <= 4 && ClassHints.containsAny(h, UPDATED_HINT)) score -= 3;
      if (tag.equals("header") || ClassHints.containsAny(h, HEADER_HINT)) score += 2;
    }
    return score;
  }

  /** Class tokens name other content; layout flags such as {@code has-sidebar} do not count. */
  private static boolean isOtherContent(String hints) {
    if (!isOtherToken(hints)) return false;
    for (String token : hints.split(" ")) {
      if (token.isEmpty() || LAYOUT_FLAG.matcher(token).lookingAt()) continue;
      if (isOtherToken(token)) return true;
    }
    return false;
  }

  private static boolean isOtherToken(String hints) {
    return ClassHints.containsAny(hints, OTHER_CONTENT)
        || ClassHints.startsWordAny(hints, OTHER_CONTENT_WORDS);
  }

  private static String hints(Element e) {
    return ClassHints.of(e, "class", "id", "itemprop");
  }
}
