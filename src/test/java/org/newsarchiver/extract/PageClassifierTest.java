package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

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
}
