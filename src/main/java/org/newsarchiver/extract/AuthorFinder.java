package org.newsarchiver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article's author(s): JSON-LD {@code author} names, then author metadata, then the
 * page's byline ({@code rel=author}, {@code itemprop=author}, byline and author classes). "By A and
 * B" becomes {@code [A, B]}; URLs, e-mail addresses and dates are no names. Stateless.
 */
final class AuthorFinder {
  private static final int MAX_BYLINE = 120;
  /** Parsed once: selectFirst(String) would parse the query on every call. */
  private static final org.jsoup.select.Evaluator ITEMPROP_NAME = org.jsoup.select.QueryParser.parse("[itemprop=name]");

  private AuthorFinder() {}

  static List<String> find(Document doc, JsonLd ld) {
    List<String> names = found(doc, ld);
    return names.isEmpty() ? names : respelled(names, doc);
  }

  private static List<String> found(Document doc, JsonLd ld) {
    List<String> names = fromJsonLd(ld, "author");
    if (!names.isEmpty()) return names;
    names = fromMarked(doc);
    if (!names.isEmpty()) return names;
    Meta meta = Meta.read(doc);
    List<String> organisation = List.of();
    for (String key :
        new String[] {"author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "citation_author",
          "og:article:author"}) {
      names = Bylines.split(meta.get(key));
      if (names.isEmpty()) continue;
      // a CMS user name ("mikecason") or the outlet: the visible byline may give the name itself
      if (!isOrganisation(names, doc, ld, meta) && !isHandle(names)) return names;
      if (organisation.isEmpty()) organisation = names;
    }
    names = fromAuthorLinks(doc, true);
    if (!names.isEmpty()) return names;
    names = fromBylineClass(doc);
    if (!names.isEmpty()) return names;
    names = fromAuthorLinks(doc, false);
    if (!names.isEmpty()) return names;
    names = fromLineAfterTitle(doc);
    if (!names.isEmpty()) return names;
    // "creator" is often the account that filed the page in the CMS, a weaker claim than a byline
    names = fromJsonLd(ld, "creator");
    return names.isEmpty() ? organisation : names;
  }

  /**
   * A name in all lower case ("cindy mangomini" in the metadata) in the capitals the visible byline
   * gives the same name, where it gives one.
   */
  private static List<String> respelled(List<String> names, Document doc) {
    List<String> out = new ArrayList<>(names.size());
    for (String name : names) {
      String spelled = name;
      if (name.equals(name.toLowerCase(Locale.ROOT)) && !name.equals(name.toUpperCase(Locale.ROOT))) {
        PageIndex index = PageIndex.of(doc);
        spelled = sameNameIn(name, index.authorLinks);
        if (spelled == null) spelled = sameNameIn(name, index.markedAuthors);
        if (spelled == null) spelled = name;
      }
      out.add(spelled);
    }
    return out;
  }

  private static @Nullable String sameNameIn(String name, List<Element> elements) {
    for (Element e : elements) {
      String t = TextNormalizer.line(e.text());
      if (t != null && t.equalsIgnoreCase(name) && !t.equals(name)) return t;
    }
    return null;
  }

