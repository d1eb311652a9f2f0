package org.newsarchiver.extract;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article's title when no site selector gives one. The first metadata title (JSON-LD
 * headline, {@code og:title}, {@code title}, {@code twitter:title}) is preferred, in the wording of a
 * heading that says the same; a site-name suffix or prefix ("… | Site") is cut only where it names the site ({@code
 * og:site_name}, {@code application-name}, the publisher or the host). Without metadata the
 * {@code <title>} serves, then the first {@code h1}. Stateless.
 */
final class TitleFinder {
  private static final String[] SEPARATORS = {
    " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", "：", " : ", ": ", ":", " _", "_", "｜", " ｜ "
  };
  private static final int MAX_HEADINGS = 4;
  private static final String SENTENCE_ENDS = "。．.!！?？";

  private TitleFinder() {}

  static @Nullable String find(Document doc, JsonLd ld) {
    Meta meta = Meta.read(doc);
    SiteNames sites = SiteNames.of(doc, ld, meta);
    String headline = TextNormalizer.line(ld.articleText("headline"));
    String primary =
        headline != null ? headline : meta.get("og:title", "title", "twitter:title", "dc.title", "dcterms.title");
    List<String> headings = headings(doc);
    if (primary != null) {
      String clean = headline != null ? headline : withoutSiteName(primary, sites);
      String key = SiteNames.letters(clean);
      for (String h : headings) {
        // the visible heading's quotes and capitals, where it says the same; a JSON-LD headline is
        // the publisher's own structured statement of the headline and keeps its wording
        if (SiteNames.letters(h).equals(key)) return headline != null ? clean : h;
      }
      for (String h : headings) {
        if (isPartOf(h, primary) || continues(h, clean)) return h;
      }
      if (headline == null) {
        // a share title ("og:title") written apart from the page: where the <title> and a heading
        // agree on other words, they are the headline the page shows
        String pageTitle = TextNormalizer.line(doc.title());
        if (pageTitle != null) {
          String pageKey = SiteNames.letters(withoutSiteName(pageTitle, sites));
          for (String h : headings) {
            if (!pageKey.isEmpty() && SiteNames.letters(h).equals(pageKey)) return h;
          }
        }
        // a social-media variant of the headline: the page's own heading is what readers see
        for (String h : headings) {
          if (isVariantOf(h, clean)) return h;
        }
      }
      return clean;
    }
    String title = TextNormalizer.line(doc.title());
    if (title != null) {
      String clean = withoutSiteName(title, sites);
      String key = SiteNames.letters(clean);
      for (String h : headings) {
        // "Headline — Site Name" whose headline is the page's heading: the part before the site name
        if (SiteNames.letters(h).equals(key) || isPartOf(h, title)) return h;
      }
      return clean;
    }
    return headings.isEmpty() ? null : headings.get(0);
  }

  private static void add(List<String> list, @Nullable String value) {
    if (value != null && !list.contains(value)) list.add(value);
  }

  private static List<String> headings(Document doc) {
    List<String> out = new ArrayList<>();
    for (Element h : PageIndex.of(doc).headings) {
      // microdata marks it as the second headline (a kicker or short form), not the title
      if (h.attr("itemprop").equalsIgnoreCase("alternativeHeadline")) continue;
      String t = TextNormalizer.line(h.text());
      if (t != null) add(out, t);
      if (out.size() >= MAX_HEADINGS) break;
    }
    return out;
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
  private static boolean continues(String heading, String title) {
    if (title.length() < 10) return false;
    for (String sep : SEPARATORS) {
      if (heading.startsWith(title + sep) && heading.length() > title.length() + sep.length()) return true;
    }
    return false;
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
