package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;

/**
 * Finds the article's title when no site selector gives one. The first metadata title (JSON-LD
 * headline, {@code og:title}, {@code title}, {@code twitter:title}) is preferred, in the wording of a
 * heading ({@code h1}, else {@code h2}) that shows it; a share title worded apart from the page gives
 * way to the heading that another of the page's titles agrees with, or that rewords it. A site-name
 * suffix or prefix ("… | Site") is cut only where it names the site ({@code og:site_name}, {@code
 * application-name}, the publisher or the host). Without metadata the {@code <title>} serves (less
 * its last part, as {@link DocumentTitle} says), then the first {@code h1}. Stateless.
 */
final class TitleFinder {
  private static final String[] SEPARATORS = {
    " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", "：", " : ", ": ", ":", " _", "_", "｜", " ｜ "
  };
  /** Readability's bound: a title under 15 characters is more likely a label than a headline. */
  private static final int SHORT_TITLE = 15;
  /** Marks that open a subtitle after a headline: "Headline ～subtitle～", "Headline: subtitle". */
  private static final String SUBTITLE_MARKS = "～〜―:：|–—-";
  private static final String SENTENCE_ENDS = "。．.!！?？";

  private TitleFinder() {}

  static @Nullable String find(Document doc, JsonLd ld) {
    Meta meta = Meta.read(doc);
    SiteNames sites = SiteNames.of(doc, ld, meta);
    String headline = TextNormalizer.line(ld.articleText("headline"));
    String primary =
        headline != null ? headline : meta.get("og:title", "title", "twitter:title", "dc.title", "dcterms.title");
    TitleHeadings headings = TitleHeadings.of(doc);
    if (primary != null) {
      String clean = headline != null ? headline : withoutSiteName(primary, sites);
      String shown = shownAs(headings.h1s(), primary, clean, headline != null, true);
      if (shown == null) shown = sidesShown(headings, primary);
      // an h2 that is only one side of the title is more often the artist or section than the headline
      if (shown == null) shown = shownAs(headings.h2s(), primary, clean, headline != null, false);
      if (shown != null) return shown;
      if (headline == null) {
        // a share title ("og:title") written apart from the page: where another of the page's titles
        // (the <title>, a newsletter or analytics title) and a heading agree, they are the headline
        List<String> others = otherTitles(doc, meta, sites, primary);
        String agreed = agreeing(headings.h1s(), others);
        if (agreed == null) agreed = agreeing(headings.h2s(), others);
        if (agreed != null) return agreed;
        // a social-media variant of the headline: the page's own heading is what readers see
        for (TitleHeadings.Heading h : headings.h1s()) {
          if (isVariantOf(h.text(), clean)) return TitleHeadings.headline(h);
        }
        String fuller = fullerHeading(headings.h1s(), clean);
        if (fuller != null) return fuller;
        String only = onlyHeadingOnSubject(headings.h1s(), clean);
        if (only != null) return only;
      }
      return clean;
    }
    String title = TextNormalizer.line(doc.title());
    if (title != null) {
      String clean = withoutSiteName(title, sites);
      String shown = titlePartShown(headings.h1s(), title, clean);
      if (shown == null) shown = titlePartShown(headings.h2s(), title, clean);
      if (shown != null) return shown;
      return clean.equals(title) ? DocumentTitle.withoutLastPart(title) : clean;
    }
    return headings.h1s().isEmpty() ? null : TitleHeadings.headline(headings.h1s().get(0));
  }

  /** "Headline — Site Name" whose headline is a heading of the page: that heading, or null. */
  private static @Nullable String titlePartShown(List<TitleHeadings.Heading> headings, String title, String clean) {
    String key = SiteNames.letters(clean);
    for (TitleHeadings.Heading h : headings) {
      if (SiteNames.letters(h.text()).equals(key) || isPartOf(h.text(), title)) return TitleHeadings.headline(h);
    }
    return null;
  }

