package org.newsarchiver.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides the media type of a response from its Content-Type and its first bytes: binary magic
 * numbers (PDF, PNG, JPEG, GIF, WebP, ZIP, gzip) win over any declared type, and a missing or
 * generic type ({@code application/octet-stream}) is guessed from the markup. Not a full
 * WHATWG sniffer: just enough to keep binaries out of the HTML pipeline. Stateless.
 */
public final class MediaSniffer {
  private MediaSniffer() {}

  /** The media type of a saved file by its bytes alone: a binary's magic number, else a guess from the markup. */
  public static String ofFile(byte[] body) {
    return effectiveType(null, body);
  }

  /** The bare media type of a Content-Type value, lower case, or null when absent or empty. */
  static @Nullable String essence(@Nullable String contentType) {
    if (contentType == null) return null;
    int semi = contentType.indexOf(';');
    String t = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    return t.isEmpty() || !t.contains("/") ? null : t;
  }

  /** A binary type recognised by its magic number, or null. */
  static @Nullable String magic(byte[] b) {
    if (startsWith(b, "%PDF-")) return "application/pdf";
    if (startsWith(b, "\u0089PNG\r\n\u001a\n")) return "image/png";
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) return "image/jpeg";
    if (startsWith(b, "GIF87a") || startsWith(b, "GIF89a")) return "image/gif";
    if (startsWith(b, "RIFF") && b.length >= 12 && new String(b, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) return "image/webp";
    if (startsWith(b, "PK\u0003\u0004")) return "application/zip";
    if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) return "application/gzip";
    return null;
  }

  /** The type to judge the response by: magic first, then the declared type, then the markup. */
  static String effectiveType(@Nullable String contentType, byte[] body) {
    String magic = magic(body);
    if (magic != null) return magic;
    String declared = essence(contentType);
    if (declared != null && !declared.equals("application/octet-stream")) return declared;
    return guessText(body);
  }

  private static String guessText(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
    String t = head.replace("\u00ef\u00bb\u00bf", "").stripLeading().toLowerCase(Locale.ROOT);
    if (t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<head")
        || t.startsWith("<body") || t.startsWith("<!--") || t.contains("<html")) {
      return "text/html";
    }
    if (t.startsWith("<?xml") || t.startsWith("<rss") || t.startsWith("<feed") || t.startsWith("<urlset")
        || t.startsWith("<sitemapindex")) {
      return "application/xml";
    }
    if (head.indexOf('\0') >= 0) return "application/octet-stream";
    return t.startsWith("<") ? "text/html" : "text/plain";
  }

  private static boolean startsWith(byte[] b, String prefix) {
    if (b.length < prefix.length()) return false;
    for (int i = 0; i < prefix.length(); i++) {
      if ((b[i] & 0xff) != prefix.charAt(i)) return false;
    }
    return true;
  }
}
