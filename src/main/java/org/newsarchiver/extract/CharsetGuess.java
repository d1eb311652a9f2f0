package org.newsarchiver.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import org.jspecify.annotations.Nullable;

/**
 * Guesses the charset of undeclared, non-UTF-8 bytes: Japanese (Shift_JIS as windows-31j, or
 * EUC-JP) when the bytes decode cleanly and give kana, windows-1251 when high bytes come in
 * word-long runs of Cyrillic letters, else windows-1252. Cheap: looks at the first 64 KiB only.
 * Not a statistical detector (no KOI8-R, Greek, Chinese or Korean).
 */
final class CharsetGuess {
  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  static final Charset EUC_JP = Charset.forName("EUC-JP");
  private static final int SAMPLE = 64 * 1024;

  private CharsetGuess() {}

  static Charset guess(byte[] body) {
    int n = Math.min(body.length, SAMPLE);
    Charset japanese = japanese(body, n);
    if (japanese != null) return japanese;
    return looksCyrillic(body, n) ? WINDOWS_1251 : WINDOWS_1252;
  }

  private static @Nullable Charset japanese(byte[] body, int n) {
    int sjis = kanaShare(body, n, WINDOWS_31J);
    int euc = kanaShare(body, n, EUC_JP);
    if (Math.max(sjis, euc) < 10) return null; // percent of non-ASCII characters that are kana
    return sjis >= euc ? WINDOWS_31J : EUC_JP;
  }

  /** Percent of non-ASCII characters that are hiragana or katakana, or -1 when the bytes do not decode. */
  private static int kanaShare(byte[] body, int n, Charset cs) {
    CharBuffer text;
    try {
      text = cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body, 0, trimmed(body, n)));
    } catch (CharacterCodingException e) {
      return -1;
    }
    int nonAscii = 0;
    int kana = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) continue;
      nonAscii++;
      if (c >= 0x3040 && c <= 0x30ff) kana++;
    }
    return nonAscii == 0 ? -1 : kana * 100 / nonAscii;
  }

  /** The sample length without a trailing high byte that may be half of a cut character. */
  private static int trimmed(byte[] body, int n) {
    if (n == body.length) return n;
    int end = n;
    while (end > 0 && end > n - 2 && (body[end - 1] & 0x80) != 0) end--;
    return end;
  }

  /**
   * Russian, Ukrainian or Bulgarian text in windows-1251 has whole words of high bytes (letters
   * 0xC0-0xFF, Ё/ё 0xA8/0xB8); Western text in windows-1252 has single accented letters inside
   * ASCII words.
   */
  static boolean looksCyrillic(byte[] body, int n) {
    int runs = 0;
    int wordRuns = 0;
    int run = 0;
    boolean letters = true;
    for (int i = 0; i <= n; i++) {
      int c = i < n ? body[i] & 0xff : 0;
      if (c >= 0x80) {
        run++;
        letters &= c >= 0xc0 || c == 0xa8 || c == 0xb8 || c == 0xb3 || c == 0xb2 || c == 0xba || c == 0xaa || c == 0xbf || c == 0xaf;
        continue;
      }
      if (run > 0) {
        runs++;
        if (run >= 3 && letters) wordRuns++;
      }
      run = 0;
      letters = true;
    }
    return wordRuns > 0 && wordRuns * 2 >= runs;
  }
}
