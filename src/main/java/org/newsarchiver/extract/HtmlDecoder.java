package org.newsarchiver.extract;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the bytes of an HTML response to text. The charset comes from, in order: a byte-order
 * mark; the Content-Type header (unless it says UTF-8 and the bytes are not, while a
 * {@code <meta>} names another charset); {@code <meta charset>} or {@code <meta http-equiv>} in the
 * first 64 KiB, unless the bytes are all valid UTF-8 with several multi-byte characters (a copy
 * re-saved as UTF-8 under its old declaration); UTF-8 when the bytes are UTF-8 (a few stray bad bytes allowed); and else a guess (Shift_JIS, EUC-JP,
 * windows-1251 or, by default, windows-1252). Unknown charset names are skipped, never thrown;
 * bad bytes become U+FFFD. Names are mapped as browsers do (ISO-8859-1 and US-ASCII to
 * windows-1252, Shift_JIS to windows-31j, GB2312 to GBK).
 *
 * <p>A pure function of bytes and header: no I/O. Not a general charset detector: the guess knows
 * only the encodings named above.
 */
public final class HtmlDecoder {
  /** How far into the body {@code <meta>} is looked for (jsoup looks only in the first 5 KiB). */
  static final int META_SCAN_BYTES = 64 * 1024;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** Multi-byte sequences that make all-valid UTF-8 bytes outweigh a {@code <meta>} naming another charset. */
  private static final int MIN_UTF8_EVIDENCE = 8;
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s;]+)");
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern META = Pattern.compile("(?i)<meta\\b[^>]*>");
  private static final Pattern META_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([^\\s\"';>/]+)");

  private HtmlDecoder() {}

  /** The text of the body, without a byte-order mark. */
  public static String decode(byte[] body, @Nullable String contentType) {
    Charset cs = charset(body, contentType);
    int skip = bomLength(body, cs);
    String text = new String(body, skip, body.length - skip, cs); // replaces bad bytes, never throws
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  public static Charset charset(byte[] body, @Nullable String contentType) {
    Charset bom = bom(body);
    if (bom != null) return bom;
    Charset header = supported(headerCharsetName(contentType), false);
    if (header != null && !header.equals(StandardCharsets.UTF_8)) return header;
    Utf8Stats utf8 = Utf8Stats.of(body);
    if (header != null) {
      if (utf8.valid()) return header;
      Charset meta = metaCharset(body);
      if (meta != null && !meta.equals(StandardCharsets.UTF_8)) return meta;
      return utf8.mostlyValid() ? header : CharsetGuess.guess(body);
    }
    Charset meta = metaCharset(body);
    // a copy re-saved as UTF-8 that kept its old <meta charset>: legacy text is never all valid UTF-8
    if (meta != null && !(utf8.valid() && utf8.multiByte() >= MIN_UTF8_EVIDENCE)) return meta;
    if (utf8.mostlyValid()) return StandardCharsets.UTF_8;
    return CharsetGuess.guess(body);
  }

  static @Nullable Charset bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) return StandardCharsets.UTF_16BE;
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) return StandardCharsets.UTF_16LE;
    return null;
  }

  private static int bomLength(byte[] body, Charset cs) {
    Charset bom = bom(body);
    if (bom == null || !bom.equals(cs)) return 0;
    return bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
  }

  static @Nullable String headerCharsetName(@Nullable String contentType) {
    if (contentType == null) return null;
    Matcher m = HEADER_CHARSET.matcher(contentType);
    if (!m.find()) return null;
    String v = m.group(1);
    if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) v = v.substring(1, v.length() - 1);
    return v.strip();
  }

  /** The charset named in a {@code <meta>} of the first 64 KiB, outside comments, if Java knows it. */
  static @Nullable Charset metaCharset(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    head = COMMENT.matcher(head).replaceAll("");
    Matcher tag = META.matcher(head);
    while (tag.find()) {
      Matcher cs = META_CHARSET.matcher(tag.group());
      if (cs.find()) {
        Charset c = supported(cs.group(1), true);
        if (c != null) return c;
      }
    }
    return null;
  }

  /**
   * A Java charset for a declared name, with the browser mappings; null for missing, bad or
   * unknown names.
   *
   * @param fromMeta a UTF-16 name found by scanning bytes as ASCII cannot be right: UTF-8 then
   */
  static @Nullable Charset supported(@Nullable String name, boolean fromMeta) {
    if (name == null || name.isBlank()) return null;
    String n = name.strip().toLowerCase(Locale.ROOT);
    switch (n) {
      case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp819" -> {
        return WINDOWS_1252;
      }
      case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "ms932", "cp932" -> {
        return Charset.forName("windows-31j");
      }
      case "gb2312", "x-gbk", "gbk", "csgb2312", "chinese" -> {
        return Charset.forName("GBK");
      }
      case "x-user-defined" -> {
        return WINDOWS_1252;
      }
      default -> {}
    }
    if (fromMeta && n.startsWith("utf-16")) return StandardCharsets.UTF_8;
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** Counts of well-formed multi-byte sequences and malformed bytes in UTF-8 terms. */
  record Utf8Stats(int multiByte, int malformed) {
    static Utf8Stats of(byte[] b) {
      int multi = 0;
      int bad = 0;
      int i = 0;
      while (i < b.length) {
        int c = b[i] & 0xff;
        int need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
        if (need == 0) {
          i++;
          continue;
        }
        if (need < 0 || !complete(b, i, need)) {
          bad++;
          i++;
          continue;
        }
        multi++;
        i += need + 1;
      }
      return new Utf8Stats(multi, bad);
    }

    private static boolean complete(byte[] b, int i, int need) {
      if (i + need >= b.length) return false;
      int lead = b[i] & 0xff;
      int second = b[i + 1] & 0xff;
      int lo = lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80; // no overlong forms
      int hi = lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf; // no surrogates, nothing past U+10FFFF
      if (second < lo || second > hi) return false;
      for (int k = 2; k <= need; k++) {
        if ((b[i + k] & 0xc0) != 0x80) return false;
      }
      return true;
    }

    boolean valid() {
      return malformed == 0;
    }

    /** Valid, or UTF-8 text with a few stray bytes rather than text in another charset. */
    boolean mostlyValid() {
      return malformed == 0 || (multiByte > 0 && multiByte >= 4 * malformed);
    }
  }
}