  private static List<String> fromJsonLd(JsonLd ld, String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode article : ld.articles()) {
      JsonNode author = article.get(key);
      if (author == null) continue;
      if (author.isArray()) {
        for (JsonNode a : author) addAll(out, Bylines.split(JsonLd.text(a)));
      } else {
        addAll(out, Bylines.split(JsonLd.text(author)));
      }
      if (!out.isEmpty()) return out;
    }
    return out;
  }

  /** Names marked as such: {@code rel=author} / {@code itemprop=author} near the first one. */
  private static List<String> fromMarked(Document doc) {
    List<String> out = new ArrayList<>();
    Element first = null;
    for (Element e : PageIndex.of(doc).markedAuthors) {
      if (inComments(e)) continue;
      if (first == null) {
        first = e;
      } else if (!near(first, e)) {
        continue;
      }
      Element name = e.selectFirst(ITEMPROP_NAME);
      String text = name != null ? valueOf(name) : e.hasAttr("content") ? e.attr("content") : e.text();
      if (text.length() <= MAX_BYLINE) addAll(out, Bylines.split(text));
    }
    return out;
  }

  /** Microdata's value: {@code content} (or {@code value}) of {@code meta} and {@code link}, else the text. */
  private static String valueOf(Element e) {
    String tag = e.normalName();
    if (tag.equals("meta") || tag.equals("link")) return e.hasAttr("content") ? e.attr("content") : e.attr("value");
    return e.text();
  }

  /** Elements after the title looked at for an unmarked byline. */
  private static final int AFTER_TITLE = 20;

  /**
   * "By Lena Ortiz · May 2, 2024" in a plain box just after the headline, where no class, link or
   * metadata marks the author (utility-class pages): the first short line after the {@code h1}
   * that opens with a byline's lead word.
   */
  private static List<String> fromLineAfterTitle(Document doc) {
    Element h1 = PageIndex.of(doc).firstH1();
    if (h1 == null) return List.of();
    int seen = 0;
    for (Element e = next(h1); e != null && seen < AFTER_TITLE; e = next(e), seen++) {
      String text = ClassHints.shortText(e, MAX_BYLINE);
      if (text == null || text.isEmpty()) continue;
      if (!Bylines.startsWithLead(text)) continue;
      if (inComments(e)) return List.of();
      List<String> names = Bylines.split(text);
      // "Par ailleurs, …", "By the numbers": a sentence, not a name
      for (String n : names) {
        if (Character.isLowerCase(n.codePointAt(0))) return List.of();
      }
      return names;
    }
    return List.of();
  }

  /** The next element after {@code e} in document order, its own children left out. */
  private static @Nullable Element next(Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      Element sib = p.nextElementSibling();
      if (sib != null) return sib;
    }
    return null;
  }

  /** A paragraph with this much text around a link is prose, not a byline. */
  private static final int PROSE = 150;

  /**
   * A link inside a paragraph of prose ("<a href=/people/prince>Prince</a> was married…"): a
   * person the article is about, linked to their page, not its author.
   */
  private static boolean inProse(Element a) {
    Element p = a.parent();
    while (p != null && !p.nameIs("p") && !Blocks.BLOCK_TAGS.contains(p.normalName())) p = p.parent();
    return p != null && p.nameIs("p") && ClassHints.shortText(p, PROSE) == null;
  }

  /** Levels above a link looked at for a tag list. */
  private static final int TAG_LEVELS = 3;

  /** A topic or tag list ("tag-cloud", "topics"): its people links name subjects, not authors. */
  private static boolean inTagList(Element a) {
    Element p = a;
    for (int level = 0; p != null && level <= TAG_LEVELS; level++, p = p.parent()) {
      if (p.attributesSize() == 0) continue;
      String hints = Furniture.hints(p);
      if (hints.contains("tag") || hints.contains("topic") || hints.contains("keyword")) return true;
    }
    return false;
  }

  /** Levels above a byline looked at for a comment section. */
  private static final int COMMENT_LEVELS = 12;

  /**
   * In a reader's comment ("comment-author", a box of {@code #comments}, Disqus): the name is the
   * commenter's, not the article's author.
   */
  private static boolean inComments(Element e) {
    Element p = e;
    for (int level = 0; p != null && level < COMMENT_LEVELS; level++, p = p.parent()) {
      if (p.attributesSize() == 0) continue;
      String hints = Furniture.hints(p);
      if (hints.contains("comment") || hints.contains("disqus") || p.attributes().get("itemprop").equals("comment")) {
        return true;
      }
    }
    return false;
  }

  /** Two elements in one byline: they share a parent or grandparent. */
  private static boolean near(Element a, Element b) {
    Element pa = a.parent();
    Element pb = b.parent();
    if (pa == null || pb == null) return false;
    if (pa == pb) return true;
    Element ga = pa.parent();
    return ga != null && ga == pb.parent();
  }

  /**
   * Links to an author page ({@code /author/…}, {@code /profile/…}) with a name for text: the first
   * one that a "By" precedes, else the first one; with the author links beside it.
   */
  private static List<String> fromAuthorLinks(Document doc, boolean onlyAfterBy) {
    Element first = null;
    Element firstBy = null;
    for (Element a : PageIndex.of(doc).authorLinks) {
      if (!isNameLike(a.text()) || inComments(a) || inProse(a) || inTagList(a)) continue;
      if (first == null) first = a;
      if (precededByBy(a)) {
        firstBy = a;
        break;
      }
    }
    Element chosen = firstBy != null || onlyAfterBy ? firstBy : first;
    if (chosen == null) return List.of();
    List<String> out = new ArrayList<>(Bylines.split(chosen.text()));
    Element parent = chosen.parent();
    if (parent != null) {
      for (Element a : parent.getElementsByTag("a")) {
        if (a != chosen && PageIndex.isAuthorPath(a.attr("href")) && isNameLike(a.text())) {
          addAll(out, Bylines.split(a.text()));
        }
      }
    }
    return out;
  }

  /** "By" (or "Von", "Par"...) written just before the link, in its parent or the element before. */
  private static boolean precededByBy(Element a) {
    for (Element e = a; e != null && e.parent() != null; e = e.parent()) {
      org.jsoup.nodes.Node prev = e.previousSibling();
      while (prev instanceof org.jsoup.nodes.TextNode t && t.isBlank()) prev = prev.previousSibling();
      if (prev != null) {
        String text = prev instanceof org.jsoup.nodes.TextNode t ? t.text() : prev instanceof Element el ? el.text() : "";
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith("by") || lower.endsWith("by:") || lower.endsWith("von") || lower.endsWith("par")
            || lower.endsWith("por") || lower.endsWith("door");
      }
      if (e != a && e.childrenSize() > 2) return false;
    }
    return false;
  }

  /** A byline block by its class or id; its linked names where it links them. */
  private static List<String> fromBylineClass(Document doc) {
    for (Element e : PageIndex.of(doc).bylineBlocks) {
      String hints = Furniture.hints(e);
      if (hints.contains("avatar") || hints.contains("bio") || hints.contains("image") || inComments(e)) continue;
      String text = e.text();
      if (text.isEmpty() || text.length() > MAX_BYLINE) continue;
      List<String> linked = new ArrayList<>();
      for (Element a : e.getElementsByTag("a")) {
        String t = a.text();
        if (isNameLike(t) && !afterPlaceWord(a)) addAll(linked, Bylines.split(t));
      }
      List<String> names = linked.isEmpty() ? new ArrayList<>(Bylines.split(firstNamedLine(e))) : linked;
      if (names.isEmpty()) continue;
      // "<span class=author>A</span> et <span class=author>B</span>"
      for (Element sib = e.nextElementSibling(); sib != null; sib = sib.nextElementSibling()) {
        if (!sib.className().equals(e.className()) || sib.text().length() > MAX_BYLINE) break;
        addAll(names, Bylines.split(sib.text()));
      }
      return names;
    }
    return List.of();
  }

  private static final java.util.Set<String> LINE_BREAKS =
      java.util.Set.of("div", "p", "li", "ul", "ol", "br", "section", "header", "footer", "dd", "dt", "table", "tr");

  /**
   * The first line of a byline block that names someone: "By Jane Doe" in one block, the outlet
   * ("Washington Post") and date in the next are not part of her name.
   */
  private static String firstNamedLine(Element block) {
    List<StringBuilder> lines = new ArrayList<>();
    lines.add(new StringBuilder());
    org.jsoup.select.NodeTraversor.traverse(
        new org.jsoup.select.NodeVisitor() {
          @Override
          public void head(org.jsoup.nodes.Node node, int depth) {
            if (node instanceof org.jsoup.nodes.TextNode t) {
              lines.get(lines.size() - 1).append(t.getWholeText());
            } else if (depth > 0 && node instanceof Element el && LINE_BREAKS.contains(el.normalName())) {
              lines.add(new StringBuilder());
            }
          }

          @Override
          public void tail(org.jsoup.nodes.Node node, int depth) {
            if (depth > 0 && node instanceof Element el && LINE_BREAKS.contains(el.normalName())) {
              lines.add(new StringBuilder());
            }
          }
        },
        block);
    String pending = "";
    for (StringBuilder line : lines) {
      String t = TextNormalizer.line(line.toString());
      if (t == null) continue;
      // a lone "By" label in its own block belongs to the next line
      String joined = pending.isEmpty() ? t : pending + " " + t;
      if (!Bylines.split(joined).isEmpty()) return joined;
      pending = joined.length() <= 12 ? joined : "";
    }
    return block.text();
  }

  /** One lower-case word of letters and digits, perhaps with dots or underscores: an account, not a name. */
  private static boolean isHandle(List<String> names) {
    return names.size() == 1 && names.get(0).matches("[a-z0-9._]{3,}") && names.get(0).chars().anyMatch(Character::isLetter);
  }

  /** The site or a company named as author ("ABC News", "Example Media Inc."): a byline may say more. */
  private static boolean isOrganisation(List<String> names, Document doc, JsonLd ld, Meta meta) {
    if (names.size() != 1) return false;
    String name = names.get(0);
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {" inc.", " inc", " llc", " ltd", " ltd.", " gmbh", " corp", " corp."}) {
      if (lower.endsWith(suffix)) return true;
    }
    return SiteNames.of(doc, ld, meta).named(name);
  }

  /** A link after "in" or "on" names a section or a place, not an author ("by A in Politics"). */
  private static boolean afterPlaceWord(Element a) {
    if (!(a.previousSibling() instanceof org.jsoup.nodes.TextNode t)) return false;
    String before = t.text().strip().toLowerCase(Locale.ROOT);
    return before.equals("in") || before.endsWith(" in") || before.equals("on") || before.endsWith(" on");
  }

  /** One to five words, no digits, not a link label such as "Twitter" or "View all posts". */
  static boolean isNameLike(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 60) return false;
    int words = t.split("\\s+").length;
    if (words > 5) return false;
    for (int i = 0; i < t.length(); i++) {
      if (Character.isDigit(t.charAt(i))) return false;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    for (String w : LINK_LABELS) {
      if (lower.contains(w)) return false;
    }
    return true;
  }

  private static final String[] LINK_LABELS = {
    "twitter", "facebook", "email", "e-mail", "follow", "view ", "more ", "archive", "rss", "posts",
    "profile", "instagram", "linkedin", "comment", "stories", "bio", "see ", "all ", "log in", "login",
    "sign in", "sign up", "register", "account", "settings"
  };

  private static void addAll(List<String> out, List<String> names) {
    for (String n : names) {
      if (!out.contains(n)) out.add(n);
    }
  }

  static boolean looksLikeName(@Nullable String s) {
    if (s == null || s.isEmpty() || s.length() > 80 || Character.isDigit(s.charAt(0))) return false;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("see ") || lower.startsWith("view ") || lower.equals("bio") || lower.contains("full bio")) {
      return false;
    }
    return !(lower.startsWith("http") || lower.contains("www.") || lower.contains("@") && lower.contains("."));
  }
}
