package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which charset a page is decoded with, and what text comes out, for the ways pages declare it or lie about it. */
class HtmlDecoderTest {
  private static final Charset CP1251 = Charset.forName("windows-1251");
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Charset SJIS = Charset.forName("Shift_JIS");
  private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  private static final Charset EUC_JP = Charset.forName("EUC-JP");

  private static final String RUSSIAN = "Правительство утвердило новый бюджет на следующий год";
  private static final String JAPANESE = "東京で新しい図書館が開館しました。多くの市民が訪れています。";
  private static final String FRENCH = "Le café de la place ferme ses portes après trente années";

  private static String page(String head, String text) {
    return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><p>" + text + "</p></body></html>";
  }

  private static String paragraph(String html) {
    return html.substring(html.indexOf("<p>") + 3, html.indexOf("</p>"));
  }

  @Test
  void decodesWindows1251DeclaredInHeader() {
    byte[] body = page("", RUSSIAN).getBytes(CP1251);

    assertThat(HtmlDecoder.charset(body, "text/html; charset=windows-1251")).isEqualTo(CP1251);
    assertThat(paragraph(HtmlDecoder.decode(body, "text/html; charset=windows-1251"))).isEqualTo(RUSSIAN);
  }

  @Test
  void decodesWindows1251DeclaredOnlyInMeta() {
    byte[] body = page("<meta charset=\"windows-1251\">", RUSSIAN).getBytes(CP1251);

    assertThat(HtmlDecoder.charset(body, "text/html")).isEqualTo(CP1251);
    assertThat(paragraph(HtmlDecoder.decode(body, "text/html"))).isEqualTo(RUSSIAN);
  }

