package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newsarchiver.config.DateSettings;

class DateFinderTest {
  private static final Instant NOW = Instant.parse("2024-11-05T12:00:00Z");
  private static final String URL = "https://news.example/story/bridge";

  private static FoundDate find(String fixture, String url) {
    Document doc = Fixtures.doc("dates/" + fixture, url);
    return DateFinder.find(doc, JsonLd.read(doc), URI.create(url), NOW, DateSettings.DEFAULT);
  }

  private static FoundDate find(String fixture) {
    return find(fixture, URL);
  }

  private static FoundDate found(String iso, DateSource source) {
    return new FoundDate(PublishedDate.parse(iso), source);
  }

  @Test
  void prefersPublishedOverModifiedMeta() {
    assertThat(find("meta-published-and-modified.html"))
        .isEqualTo(found("2024-10-28T14:05+01:00", DateSource.META));
  }

  @Test
  void aPlainDateLineUnderTheHeadlineIsTheDateWhereNothingElseGivesOne() {
    assertThat(find("plain-date-line-under-headline.html")).isEqualTo(found("2019-03-05", DateSource.TEXT));
  }

  @Test
  void aShownDateWithoutItsYearTakesTheUnixTimeBesideIt() {
    assertThat(find("yearless-date-with-unix-time.html")).isEqualTo(found("2016-06-21T15:27:25Z", DateSource.TIME));
  }

  @Test
  void readsMetaValueAttributeOfRewrittenPages() {
    assertThat(find("postlight-meta-value.html"))
        .isEqualTo(found("2016-12-09T09:13-05:00", DateSource.META));
  }

  @Test
  void takesDatePublishedOfTheArticleObjectBeforeOtherJsonLdAndMeta() {
    assertThat(find("json-ld-article-and-video.html"))
        .isEqualTo(found("2024-10-28T22:00:40Z", DateSource.JSON_LD));
  }

  @Test
  void readsJsonLdWrappedInCdata() {
    String html =
        "<html><head><script type=\"application/ld+json\"><![CDATA[\n"
            + "{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-07-10T14:15:42+00:00\"}\n"
            + "]]></script></head><body><h1>T</h1></body></html>";
    Document doc = Jsoup.parse(html, URL);
    assertThat(DateFinder.find(doc, JsonLd.read(doc), URI.create(URL), NOW, DateSettings.DEFAULT))
        .isEqualTo(found("2020-07-10T14:15:42Z", DateSource.JSON_LD));
  }

  @Test
  void takesPublishedTimeElementInBylineOverUpdatedAndRelatedOnes() {
    assertThat(find("time-in-header-and-related.html"))
        .isEqualTo(found("2024-10-28T09:30-04:00", DateSource.TIME));
  }

  @Test
  void takesPublishedTextOverUpdatedLineAndTodaysDateInHeader() {
    assertThat(find("visible-text-with-updated-line.html"))
        .isEqualTo(found("2024-10-28T14:05", DateSource.TEXT));
  }

  @Test
  void takesDayFromUrlPathAndIgnoresCopyrightYear() {
    assertThat(find("url-date-only.html", "https://news.example/2024/10/28/ferry-timetable"))
        .isEqualTo(found("2024-10-28", DateSource.URL));
  }

  @Test
  void readsCompactDateInUrl() {
    assertThat(find("url-date-only.html", "https://news.example/society/20241028/ferry.html"))
        .isEqualTo(found("2024-10-28", DateSource.URL));
  }

  @Test
  void usesUpdatedDateOnlyWhenThePageShowsNoOther() {
    assertThat(find("only-updated-line.html"))
        .isEqualTo(found("2016-12-12T09:22", DateSource.TEXT));
  }

  @Test
  void resolvesRelativeDateAgainstFetchTime() {
    assertThat(find("russian-relative.html")).isEqualTo(found("2024-11-05T09:00Z", DateSource.TEXT));
  }

  @Test
  void returnsNullWhenThePageHasNoDate() {
    assertThat(find("url-date-only.html")).isNull();
  }

  @Test
  void prefersTimeElementWithPubdateAttribute() {
    String html =
        "<html><body><h1>T</h1><p><time datetime=\"2024-10-30\">Oct 30</time></p>"
            + "<p><time pubdate datetime=\"2024-10-28T10:00:00Z\">Oct 28</time></p></body></html>";
    Document doc = Jsoup.parse(html, URL);
    assertThat(DateFinder.find(doc, JsonLd.read(doc), URI.create(URL), NOW, DateSettings.DEFAULT))
        .isEqualTo(found("2024-10-28T10:00:00Z", DateSource.TIME));
  }
}
