package org.newsarchiver.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.newsarchiver.extract.Article;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;
import org.newsarchiver.extract.PageStatus;

/** Pages built to hurt a parser: each is extracted in bounded time, without a stack overflow. */
class HostilePagesTest {
  static final URI URL = URI.create("https://news.example/news/2024/10/28/hostile.html");
  static final Instant NOW = Instant.parse("2024-11-02T09:30:00Z");
  static final String STORY =
      "<h1>Hostile page</h1><p>The first paragraph of a story that sits at the bottom of a very deep tree.</p>"
          + "<p>The second paragraph is here so that the body is clearly an article body of some length.</p>";

  static Article extract(String html) {
    return new ArticleExtractor().extract(new HtmlPage(URL, html, NOW), null);
  }

  @Test
  void hundredThousandNestedElementsAreExtractedWithoutAStackOverflow() {
    int depth = 100_000;
    String html = "<html><body>" + "<div>".repeat(depth) + STORY + "</div>".repeat(depth) + "</body></html>";
    Article a = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> extract(html));
    assertThat(a.title()).isEqualTo("Hostile page");
    assertThat(a.paragraphs()).contains(
        "The first paragraph of a story that sits at the bottom of a very deep tree.");
  }

  @Test
  void hundredThousandUnclosedInlineElementsAreExtractedWithoutAStackOverflow() {
    String html = "<html><body><article>" + STORY + "<p>" + "<b><i>".repeat(50_000) + "deep</p></article></body></html>";
    Article a = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> extract(html));
    assertThat(a.title()).isEqualTo("Hostile page");
  }

  @Test
  void aFiftyMegabyteSingleLineIsExtractedInBoundedTime() {
    char[] words = new char[50 * 1024 * 1024];
    Arrays.fill(words, 'a');
    for (int i = 7; i < words.length; i += 8) words[i] = ' ';
    String html = "<html><body><article>" + STORY + "<p>" + new String(words) + "</p></article></body></html>";
    Article a = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> extract(html));
    assertThat(a.title()).isEqualTo("Hostile page");
    assertThat(a.paragraphs()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void aPageWithoutABodyIsNoArticleAndNoError() {
    Article a = extract("<html><head><title>Only a head</title><meta charset=utf-8></head></html>");
    assertThat(a.isArticle()).isFalse();
    assertThat(a.status()).isEqualTo(PageStatus.EMPTY);
    assertThat(a.paragraphs()).isEmpty();
  }

  @Test
  void anEmptyDocumentIsNoArticleAndNoError() {
    assertThat(extract("").isArticle()).isFalse();
    assertThat(extract("\u0000\u0000\u0000").isArticle()).isFalse();
  }

  @Test
  void invalidUtf8BytesBecomeReplacementCharactersNotAnError() {
    byte[] head = "<html><body><article><h1>Caf".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xE2, (byte) 0x82};
    byte[] tail = "</h1><p>Text after broken bytes stays readable for the reader of the archive.</p></article></body></html>"
        .getBytes(StandardCharsets.UTF_8);
    byte[] page = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, page, 0, head.length);
    System.arraycopy(bad, 0, page, head.length, bad.length);
    System.arraycopy(tail, 0, page, head.length + bad.length, tail.length);
    String html = HtmlDecoder.decode(page, "text/html; charset=utf-8");
    assertThat(html).contains("Text after broken bytes stays readable");
    Article a = extract(html);
    assertThat(a.paragraphs()).contains("Text after broken bytes stays readable for the reader of the archive.");
  }

  @Test
  void aBogusCharsetNameInTheHeaderFallsBackInsteadOfThrowing() {
    byte[] page = "<html><body><h1>Plain</h1><p>ascii</p></body></html>".getBytes(StandardCharsets.US_ASCII);
    assertThat(HtmlDecoder.decode(page, "text/html; charset=x-no-such-charset")).contains("<h1>Plain</h1>");
    assertThat(HtmlDecoder.decode(page, "text/html; charset=\"\"")).contains("<h1>Plain</h1>");
  }
}
