package org.newsarchiver.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
  static final URI URL = URI.create("https://news.example/sitemap.xml");

  @Test
  void refusesADocumentWithADoctypeSoNoExternalEntityIsRead() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://news.example/&x;</loc></url></urlset>";
    assertThatThrownBy(() -> new SitemapReader().read(URL, "application/xml", xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("https://news.example/sitemap.xml: not a sitemap or feed: ");
  }

  @Test
  void readsAtomEntriesWithTheirUpdatedTimeAsPublicationHint() throws IOException {
    String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>N</title>"
        + "<entry><title>A</title><link href=\"https://news.example/a\"/><updated>2024-10-28T14:05:00Z</updated></entry></feed>";
    SitemapReader.Listing l = new SitemapReader().read(URL, "application/atom+xml", atom.getBytes(StandardCharsets.UTF_8));
    assertThat(l.feed()).isTrue();
    assertThat(l.entries()).containsExactly(new SitemapReader.Entry(
        URI.create("https://news.example/a"), OffsetDateTime.parse("2024-10-28T14:05:00Z"), null));
  }
}