  @Test
  void readsCharsetFromHttpEquivMetaBeyondFirstFiveKilobytes() {
    String padding = "<!-- " + "x".repeat(10_000) + " -->";
    byte[] body = page(padding + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", RUSSIAN)
        .getBytes(CP1251);

    assertThat(HtmlDecoder.charset(body, null)).isEqualTo(CP1251);
  }

  @Test
  void ignoresMetaBeyondFirst64Kilobytes() {
    byte[] body = ("<html><head>" + " ".repeat(70_000) + "<meta charset=koi8-r></head><body>café</body></html>")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(HtmlDecoder.charset(body, null)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void ignoresMetaInsideComment() {
    byte[] body = page("<!-- <meta charset=koi8-r> -->", "café").getBytes(StandardCharsets.UTF_8);

    assertThat(HtmlDecoder.charset(body, null)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void decodesShiftJisDeclaredInMeta() {
    byte[] body = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", JAPANESE).getBytes(SJIS);

    assertThat(HtmlDecoder.charset(body, "text/html")).isEqualTo(WINDOWS_31J);
    assertThat(paragraph(HtmlDecoder.decode(body, "text/html"))).isEqualTo(JAPANESE);
  }

  @Test
  void trustsMetaWhenHeaderClaimsUtf8ButBytesAreNot() {
    byte[] body = page("<meta charset=windows-1251>", RUSSIAN).getBytes(CP1251);

    assertThat(HtmlDecoder.charset(body, "text/html; charset=UTF-8")).isEqualTo(CP1251);
    assertThat(paragraph(HtmlDecoder.decode(body, "text/html; charset=UTF-8"))).isEqualTo(RUSSIAN);
  }

  @Test
  void trustsHeaderOverMetaWhenBytesFitTheHeader() {
    byte[] body = page("<meta charset=windows-1251>", RUSSIAN).getBytes(StandardCharsets.UTF_8);

    assertThat(paragraph(HtmlDecoder.decode(body, "text/html; charset=utf-8"))).isEqualTo(RUSSIAN);
  }

  @Test
  void keepsUtf8HeaderForMostlyValidUtf8WithAStrayByte() {
    byte[] good = page("", "Überall schöne Grüße für alle Köche").getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(good, new byte[] {(byte) 0xff});

    assertThat(HtmlDecoder.charset(body, "text/html; charset=utf-8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(HtmlDecoder.decode(body, "text/html; charset=utf-8")).endsWith("</html>\uFFFD");
  }

  @Test
  void stripsUtf8BomAndLetsItOverrideHeader() {
    byte[] body = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, page("", "naïve").getBytes(StandardCharsets.UTF_8));

    assertThat(HtmlDecoder.charset(body, "text/html; charset=iso-8859-1")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(HtmlDecoder.decode(body, "text/html; charset=iso-8859-1")).isEqualTo(page("", "naïve"));
  }

  @Test
  void decodesUtf16ByTheirBoms() {
    String html = page("<meta charset=utf-8>", RUSSIAN);
    byte[] le = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, html.getBytes(StandardCharsets.UTF_16LE));
    byte[] be = concat(new byte[] {(byte) 0xfe, (byte) 0xff}, html.getBytes(StandardCharsets.UTF_16BE));

    assertThat(HtmlDecoder.charset(le, null)).isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(HtmlDecoder.decode(le, null)).isEqualTo(html);
    assertThat(HtmlDecoder.charset(be, "text/html; charset=utf-8")).isEqualTo(StandardCharsets.UTF_16BE);
    assertThat(HtmlDecoder.decode(be, null)).isEqualTo(html);
  }

  @Test
  void fallsBackWhenHeaderNamesUnknownOrMalformedCharset() {
    byte[] body = page("", "naïve café").getBytes(StandardCharsets.UTF_8);

    for (String ct : new String[] {
      "text/html; charset=no-such-charset", "text/html; charset=\"???\"", "text/html; charset=", "text/html; charset=utf-8;;"
    }) {
      assertThat(HtmlDecoder.charset(body, ct)).as(ct).isEqualTo(StandardCharsets.UTF_8);
      assertThat(paragraph(HtmlDecoder.decode(body, ct))).as(ct).isEqualTo("naïve café");
    }
  }

  @Test
  void fallsBackFromUnknownMetaCharset() {
    byte[] body = page("<meta charset=x-klingon>", FRENCH).getBytes(CP1252);

    assertThat(HtmlDecoder.charset(body, null)).isEqualTo(CP1252);
    assertThat(paragraph(HtmlDecoder.decode(body, null))).isEqualTo(FRENCH);
  }

  @Test
  void mapsLatin1ToWindows1252AsBrowsersDo() {
    byte[] body = page("", "Prix : 5 €").getBytes(CP1252);

    assertThat(HtmlDecoder.charset(body, "text/html; charset=ISO-8859-1")).isEqualTo(CP1252);
    assertThat(paragraph(HtmlDecoder.decode(body, "text/html; charset=ISO-8859-1"))).isEqualTo("Prix : 5 €");
  }

  @Test
  void replacesInvalidBytesInMostlyUtf8TextInsteadOfThrowing() {
    byte[] text = "<p>äöüßäöüßäöüß".getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(text, new byte[] {(byte) 0xc3, '(', (byte) 0xa0, (byte) 0xa1, '<', '/', 'p', '>'});

    assertThat(HtmlDecoder.decode(body, "text/html; charset=utf-8")).isEqualTo("<p>äöüßäöüßäöüß\uFFFD(\uFFFD\uFFFD</p>");
    assertThat(HtmlDecoder.decode(body, null)).isEqualTo("<p>äöüßäöüßäöüß\uFFFD(\uFFFD\uFFFD</p>");
    assertThat(HtmlDecoder.decode(new byte[0], null)).isEmpty();
  }

  @Test
  void decodesBytesThatAreMostlyNotUtf8AsWindows1252DespiteUtf8Header() {
    byte[] body = {'<', 'p', '>', (byte) 0xc3, '(', (byte) 0xa0, (byte) 0xa1, '<', '/', 'p', '>'};

    assertThat(HtmlDecoder.decode(body, "text/html; charset=utf-8")).isEqualTo("<p>Ã(\u00a0¡</p>");
  }

  @Test
  void guessesUndeclaredCharsets() {
    assertThat(HtmlDecoder.charset(page("", RUSSIAN).getBytes(CP1251), "text/html")).isEqualTo(CP1251);
    assertThat(HtmlDecoder.charset(page("", JAPANESE).getBytes(SJIS), null)).isEqualTo(WINDOWS_31J);
    assertThat(HtmlDecoder.charset(page("", JAPANESE).getBytes(EUC_JP), null)).isEqualTo(EUC_JP);
    assertThat(HtmlDecoder.charset(page("", FRENCH).getBytes(CP1252), null)).isEqualTo(CP1252);
    assertThat(HtmlDecoder.charset(page("", "Straße und Größe, ação").getBytes(CP1252), null)).isEqualTo(CP1252);
    assertThat(HtmlDecoder.charset(page("", "plain ascii").getBytes(StandardCharsets.US_ASCII), null))
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void guessesWhenHeaderClaimsUtf8ForWindows1251WithoutMeta() {
    byte[] body = page("", RUSSIAN).getBytes(CP1251);

    assertThat(paragraph(HtmlDecoder.decode(body, "text/html; charset=utf-8"))).isEqualTo(RUSSIAN);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  @Test
  void decodesUtf8CopyThatKeptItsShiftJisMeta() throws java.io.IOException {
    byte[] body;
    try (var in = HtmlDecoderTest.class.getResourceAsStream("/extract/charset/utf8-under-shift-jis-meta.html")) {
      body = in.readAllBytes();
    }

    assertThat(HtmlDecoder.charset(body, null)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(org.jsoup.Jsoup.parse(HtmlDecoder.decode(body, null)).title())
        .isEqualTo("JVNDB-2018-013542 - JVN iPedia - 脆弱性対策情報データベース");
  }
}
