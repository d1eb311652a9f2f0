package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic extractor (no site configuration) on a typical news page with its furniture. */
class GenericExtractionTest {
  private final Article article = Fixtures.extract("news-article.html", "https://coastalcourier.example/news/bridge");

  @Test
  void takesTitleFromJsonLdHeadline() {
    assertThat(article.title()).isEqualTo("Harbour bridge reopens after two-year repair");
  }

  @Test
  void takesAuthorsFromJsonLdBeforeAuthorMeta() {
    assertThat(article.authors()).containsExactly("Maria Lopez", "Tom Reed");
  }

  @Test
  void readsLanguageFromHtmlLang() {
    assertThat(article.language()).isEqualTo("en-gb");
  }

  @Test
  void readsSourceCreditLine() {
    assertThat(article.source()).isEqualTo("Press Association");
  }

  @Test
  void extractsArticleTextWithHeadingsListsAndQuotesAndWithoutFurniture() {
    assertThat(article.paragraphs())
        .containsExactly(
            "The Harbour bridge reopened to traffic on Tuesday morning, two years after engineers"
                + " closed it when cracks were found in two of its steel supports, and commuters lined"
                + " up before dawn to cross it.",
            "The repair, which cost the city council more than 40 million pounds, replaced the"
                + " supports, the deck surface and the lighting, and added a protected lane for cyclists"
                + " on the seaward side.",
            "What changes for drivers",
            "Speed on the bridge is now limited to 30 miles per hour, and lorries heavier than 18"
                + " tonnes must still use the ring road, a rule the council says it will review in the"
                + " autumn.",
            "\"We promised a safer bridge, and this is a safer bridge,\" said the council leader, Ann"
                + " Hughes, at the opening.",
            "Cars and buses: open from 5am to midnight",
            "Cyclists and pedestrians: open at all hours",
            "Local businesses near the eastern approach said trade had fallen by a third during the"
                + " closure, and several shop owners welcomed the reopening with discounts for the"
                + " first week.",
            "The council will hold a public meeting next month on plans for a second crossing further"
                + " up the estuary, which engineers say could be built by 2030.");
    assertThat(article.status()).isEqualTo(PageStatus.OK);
  }

  @Test
  void dropsRelatedArticlesList() {
    assertThat(article.bodyText()).doesNotContain("Council approves bridge repair budget");
  }

  @Test
  void dropsCommentsShareBarNewsletterAndCookieBanner() {
    String body = article.bodyText();
    assertThat(List.of("Finally!", "Share on Facebook", "Sign up for our newsletter", "We use cookies"))
        .allSatisfy(furniture -> assertThat(body).doesNotContain(furniture));
  }

  @Test
  void keepsBlockquoteInsideArticle() {
    assertThat(article.paragraphs())
        .contains(
            "\"We promised a safer bridge, and this is a safer bridge,\" said the council leader,"
                + " Ann Hughes, at the opening.");
  }
}