  /** The heading that shows the metadata title, in the heading's wording, or null. */
  private static @Nullable String shownAs(
      List<TitleHeadings.Heading> headings, String primary, String clean, boolean fromJsonLd, boolean parts) {
    String key = SiteNames.letters(clean);
    for (TitleHeadings.Heading h : headings) {
      // the visible heading's quotes and capitals, where it says the same; a JSON-LD headline is
      // the publisher's own structured statement of the headline and keeps its wording
      if (SiteNames.letters(h.text()).equals(key)) return fromJsonLd ? clean : TitleHeadings.headline(h);
    }
    for (TitleHeadings.Heading h : headings) {
      if (parts && isPartOf(h.text(), primary) || continues(h.text(), clean)) return TitleHeadings.headline(h);
    }
    return null;
  }

  /**
   * "Artist – Work", "Series: Episode": the title's two sides are both headings of the page, and the
   * side in the {@code h1} is the page's own title, however short.
   */
  private static @Nullable String sidesShown(TitleHeadings headings, String title) {
    if (headings.h1s().isEmpty()) return null;
    for (String sep : SEPARATORS) {
      int i = title.indexOf(sep);
      if (i <= 0 || i + sep.length() >= title.length() || title.indexOf(sep, i + 1) >= 0) continue;
      String left = SiteNames.letters(title.substring(0, i));
      String right = SiteNames.letters(title.substring(i + sep.length()));
      if (left.isEmpty() || right.isEmpty() || left.equals(right)) continue;
      for (TitleHeadings.Heading h : headings.h1s()) {
        String key = SiteNames.letters(h.text());
        String other = key.equals(left) ? right : key.equals(right) ? left : null;
        if (other != null && (isHeading(headings.h1s(), other) || isHeading(headings.h2s(), other))) {
          return TitleHeadings.headline(h);
        }
      }
    }
    return null;
  }

  private static boolean isHeading(List<TitleHeadings.Heading> headings, String key) {
    for (TitleHeadings.Heading h : headings) {
      if (SiteNames.letters(h.text()).equals(key)) return true;
    }
    return false;
  }

  private static final String[] OTHER_TITLES = {
    "og:title", "twitter:title", "title", "sailthru.title", "parsely-title", "dc.title", "dcterms.title"
  };

  private static List<String> otherTitles(Document doc, Meta meta, SiteNames sites, String primary) {
    List<String> out = new ArrayList<>();
    String pageTitle = TextNormalizer.line(doc.title());
    if (pageTitle != null) add(out, SiteNames.letters(withoutSiteName(pageTitle, sites)));
    for (String name : OTHER_TITLES) {
      String t = meta.get(name);
      if (t != null && !t.equals(primary)) add(out, SiteNames.letters(withoutSiteName(t, sites)));
    }
    out.remove("");
    return out;
  }

  private static void add(List<String> list, String value) {
    if (!list.contains(value)) list.add(value);
  }

  private static @Nullable String agreeing(List<TitleHeadings.Heading> headings, List<String> keys) {
    for (TitleHeadings.Heading h : headings) {
      if (keys.contains(SiteNames.letters(h.text()))) return TitleHeadings.headline(h);
    }
    return null;
  }

  /**
   * The page's only {@code h1}, a headline of four words or more on the share title's subject (a
   * word of five letters or more in common): share titles are often rewritten for social media, and
   * the heading is what the page shows.
   */
  private static @Nullable String onlyHeadingOnSubject(List<TitleHeadings.Heading> h1s, String title) {
    if (h1s.size() != 1) return null;
    String heading = TitleHeadings.headline(h1s.get(0));
    if (isUnspaced(heading) || isUnspaced(title)) return null;
    java.util.Set<String> have = words(heading);
    if (have.size() < 4) return null;
    for (String w : words(title)) {
      if (w.length() >= 5 && have.contains(w)) return heading;
    }
    return null;
  }

  /**
   * A title too short to be a headline ("Arbeit") that the page's only {@code h1} holds among more
   * words: the topic label of a page whose heading is the headline.
   */
  private static @Nullable String fullerHeading(List<TitleHeadings.Heading> h1s, String title) {
    if (title.length() >= SHORT_TITLE || h1s.size() != 1) return null;
    String heading = TitleHeadings.headline(h1s.get(0));
    java.util.Set<String> have = words(heading);
    java.util.Set<String> want = words(title);
    return !want.isEmpty() && have.size() > want.size() && have.containsAll(want) ? heading : null;
  }

