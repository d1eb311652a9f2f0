package org.newsarchiver.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsarchiver.config.DateSettings;

/**
 * Finds the publication date of a page, most trusted source first: JSON-LD {@code datePublished}
 * of the article, publication {@code <meta>} tags, {@code itemprop=datePublished}, then the
 * visible page ({@link VisibleDates}: {@code <time>} elements and date text near the title, never
 * in related-article lists or comments) and the URL path. A modified date is used only when the
 * page shows no other date at all ("Updated on December 12, 2016" and nothing else).
 * Thread-safe (stateless).
 */
final class DateFinder {
  private static final List<String> LD_FIELDS = List.of("datePublished", "dateCreated", "uploadDate");

  /** Publication meta keys (name, property or itemprop, lower case), most trusted first. */
  private static final List<String> META_KEYS =
      List.of(
          "article:published_time", "og:published_time", "og:article:published_time",
          "datepublished", "article:published", "article.published", "published_time",
          "published-date", "publish-date", "publish_date", "publishdate", "pubdate",
          "parsely-pub-date", "sailthru.date", "citation_publication_date", "citation_date",
          "citation_online_date", "dc.date.issued", "dcterms.issued", "dc.date.created",
          "dcterms.created", "dc.date", "dcterms.date", "article_date_original",
          "original-publish-date", "cxenseparse:recs:publishtime", "rnews:datepublished",
          "prism.publicationdate", "bt:pubdate", "pub_date", "pdate", "displaydate",
          "article.created", "ptime", "publication_date", "release_date", "date",
          "created", "dc.created", "live_date");

  private static final Map<String, Integer> META_RANK = new HashMap<>();

  static {
    for (int i = 0; i < META_KEYS.size(); i++) META_RANK.put(META_KEYS.get(i), i);
  }

  private static final Pattern URL_DATE =
      Pattern.compile(
          "(?<!\\d)((?:19|20)\\d{2})(?:([/_-])(\\d{1,2})\\2(\\d{1,2})|(\\d{2})(\\d{2}))(?!\\d)");

  private DateFinder() {}

  static @Nullable FoundDate find(
      Document doc, JsonLd ld, URI url, Instant fetchedAt, DateSettings settings) {
    PublishedDate d = fromJsonLd(ld, fetchedAt, settings);
    if (d != null) return new FoundDate(d, DateSource.JSON_LD);
    d = fromMeta(doc, fetchedAt, settings);
    if (d != null) return new FoundDate(d, DateSource.META);
    d = fromItemprop(doc, fetchedAt, settings);
    if (d != null) return new FoundDate(d, DateSource.META);
    d = VisibleDates.fromTimeElements(doc, fetchedAt, settings);
    if (d != null) return new FoundDate(d, DateSource.TIME);
    PublishedDate inUrl = fromUrl(url, fetchedAt);
    PublishedDate inText = VisibleDates.fromText(doc, fetchedAt, settings, false);
    // the text usually carries the time the URL lacks; trust it when both agree on the day
    if (inText != null && (inUrl == null || inText.day().equals(inUrl.day()))) {
      return new FoundDate(inText, DateSource.TEXT);
    }
    if (inUrl != null) return new FoundDate(inUrl, DateSource.URL);
    PublishedDate besideTitle = VisibleDates.nearTitle(doc, fetchedAt, settings);
    if (besideTitle != null) return new FoundDate(besideTitle, DateSource.TEXT);
    // an "Updated ..." date is not the publication date, but bounds it: better than none
    inText = VisibleDates.fromText(doc, fetchedAt, settings, true);
    return inText == null ? null : new FoundDate(inText, DateSource.TEXT);
  }

  private static @Nullable PublishedDate fromJsonLd(JsonLd ld, Instant now, DateSettings settings) {
    for (String field : LD_FIELDS) {
      for (JsonNode o : ld.articles()) {
        PublishedDate d = parse(JsonLd.text(o.get(field)), now, settings);
        if (d != null) return d;
      }
    }
    for (JsonNode o : ld.all()) {
      PublishedDate d = parse(JsonLd.text(o.get("datePublished")), now, settings);
      if (d != null) return d;
    }
    return null;
  }

  private static @Nullable PublishedDate fromMeta(Document doc, Instant now, DateSettings settings) {
    PublishedDate best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Element meta : PageIndex.of(doc).metas) {
      Integer rank = null;
      for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String key = meta.attr(attr);
        if (key.isEmpty()) continue;
        rank = META_RANK.get(key.strip().toLowerCase(Locale.ROOT));
        if (rank != null) break;
      }
      if (rank == null || rank >= bestRank) continue;
      String value = meta.hasAttr("content") ? meta.attr("content") : meta.attr("value");
      PublishedDate d = parse(value, now, settings);
      if (d != null) {
        best = d;
        bestRank = rank;
      }
    }
    return best;
  }

  private static @Nullable PublishedDate fromItemprop(
      Document doc, Instant now, DateSettings settings) {
    for (Element e : PageIndex.of(doc).datePublished) {
      if (VisibleDates.inOtherContent(e)) continue;
      String v = e.hasAttr("content") ? e.attr("content")
          : e.hasAttr("datetime") ? e.attr("datetime") : ClassHints.shortText(e, 200);
      PublishedDate d = parse(v, now, settings);
      if (d != null) return d;
    }
    return null;
  }

  /** A day in the path: {@code /2024/10/28/}, {@code /20241028/}, {@code -2024-10-28-}. */
  static @Nullable PublishedDate fromUrl(URI url, Instant now) {
    String path = url.getRawPath();
    if (path == null) return null;
    Matcher m = URL_DATE.matcher(path);
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2) != null ? m.group(3) : m.group(5));
      int day = Integer.parseInt(m.group(2) != null ? m.group(4) : m.group(6));
      try {
        PublishedDate d = new PublishedDate(LocalDate.of(year, month, day));
        if (DateText.plausible(d, now)) return d;
      } catch (DateTimeException e) {
        // a number that only looks like a date
      }
    }
    return null;
  }

  private static @Nullable PublishedDate parse(
      @Nullable String value, Instant now, DateSettings settings) {
    if (value == null || value.isBlank()) return null;
    return DateText.parse(value, settings, now);
  }
}
