package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class BodyExtractorTest {

  @Test
  void leavesDocumentAsItFoundIt() {
    Document doc = Jsoup.parse(Fixtures.html("news-article.html"), "https://example.org/a");
    String before = doc.outerHtml();
    BodyExtractor.extract(doc, JsonLd.read(doc), null);
    assertThat(doc.outerHtml()).isEqualTo(before);
  }

  @Test
  void takesJsonLdArticleBodyWhenMarkupHoldsMuchLess() {
    String sentence = "The committee met for six hours and agreed on nothing at all, members said. ";
    String html =
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\""
            + sentence.repeat(10).strip() + "\\n" + sentence.strip()
            + "\"}</script><body><div id='root'><p>Loading the story…</p></div></body>";
    Document doc = Jsoup.parse(html);
    assertThat(BodyExtractor.extract(doc, JsonLd.read(doc), null))
        .containsExactly(sentence.repeat(10).strip(), sentence.strip());
  }

  @Test
  void gathersSiblingParagraphsOutsideTheBestBlock() {
    String p = "<p>A paragraph long enough to count as prose in an article, with a comma, and a full stop.</p>";
    String html =
        "<body><div class='wrap'><div class='entry'>" + p.repeat(4) + "</div>"
            + "<p>A closing paragraph that sits beside the main block but is still the same story.</p>"
            + "<div class='nav-links'><a href='/'>Previous</a> <a href='/'>Next</a></div></div></body>";
    Document doc = Jsoup.parse(html);
    assertThat(BodyExtractor.extract(doc, JsonLd.read(doc), null)).hasSize(5)
        .last().isEqualTo("A closing paragraph that sits beside the main block but is still the same story.");
  }
}
