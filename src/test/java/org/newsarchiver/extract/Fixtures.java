package org.newsarchiver.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Loads the HTML fixtures under {@code src/test/resources/extract/}, parses and extracts them. */
final class Fixtures {
  static final Instant FETCHED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private Fixtures() {}

  static String html(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/extract/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture extract/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document doc(String name, String url) {
    return Jsoup.parse(html(name), url);
  }

  static Article extract(String name, String url) {
    return new ArticleExtractor().extract(new HtmlPage(URI.create(url), html(name), FETCHED_AT), null);
  }

  static Article extract(String name) {
    return extract(name, "https://www.example.com/news/" + name);
  }
}
