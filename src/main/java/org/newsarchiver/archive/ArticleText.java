package org.newsarchiver.archive;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code .txt} form of an article: the title on the first line, a blank line, then the body
 * paragraphs separated by one blank line, and a final newline. Inputs are already normalized.
 */
public record ArticleText(@Nullable String title, List<String> paragraphs) {

  public ArticleText {
    paragraphs = List.copyOf(paragraphs);
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(title == null ? "" : title).append("\n\n");
    out.append(String.join("\n\n", paragraphs));
    out.append('\n');
    return out.toString();
  }

  public byte[] bytes() {
    return render().getBytes(StandardCharsets.UTF_8);
  }

  /** Words of the body: runs of letters and digits, each CJK or kana character counting as one. */
  public int words() {
    int count = 0;
    for (String p : paragraphs) count += countWords(p);
    return count;
  }

  static int countWords(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isSpacelessScript(cp)) {
        count++;
        inWord = false;
      } else if (Character.isLetterOrDigit(cp)) {
        if (!inWord) count++;
        inWord = true;
      } else if (!(inWord && (cp == '\'' || cp == '\u2019' || cp == '-'))) {
        inWord = false;
      }
    }
    return count;
  }

  private static boolean isSpacelessScript(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.THAI;
  }
}
