package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SourceFinderTest {

  private static String source(String html) {
    Document doc = Jsoup.parse(html);
    return SourceFinder.find(doc, JsonLd.read(doc));
  }

  @Test
  void readsSourceOrganizationFromJsonLd() {
    String html =
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"x\","
            + "\"sourceOrganization\":{\"@type\":\"Organization\",\"name\":\"Reuters\"}}</script>";
    assertThat(source(html)).isEqualTo("Reuters");
  }

  @Test
  void readsLabelledCreditWithLinkedName() {
    assertThat(source("<article><p>Body text.</p><p><em>Quelle: <a href='#'>dpa</a></em></p></article>"))
        .isEqualTo("dpa");
  }

  @Test
  void readsShortCreditElementNamedSource() {
    assertThat(source("<article><p>Body text.</p><div class='story-source'>Politico</div></article>"))
        .isEqualTo("Politico");
  }

  @Test
  void ignoresPictureCredits() {
    assertThat(source("<figure><img src='a.jpg'><figcaption>Source: Getty Images</figcaption></figure>")).isNull();
  }

  @Test
  void ignoresSourceLabelledLinkToAnotherStory() {
    assertThat(source("<p><a href='/other'>Source: Mayor irritated by council vote</a></p>")).isNull();
  }

  @Test
  void findsNothingWhenPageNamesNoSource() {
    assertThat(source("<article><p>Source code is open, said the team, and anyone may read it.</p></article>"))
        .isNull();
  }
}
