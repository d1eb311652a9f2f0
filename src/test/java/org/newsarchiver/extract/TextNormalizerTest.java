package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void turnsNoBreakAndOtherUnicodeSpacesIntoOnePlainSpace() {
    assertThat(TextNormalizer.line("\u00A0\u00A028 October 2024\u00A0\u00A0\u2009\u3000Read: 726 "))
        .isEqualTo("28 October 2024 Read: 726");
  }

  @Test
  void removesZeroWidthCharactersAndSoftHyphens() {
    assertThat(TextNormalizer.paragraph("In\u00ADter\u200Bna\u200Ction\u200Dal\u2060 \uFEFFnews"))
        .isEqualTo("International news");
  }

  @Test
  void composesToNfc() {
    assertThat(TextNormalizer.paragraph("Cafe\u0301 Zu\u0308rich")).isEqualTo("Caf\u00E9 Z\u00FCrich");
  }

  @Test
  void keepsQuotesAndDashesAsWritten() {
    String text = "Moscow's “escalation” — \"dangerous\" – it's ‘so’";
    assertThat(TextNormalizer.paragraph(text)).isEqualTo(text);
  }

  @Test
  void trimsLinesAndKeepsSingleLineBreaksInsideAParagraph() {
    assertThat(TextNormalizer.paragraph("  first line \r\n\r\n\n  second\tline  ")).isEqualTo("first line\nsecond line");
  }

  @Test
  void makesATitleOneLine() {
    assertThat(TextNormalizer.line("North Korean troops\n  are in Kursk")).isEqualTo("North Korean troops are in Kursk");
    assertThat(TextNormalizer.line(" \u00A0 ")).isNull();
  }

  @Test
  void dropsParagraphsLeftEmpty() {
    assertThat(TextNormalizer.paragraphs(List.of("One", "\u00A0", "", " \u200B ", "Two")))
        .containsExactly("One", "Two");
  }

  @Test
  void turnsControlCharactersIntoSpaces() {
    assertThat(TextNormalizer.line("a\u0000b\u0007c")).isEqualTo("a b c");
  }

  @Test
  void everyCharacterAndPairBelowTheCombiningMarksIsAlreadyNfcSoItsFastPathChangesNothing() {
    // TextNormalizer skips the normalizer for such text: this holds it to the Unicode tables in use
    for (char c = 0; c < '\u0300'; c++) {
      for (char d = 0; d < '\u0300'; d++) {
        String pair = new String(new char[] {c, d});
        assertThat(java.text.Normalizer.isNormalized(pair, java.text.Normalizer.Form.NFC)).as("U+%04X U+%04X", (int) c, (int) d).isTrue();
      }
    }
  }
}
