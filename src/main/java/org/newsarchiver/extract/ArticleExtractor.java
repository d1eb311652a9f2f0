package org.newsarchiver.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsarchiver.config.DateSettings;
import org.newsarchiver.config.SiteConfig;

/**
 * Turns one page into an {@link Article}: the site's selectors first, where they match, then the
 * page's own metadata and structure for every field they leave empty. A pure function of its
 * input: no clock, no network, no files. Thread-safe.
 */
public final class ArticleExtractor {

  /** Extracts with the site's rules, or with the generic rules alone when {@code site} is null. */
  public Article extract(HtmlPage page, @Nullable SiteConfig site) {
    return extract(page, site, true);
  }

  /**
   * What the site's selectors alone find, every other field empty: shows a user which selectors
   * still match after a redesign ({@code check-site}).
   */
  public Article selectorsOnly(HtmlPage page, SiteConfig site) {
    return extract(page, site, false);
  }

  private Article extract(HtmlPage page, @Nullable SiteConfig site, boolean generic) {
    Document doc = Jsoup.parse(page.html(), page.url().toString());
    if (site == null) PageIndex.withBodyScores(doc); // the body scored in the metadata's walk
    JsonLd ld = JsonLd.read(doc);
    URI canonical = canonical(doc, page.url());
    DateSettings dates = site == null ? DateSettings.DEFAULT : site.dates();

    String title = null;
    FoundDate date = null;
    Long readCount = null;
    List<String> authors = List.of();
    String source = null;
    List<String> body = List.of();
    if (site != null) {
      var sel = site.selectors();
      for (String css : sel.drop()) doc.select(css).remove();
      title = SiteSelectors.text(doc, sel.title());
      date = siteDate(doc, site, page);
      readCount = siteReadCount(doc, site);
      authors = SiteSelectors.texts(doc, sel.author());
      source = SiteSelectors.text(doc, sel.source());
      body = SiteSelectors.paragraphs(doc, sel.body());
    }

    if (!generic) {
      return new Article(page.url(), canonical, title, date == null ? null : date.date(),
          date == null ? null : date.source(), readCount, authors, null, source, body,
          title == null && body.isEmpty() ? PageStatus.NOT_ARTICLE : PageStatus.OK);
    }
    if (title == null) title = TitleFinder.find(doc, ld);
    if (date == null) date = DateFinder.find(doc, ld, page.url(), page.fetchedAt(), dates);
    if (readCount == null) readCount = ReadCountFinder.find(doc, ld);
    if (authors.isEmpty()) authors = AuthorFinder.find(doc, ld);
    if (source == null) source = SourceFinder.find(doc, ld);
    String language = LanguageFinder.fromMarkup(doc, ld);
    boolean bodyFromSite = !body.isEmpty();
    Element box = null;
    boolean teasers = false;
    if (!bodyFromSite) {
      BodyExtractor.Found found = BodyExtractor.find(doc, ld, title);
      body = found.paragraphs();
      box = found.box();
      teasers = found.teasers();
    }
    body = withoutLeadingTitle(body, title);
    body = withoutLeadingByline(body, authors);
    if (language == null) language = LanguageFinder.fromText(body);
    PageStatus status = PageClassifier.classify(doc, ld, title, body, bodyFromSite, box, teasers);

    return new Article(
        page.url(),
        canonical,
        title,
        date == null ? null : date.date(),
        date == null ? null : date.source(),
        readCount,
        authors,
        language,
        source,
        body,
        status);
  }

  /** The first value of the date selectors that parses: a selector whose value does not parse gives way to the next. */
  private static @Nullable FoundDate siteDate(Document doc, SiteConfig site, HtmlPage page) {
    for (String text : SiteSelectors.values(doc, site.selectors().date())) {
      PublishedDate d = DateText.parse(text, site.dates(), page.fetchedAt());
      if (d != null) return new FoundDate(d, DateSource.SELECTOR);
    }
    return null;
  }

  private static @Nullable Long siteReadCount(Document doc, SiteConfig site) {
    for (String text : SiteSelectors.values(doc, site.selectors().readCount())) {
      Long n = ReadCounts.parse(text, site.readCountPattern());
      if (n != null) return n;
    }
    return null;
  }

  /**
   * The title is the first line of the archived text already; a body that repeats it drops it, with
   * the section label or kicker above it ("Energiewende", "New Results", a date).
   */
  private static List<String> withoutLeadingTitle(List<String> body, @Nullable String title) {
    if (title == null) return body;
    for (int i = 0; i < Math.min(body.size(), MAX_LABELS + 1); i++) {
      String p = body.get(i);
      if (p.equals(title)) return body.subList(i + 1, body.size());
      if (!isLabel(p)) break;
    }
    return body;
  }

  /** Longest first paragraph taken for a byline line ("By Lena Ortiz · May 2, 2024"). */
  private static final int MAX_BYLINE_LINE = 150;

  /** The byline is in the authors column already; a body that starts with it drops it. */
  private static List<String> withoutLeadingByline(List<String> body, List<String> authors) {
    if (body.isEmpty() || authors.isEmpty()) return body;
    String first = body.get(0);
    if (first.length() > MAX_BYLINE_LINE || !Bylines.startsWithLead(first)) return body;
    for (String name : authors) {
      if (first.contains(name)) return body.subList(1, body.size());
    }
    return body;
  }

  /** Labels that may stand above a headline in the article's box. */
  private static final int MAX_LABELS = 2;
  private static final int MAX_LABEL_LENGTH = 40;

  /** A line too short to be prose: a section name, kicker or date. */
  private static boolean isLabel(String line) {
    return line.length() <= MAX_LABEL_LENGTH && line.split(" ").length <= 5;
  }

  private static @Nullable URI canonical(Document doc, URI pageUrl) {
    Element link = PageIndex.of(doc).canonical;
    if (link == null) return null;
    String raw = link.attr("href").strip();
    // an absolute address needs no resolving against the page's (URL resolution is costly)
    String href = raw.startsWith("https://") || raw.startsWith("http://") ? raw : link.absUrl("href");
    if (href.isEmpty()) return null;
    try {
      URI uri = new URI(href);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) return null;
      return uri.equals(pageUrl) ? null : uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
