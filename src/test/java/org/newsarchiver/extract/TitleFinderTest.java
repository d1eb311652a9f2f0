package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TitleFinderTest {

  private static String title(String html, String url) {
    Document doc = Jsoup.parse(html, url);
    return TitleFinder.find(doc, JsonLd.read(doc));
  }

  @Test
  void readsOgTitleWrittenAsNameAndValue() {
    assertThat(Fixtures.extract("meta-name-value.html").title()).isEqualTo("Quiet streets as festival ends");
  }

  @Test
  void cutsSuffixThatIsTheSiteName() {
    String html =
        "<head><meta property='og:title' content='Rates held at 5% - HelloNews'>"
            + "<meta property='og:site_name' content='HelloNews'></head>";
    assertThat(title(html, "https://hellonews.example/a")).isEqualTo("Rates held at 5%");
  }

  @Test
  void cutsSuffixThatIsTheHostName() {
    String html = "<head><title>Rates held at 5% | Dailyledger</title></head>";
    assertThat(title(html, "https://www.dailyledger.com/a")).isEqualTo("Rates held at 5%");
  }

  @Test
  void keepsSuffixThatDoesNotNameTheSite() {
    String html = "<head><title>Evolve: Shared Mutable History — evolve extension for Mercurial</title></head>";
    assertThat(title(html, "https://www.mercurial-scm.org/doc/evolve"))
        .isEqualTo("Evolve: Shared Mutable History — evolve extension for Mercurial");
  }

  @Test
  void cutsLeadingSiteName() {
    String html =
        "<head><meta property='og:title' content='Riverside Post: Ferry fares to rise'>"
            + "<meta property='og:site_name' content='Riverside Post'></head>";
    assertThat(title(html, "https://example.org/a")).isEqualTo("Ferry fares to rise");
  }

  @Test
  void takesHeadingWordingWhenItSaysTheSameAsOgTitle() {
    String html =
        "<head><meta property='og:title' content=\"Why the ferry won't run\"></head>"
            + "<body><h1>Why the ferry won’t run</h1></body>";
    assertThat(title(html, "https://example.org/a")).isEqualTo("Why the ferry won’t run");
  }

  @Test
  void takesHeadingThatIsOneSideOfOgTitle() {
    String html =
        "<head><meta property='og:title' content='r/Showerthoughts - Vanilla is the greatest underdog story'>"
            + "</head><body><h1>Vanilla is the greatest underdog story</h1></body>";
    assertThat(title(html, "https://example.org/a")).isEqualTo("Vanilla is the greatest underdog story");
  }

  @Test
  void fallsBackToDocumentTitleWithoutItsLastPartWithoutMetadata() {
    assertThat(Fixtures.extract("title-only.html", "https://riverside-allotments.example/minutes").title())
        .isEqualTo("Minutes of the March meeting");
  }

  @Test
  void takesVisibleHeadlineOverSocialVariantOfIt() {
    String html =
        "<head><meta property='og:title' content='Lady Gaga Shares Pic of Ex Taylor Kinney With Her Mom'></head>"
            + "<body><h1>Lady Gaga Shares Photo of Ex Taylor Kinney Hanging With Her Mom</h1></body>";
    assertThat(title(html, "https://example.org/a"))
        .isEqualTo("Lady Gaga Shares Photo of Ex Taylor Kinney Hanging With Her Mom");
  }

  @Test
  void keepsOgTitleOverUnrelatedHeading() {
    String html =
        "<head><meta property='og:title' content='Hundreds of airport workers go on strike'></head>"
            + "<body><h1>thanks for visiting our money pages</h1></body>";
    assertThat(title(html, "https://example.org/a")).isEqualTo("Hundreds of airport workers go on strike");
  }

  @Test
  void takesHeadingThatContinuesOgTitle() {
    String html =
        "<head><meta property='og:title' content='Intel NUCで最新SSDを比較してみた'></head>"
            + "<body><h1>Intel NUCで最新SSDを比較してみた：さらば平成、いくぜNUC</h1></body>";
    assertThat(title(html, "https://example.org/a")).isEqualTo("Intel NUCで最新SSDを比較してみた：さらば平成、いくぜNUC");
  }

  private static String fixtureTitle(String name, String url) {
    Document doc = Fixtures.doc("titles/" + name, url);
    return TitleFinder.find(doc, JsonLd.read(doc));
  }

  @Test
  void keepsJsonLdHeadlineQuotesOverHeadingQuotes() {
    assertThat(fixtureTitle("json-ld-headline-straight-quotes.html", "https://fandom.example/articles/star-wars"))
        .isEqualTo("'Star Wars' Original Cuts Might Get Released for 40th Anniversary");
  }

  @Test
  void keepsJsonLdHeadlineAsWrittenWithSiteName() {
    assertThat(fixtureTitle("json-ld-headline-with-site-name.html", "https://medium.example/@jw/samantha"))
        .isEqualTo("Samantha and The Great Big Lie - John C. Welch - Medium");
  }

  @Test
  void takesHeadingWhereTitleTagAndHeadingAgreeAgainstOgTitle() {
    assertThat(fixtureTitle("og-title-apart-from-title-and-heading.html", "https://www.nbcnews.example/tech/spacex"))
        .isEqualTo("What's the Hold-Up at SpaceX?");
  }

  @Test
  void skipsHeadingMarkedAsAlternativeHeadline() {
    assertThat(fixtureTitle("alternative-headline-h1.html", "https://www.popsugar.example/home/mistakes"))
        .isEqualTo("The 5 Biggest Decorating Mistakes Millennials Make — and How to Solve Them");
  }

  @Test
  void takesHeadingThatOgTitleEndsWithFullStopAndCompanyName() {
    assertThat(fixtureTitle("full-stop-before-separator.html", "https://www.sanwa.example/news/201812/mouse"))
        .isEqualTo("指紋認証でWindows 10にサインインできる指紋認証機能付きマウスを発売");
  }

  @Test
  void takesJapaneseHeadingThatRewordsOgTitle() {
    assertThat(fixtureTitle("cjk-heading-variant.html", "https://www.lifehacker.example/2018/12/stocker.html"))
        .isEqualTo("ファインの新聞ストッカーは引越しにも使える！ 家具の固定も簡単");
  }

  @Test
  void keepsTitleWhosePartNamesTheSiteAmongOtherWords() {
    assertThat(fixtureTitle("site-name-inside-longer-part.html", "http://stevenhgm.pixnet.example/blog/post/39926056"))
        .isEqualTo("新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::");
  }

  @Test
  void dropsKickerFromHeadingThatShowsOgTitle() {
    assertThat(fixtureTitle("kicker-in-heading.html", "https://www.spektrum.example/news/genetik/2039026"))
        .isEqualTo("Das Geheimnis der parasitischen Riesenblumen");
  }

  @Test
  void takesSecondLevelHeadingThatAgreesWithNewsletterTitleAgainstShareTitle() {
    assertThat(fixtureTitle("heading-agrees-with-newsletter-title.html", "https://www.insider.example/hillary-electors"))
        .isEqualTo("Hillary Clinton Gets More Faithless Electors Than Trump");
  }

  @Test
  void takesOnlyHeadingThatHoldsTopicWordOgTitle() {
    assertThat(fixtureTitle("topic-og-title-under-headline.html", "https://www.parteien.example/themen/arbeit"))
        .isEqualTo("Wir kämpfen für gute Arbeit");
  }

  @Test
  void takesHeadingThatAddsSubtitleAfterWaveDash() {
    assertThat(fixtureTitle("heading-adds-subtitle-after-wave-dash.html", "https://www.verein.example/event/2019/nsf.html"))
        .isEqualTo("NSF 2019 in Kansai 「早期発見、早期対処」のセキュリティ ～守りのセキュリティから攻めのセキュリティへ～");
  }

  @Test
  void takesSecondLevelHeadingThatIsTitlePartUnderBannerHeading() {
    assertThat(fixtureTitle("title-part-in-h2-under-banner-h1.html", "https://www.daily.example/articles/36917.html"))
        .isEqualTo("这个约会软件，想用你和对方的相似好恶来帮你找对象");
  }

  @Test
  void takesMainHeadingWhenOgTitleIsArtistAndWorkShownAsTwoHeadings() {
    assertThat(fixtureTitle("artist-and-work-headings.html", "https://lyrics.example/Prince-purple-rain"))
        .isEqualTo("Purple Rain");
  }

  @Test
  void keepsTitleWhoseTwoSidesAreTheSameName() {
    String html =
        "<head><meta property='og:title' content='Lust for Youth: Lust for Youth'></head>"
            + "<body><h1>Lust for Youth</h1><h2>Lust for Youth</h2></body>";
    assertThat(title(html, "https://reviews.example/albums/lust-for-youth")).isEqualTo("Lust for Youth: Lust for Youth");
  }

  @Test
  void cutsLastPartOfBareTitleLikeReadability() {
    assertThat(fixtureTitle("bare-title-with-section-and-author.html", "https://blog.example/code/covered/"))
        .isEqualTo("Get your Frontend JavaScript Code Covered | Code");
  }

  @Test
  void keepsBareTitleWhoseCutWouldLeaveFourWordsOrFewer() {
    assertThat(fixtureTitle("bare-title-short-headline-with-dash.html", "https://vulndb.example/ja/contents/2018/013542.html"))
        .isEqualTo("JVNDB-2018-013542 - JVN iPedia - 脆弱性対策情報データベース");
  }

  @Test
  void keepsBareTitleWhoseDashSplitsShortHeadline() {
    String html = "<head><title>Biden wins – and what it means for Europe now</title></head>";
    assertThat(title(html, "https://example.org/a")).isEqualTo("Biden wins – and what it means for Europe now");
  }

  @Test
  void takesOnlyHeadingOnShareTitlesSubjectOverRewordedShareTitle() {
    assertThat(fixtureTitle("only-heading-rewords-share-title.html", "https://www.lifestyle.example/articles/feminist-compliments"))
        .isEqualTo("The Transformative Power Of Feminist Compliments");
  }
}
