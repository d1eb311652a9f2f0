package org.newsarchiver.archive;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stable, file-name-safe id of an article, derived from its canonical URL: a short readable
 * slug of the last path segment and 12 hex digits of the URL's SHA-256. Only {@code [a-z0-9-]}
 * ever reaches a file name, so no URL can steer a path.
 */
public final class ArticleId {
  /** What an id looks like; anything else is refused where ids come from outside (CSV, requests). */
  public static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,60}[a-z0-9])?-[0-9a-f]{12}");

  private static final int SLUG_MAX = 48;

  private ArticleId() {}

  public static String of(URI url) {
    return slug(url) + "-" + sha256Hex(url.toString()).substring(0, 12);
  }

  public static boolean isValid(String id) {
    return VALID.matcher(id).matches();
  }

  private static String slug(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String last = "";
    for (String seg : path.split("/")) {
      if (!seg.isBlank()) last = seg;
    }
    int dot = last.lastIndexOf('.');
    if (dot > 0) last = last.substring(0, dot);
    StringBuilder out = new StringBuilder();
    boolean dash = false;
    for (char c : decode(last).toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && out.length() > 0) out.append('-');
        out.append(c);
        dash = false;
        if (out.length() >= SLUG_MAX) break;
      } else {
        dash = true;
      }
    }
    return out.length() == 0 ? "article" : out.toString();
  }

  private static String decode(String raw) {
    try {
      return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
