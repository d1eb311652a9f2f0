package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void bodyScoredInTheMetadataWalkIsTheBodyScoredAlone() {
    for (String name : new String[] {"news-article.html", "german.html", "japanese.html"}) {
      Document alone = Jsoup.parse(Fixtures.html(name), "https://example.org/a");
      Document shared = Jsoup.parse(Fixtures.html(name), "https://example.org/a");
      PageIndex.withBodyScores(shared);
      assertThat(PageIndex.of(shared).bodyScores()).isNotNull();
      assertThat(PageIndex.of(alone).bodyScores()).isNull();
      assertThat(BodyExtractor.extract(shared, JsonLd.read(shared), null))
          .as(name)
          .isNotEmpty()
          .isEqualTo(BodyExtractor.extract(alone, JsonLd.read(alone), null));
    }
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

  private static final String PROSE =
      "<p>A paragraph long enough to count as prose in an article, with a comma, and a full stop.</p>";

  @Test
  void joinsArticleSplitByAdSlotsIntoSameBuiltBlocks() {
    String html =
        "<body><main><section class='row'><div class='story-text'>" + PROSE.repeat(2).replace("A paragraph", "First part")
            + "</div><div class='ad-slot'>Advertisement</div></section>"
            + "<section class='row'><div class='story-text'>" + PROSE.repeat(4)
            + "</div></section></main></body>";
    Document doc = Jsoup.parse(html);
    List<String> body = BodyExtractor.extract(doc, JsonLd.read(doc), null);
    assertThat(body).hasSize(6);
    assertThat(body.get(0)).startsWith("First part");
  }

  @Test
  void keepsLeadPictureCaptionBeforeText() {
    String html =
        "<body><div class='post'><figure><img src='a.jpg'><figcaption>Photo by Ann Lee/Agency</figcaption></figure>"
            + "<div class='entry-content'>" + PROSE.repeat(4) + "</div></div></body>";
    Document doc = Jsoup.parse(html);
    assertThat(BodyExtractor.extract(doc, JsonLd.read(doc), null).get(0)).isEqualTo("Photo by Ann Lee/Agency");
  }

  @Test
  void keepsLayoutBoxNamedAfterItsSidebarWhenItHoldsThePage() {
    String html =
        "<body><div class='l-sidebar-fixed'><div class='l-main'><div class='c-entry-content'>" + PROSE.repeat(5)
            + "</div></div><div class='sidebar'><p>Popular: ten things to read now</p></div></div></body>";
    Document doc = Jsoup.parse(html);
    assertThat(BodyExtractor.extract(doc, JsonLd.read(doc), null)).hasSize(5);
  }

  @Test
  void dropsPictureGalleryWithLongCaptions() {
    String caption = "<li><p>1/50 A caption with many words that runs on, and on, for a while about the picture shown.</p></li>";
    String html =
        "<body><article><div class='text-wrapper'>" + PROSE.repeat(3)
            + "<div class='gallery'><ul class='legends'>" + caption.repeat(8) + "</ul></div>"
            + PROSE.repeat(2) + "</div></article></body>";
    Document doc = Jsoup.parse(html);
    assertThat(BodyExtractor.extract(doc, JsonLd.read(doc), null)).hasSize(5).noneMatch(p -> p.startsWith("1/50"));
  }

  @Test
  void readsTextWrittenBetweenLineBreaks() {
    String run = "Text written straight into the box, as older sites do, with a comma and a full stop. ";
    String html =
        "<body><article class='full'><div class='content'>" + (run + "<br><br>").repeat(4) + run + "</div></article>"
            + "<div class='below'><div class='text'><p>The author has written about Linux"
            + " hardware, and much else, for many years on this site.</p></div></div></body>";
    Document doc = Jsoup.parse(html);
    assertThat(BodyExtractor.extract(doc, JsonLd.read(doc), null))
        .containsExactlyElementsOf(java.util.Collections.nCopies(5, run.strip()));
  }

  @Test
  void keepsSectionWhoseIdOnlyContainsShareInsideAWord() {
    String html = "<body><div class='section' id='evolve-shared-mutable-history'>" + PROSE.repeat(3) + "</div></body>";
    Document doc = Jsoup.parse(html);
    assertThat(BodyExtractor.extract(doc, JsonLd.read(doc), null)).hasSize(3);
  }

  @Test
  void theKickerAndHeadlineAboveTheBodyAndAClassNamedNavigationListAreNotInTheText() {
    Article a = Fixtures.extract("kicker-above-headline.html");
    assertThat(a.title()).isEqualTo("Wie ein Dorf in Brandenburg sein eigenes Stromnetz baute");
    assertThat(a.paragraphs()).containsExactly(
        "Als der Netzbetreiber im Frühjahr 2021 ankündigte, die Leitung nach Feldheim erst in zehn Jahren zu"
            + " erneuern, beschlossen die Bewohner, nicht länger zu warten. Sie gründeten eine Genossenschaft,"
            + " sammelten Geld im Dorf und kauften dem Versorger das alte Netz ab.",
        "Heute versorgen drei Windräder und eine Biogasanlage die 130 Einwohner, die Schule und zwei Betriebe."
            + " Der Strom kostet hier gut ein Drittel weniger als im Landesdurchschnitt, sagt"
            + " Genossenschaftsvorstand Petra Lindner.",
        "Inzwischen kommen Besucher aus ganz Europa, um sich das Modell erklären zu lassen. Doch was in einem"
            + " kleinen Ort funktioniert, lässt sich nicht ohne Weiteres auf eine Kleinstadt übertragen, warnen"
            + " Fachleute der Landesenergieagentur.");
  }

  @Test
  void aPageBuildersWidgetWrappersAroundTheProseAreNotTakenForSidebarWidgets() {
    Article a = Fixtures.extract("page-builder-widgets.html");
    assertThat(a.status()).isEqualTo(PageStatus.OK);
    assertThat(a.paragraphs()).containsExactly(
        "The Ridge Loop reopened in May after two summers of work by volunteers, who rebuilt eleven switchbacks,"
            + " added drainage to the lower meadow and moved a mile of trail off the eroded fall line.",
        "The result rides faster and drier than before. The climb from the north lot now holds a steady grade, and"
            + " the descent keeps its rock gardens, though the worst of the loose chutes are gone.",
        "Expect about two hours for the full loop on a trail bike. Water is available only at the trailhead, and the"
            + " upper ridge has no shade after ten in the morning.");
  }
}
