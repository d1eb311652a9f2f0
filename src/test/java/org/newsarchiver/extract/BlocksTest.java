package org.newsarchiver.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BlocksTest {

  @Test
  void givesOneParagraphPerBlockAndKeepsLineBreaks() {
    var doc =
        Jsoup.parse(
            "<div id=a><h2>Heading</h2>Loose <b>inline</b> text<p>One<br>two</p>"
                + "<ul><li>item 1</li><li>item 2</li></ul><blockquote>Quote</blockquote>"
                + "<script>var x=1;</script><p>&nbsp;</p></div>");
    assertThat(Blocks.paragraphs(doc.getElementById("a")))
        .containsExactly("Heading", "Loose inline text", "One\ntwo", "item 1", "item 2", "Quote");
  }

  @Test
  void keepsPreformattedWhiteSpaceLines() {
    var doc = Jsoup.parse("<div id=a><pre>x = 1\n  y = 2</pre></div>");
    assertThat(Blocks.paragraphs(doc.getElementById("a"))).containsExactly("x = 1\ny = 2");
  }

  @Test
  void twoLineBreaksInARowEndAParagraphAsOldPagesWriteThem() {
    var doc = Jsoup.parse("<div id=a>The ferry resumes in May.<br><br>\n  The first boat leaves at seven.<br>"
        + "Fares stay the same.<br> <br>Residents get a pass.<pre>a<br><br>b</pre></div>");
    assertThat(Blocks.paragraphs(doc.getElementById("a"))).containsExactly(
        "The ferry resumes in May.", "The first boat leaves at seven.\nFares stay the same.", "Residents get a pass.", "a\nb");
  }

  @Test
  void aDataTableReadsRowByRowWithItsCellsOnOneLine() {
    var doc = Jsoup.parse("<div id=a><p>Fares:</p><table><tr><th>Fare</th><th>2024</th></tr>"
        + "<tr><td>Adult</td><td> $2.50 </td></tr></table>"
        + "<table><tr><td><p>A layout column.</p></td><td><p>Another column.</p></td></tr></table></div>");
    assertThat(Blocks.paragraphs(doc.getElementById("a")))
        .containsExactly("Fares:", "Fare | 2024", "Adult | $2.50", "A layout column.", "Another column.");
  }
}
