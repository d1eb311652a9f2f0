package org.newsarchiver.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Test pages under {@code src/test/resources/extract/}. */
final class Fixtures {
  private Fixtures() {}

  static String html(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/extract/" + path)) {
      if (in == null) throw new IllegalArgumentException("no fixture extract/" + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document doc(String path, String url) {
    return Jsoup.parse(html(path), url);
  }
}
