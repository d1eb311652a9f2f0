package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class LanguageFinderTest {

  private static String declared(String html) {
    Document doc = Jsoup.parse(html);
    return LanguageFinder.fromMarkup(doc, JsonLd.read(doc));
  }

  @Test
  void readsOgLocaleWhenHtmlHasNoLang() {
    assertThat(declared("<head><meta property='og:locale' content='pt_BR'></head>")).isEqualTo("pt-br");
  }

  @Test
  void readsContentLanguageMeta() {
    assertThat(declared("<head><meta http-equiv='Content-Language' content='fr'></head>")).isEqualTo("fr");
  }

  @Test
  void ignoresJunkLangValue() {
    assertThat(declared("<html lang='{{ locale }}'><body></body></html>")).isNull();
  }

  @Test
  void guessesGermanFromStopwords() {
    assertThat(Fixtures.extract("german.html").language()).isEqualTo("de");
  }

  @Test
  void guessesJapaneseFromKana() {
    assertThat(Fixtures.extract("japanese.html").language()).isEqualTo("ja");
  }

  @Test
  void guessesNothingFromTooLittleText() {
    assertThat(LanguageFinder.fromText(List.of("Hello"))).isNull();
  }
}
