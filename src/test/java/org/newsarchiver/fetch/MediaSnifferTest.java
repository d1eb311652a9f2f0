package org.newsarchiver.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The media type a response is judged by: magic numbers over labels, markup when unlabelled. */
class MediaSnifferTest {
  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "text/html; charset=utf-8 | <html>                       | text/html",
    "TEXT/HTML                | <p>                          | text/html",
    "text/html                | %PDF-1.7                     | application/pdf",
    "text/html                | GIF89a...                    | image/gif",
    "                         | <!doctype html><html>        | text/html",
    "                         | '  <html lang=en>'           | text/html",
    "application/octet-stream | <html>                       | text/html",
    "                         | <?xml version='1.0'?><rss>   | application/xml",
    "                         | User-agent: *                | text/plain",
    "application/rss+xml      | <rss/>                       | application/rss+xml",
    "application/json         | {}                           | application/json",
  })
  void decidesEffectiveType(String contentType, String body, String expected) {
    assertThat(MediaSniffer.effectiveType(contentType, body.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"89504E470D0A1A0A, image/png", "FFD8FFE0, image/jpeg", "504B0304, application/zip", "1F8B08, application/gzip"})
  void recognisesBinaryMagic(String hex, String type) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    assertThat(MediaSniffer.magic(b)).isEqualTo(type);
  }
}
