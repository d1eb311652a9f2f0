package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class AuthorFinderTest {

  private static List<String> authors(String html) {
    Document doc = Jsoup.parse(html, "https://example.org/a");
    return AuthorFinder.find(doc, JsonLd.read(doc));
  }

  @Test
  void readsAuthorMetaWrittenAsNameAndValue() {
    assertThat(Fixtures.extract("meta-name-value.html").authors()).containsExactly("Jo Park");
  }

  @Test
  void splitsByLineIntoNames() {
    assertThat(Bylines.split("By JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL"))
        .containsExactly("JOSH HASKELL", "DAVID CAPLAN", "PATRICK REEVELL");
  }

  @Test
  void dropsDateAfterName() {
    assertThat(Bylines.split("Laura E. Adkins December 28, 2016")).containsExactly("Laura E. Adkins");
  }

  @Test
  void dropsGluedByPrefix() {
    assertThat(Bylines.split("ByTravis Haney")).containsExactly("Travis Haney");
  }

  @Test
  void turnsLastNameFirstAround() {
    assertThat(Bylines.split("Gillman, Steve")).containsExactly("Steve Gillman");
  }

  @Test
  void readsLinkedNamesInBylineBlock() {
    String html =
        "<body><div class='article-byline'>By <a href='/p/1'>Ana Ruiz</a> and <a href='/p/2'>Li Wei</a>"
            + " <a href='https://twitter.com/x'>Follow on Twitter</a></div><p>Text</p></body>";
    assertThat(authors(html)).containsExactly("Ana Ruiz", "Li Wei");
  }

  @Test
  void readsRelAuthorOfOneBylineOnly() {
    String html =
        "<body><p class='meta'><a rel='author' href='/a'>Juli Clover</a></p><article><p>Text</p></article>"
            + "<aside><ul><li><div><a rel='author' href='/b'>Someone Else</a></div></li></ul></aside></body>";
    assertThat(authors(html)).containsExactly("Juli Clover");
  }

  @Test
  void ignoresAuthorUrls() {
    String html = "<head><meta name='author' content='https://www.facebook.com/news'></head><body></body>";
    assertThat(authors(html)).isEmpty();
  }

  @Test
  void readsAuthorPageLinkAfterBy() {
    String html =
        "<body><aside><a href='/author/other-person'>Other Person</a></aside>"
            + "<div class='x1'><span>By</span><div><a href='/author/chris-t'>Chris Thompson</a></div></div></body>";
    assertThat(authors(html)).containsExactly("Chris Thompson");
  }

  @Test
  void keepsNameWithJoiningWordWhole() {
    assertThat(Bylines.split("Mac & i")).containsExactly("Mac & i");
  }

  @Test
  void dropsLinkLabelBeforeName() {
    assertThat(Bylines.split("More stories by Jeremy Herron")).containsExactly("Jeremy Herron");
  }

  @Test
  void prefersBylineOverSiteNamedAsAuthor() {
    String html =
        "<head><meta name='author' content='ABC News'><meta property='og:site_name' content='ABC News'></head>"
            + "<body><div class='byline'>By JOSH HASKELL and DAVID CAPLAN</div></body>";
    assertThat(authors(html)).containsExactly("JOSH HASKELL", "DAVID CAPLAN");
  }

  @Test
  void keepsSiteNamedAsAuthorWhenNothingElseNamesOne() {
    String html = "<head><meta name='author' content='ABC News'><meta property='og:site_name' content='ABC News'></head>";
    assertThat(authors(html)).containsExactly("ABC News");
  }

  @Test
  void dropsOutletInCapitalsAfterName() {
    assertThat(Bylines.split("Meg Wagner NEW YORK DAILY NEWS")).containsExactly("Meg Wagner");
  }

  @Test
  void skipsSectionLinkAfterIn() {
    String html =
        "<body><div class='author'>Written by <a href='https://example.net/'>Michael Larabel</a> in"
            + " <a href='/linux/Valve'>Valve</a> on 1 June 2019</div></body>";
    assertThat(authors(html)).containsExactly("Michael Larabel");
  }

  private static List<String> fixtureAuthors(String name, String url) {
    Document doc = Fixtures.doc("authors/" + name, url);
    return AuthorFinder.find(doc, JsonLd.read(doc));
  }

  @Test
  void dropsByLabelBeforeBylineThatSaysByItself() {
    assertThat(fixtureAuthors("by-label-before-byline.html", "https://abcnews.example/Politics/clinton"))
        .containsExactly("JOSH HASKELL", "DAVID CAPLAN", "PATRICK REEVELL");
  }

  @Test
  void readsMicrodataAuthorNameFromMetaContent() {
    assertThat(fixtureAuthors("microdata-name-in-meta.html", "https://www.politico.example/story/treasury"))
        .containsExactly("Kate Davidson");
  }

  @Test
  void writesLowerCaseMetaAuthorInBylineCapitals() {
    assertThat(fixtureAuthors("lower-case-meta-author.html", "https://hellogiggles.example/fashion/outfit/"))
        .containsExactly("Cindy mangomini");
  }

  @Test
  void stopsBylineAtTheBlockThatNamesTheOutlet() {
    assertThat(fixtureAuthors("byline-outlet-on-next-line.html", "https://www.chicagotribune.example/news/climate"))
        .containsExactly("Joe Davidson");
  }

  @Test
  void prefersBylineOverJsonLdCreatorAccount() {
    assertThat(fixtureAuthors("json-ld-creator-and-byline.html", "https://fandom.example/articles/star-wars"))
        .containsExactly("James Akinaka");
  }

  @Test
  void readsOutletNamedInOgArticleAuthorWhenNothingElseNamesOne() {
    assertThat(fixtureAuthors("og-article-author-is-the-outlet.html", "https://www.bbc.example/news/world-us-canada-33646542"))
        .containsExactly("BBC News");
  }

  @Test
  void readsSiteUserPageLinkAsWrittenSkippingLogInAndOtherSites() {
    assertThat(fixtureAuthors("user-page-links.html", "https://www.reddit.example/r/Showerthoughts/comments/x"))
        .containsExactly("u/benyacobi");
  }

  @Test
  void givesNoAuthorForLinkToUserPageOnAnotherSite() {
    assertThat(fixtureAuthors("video-channel-link-only.html", "https://travel.example/lisbon")).isEmpty();
  }

  @Test
  void aLastUpdatedLineIsNoName() {
    assertThat(Bylines.split("Last Updated: January 7, 2025")).isEmpty();
  }

  @Test
  void dropsTheAddressInBracketsAfterAName() {
    assertThat(Bylines.split("Bradley M. Kuhn (http://ebb.org/bkuhn/)")).containsExactly("Bradley M. Kuhn");
    assertThat(Bylines.split("By Ana Ruiz <ana.ruiz@example.org>")).containsExactly("Ana Ruiz");
  }

  @Test
  void aDegreeAfterANameIsNoSecondAuthorAndJuniorStaysWithHisName() {
    assertThat(Bylines.split("By Brenda Goodman, MA")).containsExactly("Brenda Goodman");
    assertThat(Bylines.split("By John Smith, Jr., and Ann Lee, PhD")).containsExactly("John Smith Jr.", "Ann Lee");
  }

  @Test
  void aCommentersNameIsNotTheAuthor() {
    assertThat(Fixtures.extract("authors/commenter-not-author.html").authors()).isEmpty();
  }

  @Test
  void aCmsUserNameInTheMetadataGivesWayToTheNameTheBylineShows() {
    assertThat(Fixtures.extract("authors/cms-user-name-in-meta.html").authors()).containsExactly("Anna Ruiz");
  }

  @Test
  void aCmsUserNameStaysWhereThePageShowsNoOtherName() {
    String html = "<html><head><meta name=author content=annaruiz><title>Cooling centres open</title></head><body><article>"
        + "<h1>Cooling centres open</h1><p>The county opened three more cooling centres on Tuesday as temperatures"
        + " stayed high, bringing the total to eleven.</p></article></body></html>";
    Article a = new ArticleExtractor().extract(new HtmlPage(java.net.URI.create("https://example.org/a"), html, Fixtures.FETCHED_AT), null);
    assertThat(a.authors()).containsExactly("annaruiz");
  }

  @Test
  void aPersonLinkedInTheProseOrInTheTagListIsTheSubjectNotTheAuthor() {
    assertThat(Fixtures.extract("authors/people-links-in-prose-and-tags.html").authors()).isEmpty();
  }

  @Test
  void anUnmarkedByLineJustAfterTheHeadlineNamesTheAuthorAndLeavesTheText() {
    Article a = Fixtures.extract("authors/unmarked-byline-after-headline.html");
    assertThat(a.authors()).containsExactly("Lena Ortiz");
    assertThat(a.paragraphs()).hasSize(3);
    assertThat(a.paragraphs().get(0)).startsWith("The city council voted on Tuesday");
  }

  @Test
  void aSentenceAfterTheHeadlineThatOpensLikeABylineNamesNoOne() {
    String html = "<html lang=fr><head><title>La ville piétonnise la rue principale</title></head><body><article>"
        + "<h1>La ville piétonnise la rue principale</h1><div>Par ailleurs, les commerçants restent partagés.</div>"
        + "<p>Le conseil municipal a voté mardi la fermeture de deux pâtés de maisons aux voitures le week-end,"
        + " après un essai l'été dernier.</p></article></body></html>";
    Article a = new ArticleExtractor().extract(new HtmlPage(java.net.URI.create("https://example.org/a"), html, Fixtures.FETCHED_AT), null);
    assertThat(a.authors()).isEmpty();
  }
}
