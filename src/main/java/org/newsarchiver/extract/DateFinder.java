package org.newsarchiver.extract;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsarchiver.config.DateSettings;

/** Finds the publication date in metadata, markup, the URL and visible text. */
final class DateFinder {
  private DateFinder() {}

  static @Nullable FoundDate find(
      Document doc, JsonLd ld, URI url, Instant fetchedAt, DateSettings settings) {
    String v = ld.articleText("datePublished");
    PublishedDate d;
    if (v != null && (d = DateText.parse(v, settings, fetchedAt)) != null) {
      return new FoundDate(d, DateSource.JSON_LD);
    }
    Element meta = doc.selectFirst("meta[property=article:published_time][content]");
    if (meta != null && (d = DateText.parse(meta.attr("content"), settings, fetchedAt)) != null) {
      return new FoundDate(d, DateSource.META);
    }
    Element time = doc.selectFirst("time[datetime]");
    if (time != null && (d = DateText.parse(time.attr("datetime"), settings, fetchedAt)) != null) {
      return new FoundDate(d, DateSource.TIME);
    }
    return null;
  }
}