  /** Two wordings of one headline: most words of the shorter one are in the longer one. */
  static boolean isVariantOf(String heading, String title) {
    java.util.Set<String> a = words(heading);
    java.util.Set<String> b = words(title);
    if (a.size() < 4 || b.size() < 4) return false;
    int shared = 0;
    for (String w : a) if (b.contains(w)) shared++;
    // character pairs overlap by chance far more than words: there both must share most of them
    int base = isUnspaced(heading) || isUnspaced(title) ? Math.max(a.size(), b.size()) : Math.min(a.size(), b.size());
    return shared >= 4 && shared * 10 >= base * 6;
  }

  private static java.util.Set<String> words(String s) {
    java.util.Set<String> out = new java.util.HashSet<>();
    if (isUnspaced(s)) {
      // Chinese and Japanese write no spaces: pairs of neighbouring characters stand for words
      String letters = SiteNames.letters(s);
      for (int i = 0; i + 1 < letters.length(); i++) out.add(letters.substring(i, i + 2));
      return out;
    }
    for (String w : s.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) out.add(w);
    }
    return out;
  }

  /** Mostly written in a script without spaces between words (CJK ideographs, kana). */
  private static boolean isUnspaced(String s) {
    int cjk = 0;
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) continue;
      letters++;
      if (c >= '\u3040' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF') cjk++;
    }
    return letters > 0 && cjk * 2 >= letters;
  }

  /** {@code heading} is one side of {@code title} split at a separator, and a real title, not a word. */
  private static boolean isPartOf(String heading, String title) {
    if (heading.length() < 10 || heading.length() * 2 < title.length()) return false;
    if (heading.length() >= title.length()) return false;
    if (title.startsWith(heading + " (")) return true;
    for (String sep : SEPARATORS) {
      if (title.endsWith(sep + heading)) return true;
    }
    if (!title.startsWith(heading)) return false;
    // "Heading。 | Site": the sentence's full stop before the separator is not part of the heading
    int end = heading.length();
    while (end < title.length() && SENTENCE_ENDS.indexOf(title.charAt(end)) >= 0) end++;
    for (String sep : SEPARATORS) {
      // "Heading | Section": the rest must be short, or it is the title's own second half
      if (title.startsWith(sep, end) && isShortName(title.substring(end + sep.length()))) return true;
    }
    return false;
  }

  /** The visible heading is the metadata title with its second half: "Title：more words". */
  static boolean continues(String heading, String title) {
    if (title.length() < 10) return false;
    for (String sep : SEPARATORS) {
      if (heading.startsWith(title + sep) && heading.length() > title.length() + sep.length()) return true;
    }
    // the same words spaced or punctuated otherwise, then a subtitle after a mark such as "～"
    int[] key = SiteNames.letters(title).codePoints().toArray();
    if (key.length < 8) return false;
    int n = 0;
    int i = 0;
    while (i < heading.length() && n < key.length) {
      int c = heading.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetterOrDigit(c)) continue;
      if (Character.toLowerCase(c) != key[n++]) return false;
    }
    if (n < key.length) return false;
    String rest = heading.substring(i).strip();
    return rest.length() > 1
        && SUBTITLE_MARKS.indexOf(rest.charAt(0)) >= 0
        && SiteNames.letters(rest).length() >= 2;
  }

  private static boolean isShortName(String part) {
    String p = part.strip();
    return p.split(" ").length <= 3 && p.length() <= 25;
  }

  /** Cuts a leading or trailing part that names the site, once at each end. */
  static String withoutSiteName(String title, SiteNames sites) {
    String t = title;
    for (String sep : SEPARATORS) {
      int i = t.lastIndexOf(sep);
      if (i > 0 && sites.named(t.substring(i + sep.length()))) {
        t = t.substring(0, i).strip();
        break;
      }
    }
    for (String sep : SEPARATORS) {
      int i = t.indexOf(sep);
      if (i > 0 && i + sep.length() < t.length() && sites.named(t.substring(0, i))) {
        t = t.substring(i + sep.length()).strip();
        break;
      }
    }
    return t.isEmpty() ? title : t;
  }

}
