package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.junit.jupiter.api.Test;

class PageClassifierTest {

  @Test
  void classifiesConsentWallAsBlocked() {
    assertThat(Fixtures.extract("consent-wall.html").status()).isEqualTo(PageStatus.BLOCKED);
  }

  @Test
  void classifiesBrowserCheckAsBlocked() {
    assertThat(Fixtures.extract("captcha.html").status()).isEqualTo(PageStatus.BLOCKED);
  }

  @Test
  void classifiesEmptyAppShellAsNeedsJavascript() {
    assertThat(Fixtures.extract("app-shell.html").status()).isEqualTo(PageStatus.NEEDS_JAVASCRIPT);
  }

  @Test
  void classifiesSubscriberTeaserAsPaywalled() {
    assertThat(Fixtures.extract("paywall.html").status()).isEqualTo(PageStatus.PAYWALLED);
  }

  @Test
  void classifiesBlankPageAsEmpty() {
    assertThat(Fixtures.extract("empty.html").status()).isEqualTo(PageStatus.EMPTY);
  }

  @Test
  void keepsArticleWithCookieBannerAndCommentsOk() {
    assertThat(Fixtures.extract("news-article.html").status()).isEqualTo(PageStatus.OK);
  }

  @Test
  void keepsShortJapaneseArticleOk() {
    assertThat(Fixtures.extract("japanese.html").status()).isEqualTo(PageStatus.OK);
  }

  @Test
  void keepsShortArticleWithCookieConsentBannerOk() {
    String html =
        "<html lang='en'><head><title>Library opens on Sundays</title></head><body>"
            + "<div class='cookie-consent'>We value your privacy. Accept cookies?</div>"
            + "<article><h1>Library opens on Sundays</h1><p>The central library will open on Sundays from"
            + " March, from ten until four, after a vote by the council on Tuesday evening.</p></article></body></html>";
    Article a =
        new ArticleExtractor()
            .extract(new HtmlPage(java.net.URI.create("https://example.org/a"), html, Fixtures.FETCHED_AT), null);
    assertThat(a.status()).isEqualTo(PageStatus.OK);
  }

  @Test
  void aTeaserFollowedByAnOfferToReadOnIsPaywalled() {
    assertThat(Fixtures.extract("paywalls/teaser-offer-after-article-fr.html").status()).isEqualTo(PageStatus.PAYWALLED);
  }

  @Test
  void aTeaserEndingInASubscriptionBoxInsideTheArticleIsPaywalled() {
    assertThat(Fixtures.extract("paywalls/teaser-offer-in-article-de.html").status()).isEqualTo(PageStatus.PAYWALLED);
  }

  @Test
  void aTeaserWhoseMarkedLockedPartIsEmptyIsPaywalled() {
    assertThat(Fixtures.extract("paywalls/teaser-locked-part-empty-en.html").status()).isEqualTo(PageStatus.PAYWALLED);
  }

  @Test
  void aTeaserFarShortOfItsStatedWordCountIsPaywalled() {
    assertThat(Fixtures.extract("paywalls/teaser-short-of-word-count-es.html").status()).isEqualTo(PageStatus.PAYWALLED);
  }

  @Test
  void aTeaserEndingInAnEmptyBoxNamedAsAPaywallIsPaywalled() {
    assertThat(Fixtures.extract("paywalls/teaser-empty-regwall-box-it.html").status()).isEqualTo(PageStatus.PAYWALLED);
  }

  @Test
  void anArticleDeliveredWholeInItsMarkedLockedPartIsOk() {
    Article a = Fixtures.extract("paywalls/full-text-in-marked-part.html");
    assertThat(a.status()).isEqualTo(PageStatus.OK);
    assertThat(a.paragraphs()).hasSize(4);
  }

  @Test
  void aMeteredSitesArticleWithAHiddenSignInWindowIsOk() {
    assertThat(Fixtures.extract("paywalls/metered-sign-in-window.html").status()).isEqualTo(PageStatus.OK);
  }

  @Test
  void anArticleThatQuotesAPaywallPhraseIsOk() {
    assertThat(Fixtures.extract("paywalls/article-quoting-a-paywall-phrase.html").status()).isEqualTo(PageStatus.OK);
  }

  @Test
  void aBotCheckThatShowsOnlyItsScriptIsBlocked() {
    assertThat(Fixtures.extract("walls/bot-check-frame-only.html").status()).isEqualTo(PageStatus.BLOCKED);
  }

  @Test
  void aGermanConsentDialogReadAsTheBodyIsBlocked() {
    assertThat(Fixtures.extract("walls/consent-wall-de.html").status()).isEqualTo(PageStatus.BLOCKED);
  }

  @Test
  void aPagesOwnLockedPartSelectorThatWouldRunARegexIsNotTried() {
    // ":matches((.*a){20}$)" on that paragraph backtracks for hours: the selector is refused outright
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> assertThat(Fixtures.extract("paywalls/hostile-locked-part-selector.html").status()).isEqualTo(PageStatus.OK));
  }

  @Test
  void aSectionFrontOfStoryTeasersIsNotAnArticle() {
    assertThat(Fixtures.extract("section-front.html").status()).isEqualTo(PageStatus.NOT_ARTICLE);
  }

  @Test
  void anArticleWithARelatedStoriesBoxInItIsOk() {
    StringBuilder cards = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      cards.append("<div class=card><h3><a href='/news/other-").append(i).append("'>Another story number ").append(i)
          .append("</a></h3><p>A short summary of that other story, one sentence long.</p></div>");
    }
    String prose = "<p>The council voted on Tuesday to keep the library open on Sundays, after residents collected"
        + " four thousand signatures and filled the chamber for a three-hour hearing on the budget.</p>";
    String html = "<html><head><title>Library stays open on Sundays</title></head><body><article><h1>Library stays open"
        + " on Sundays</h1><div class=text>" + prose.repeat(6) + "<div class=more>" + cards + "</div></div></article></body></html>";
    Article a = new ArticleExtractor().extract(new HtmlPage(java.net.URI.create("https://example.org/a"), html, Fixtures.FETCHED_AT), null);
    assertThat(a.status()).isEqualTo(PageStatus.OK);
  }
}
