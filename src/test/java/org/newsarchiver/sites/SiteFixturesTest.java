package org.newsarchiver.sites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsarchiver.config.ConfigException;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.extract.Article;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;
import org.newsarchiver.extract.PageStatus;

/**
 * Every shipped site config against its saved pages: for each folder {@code
 * src/test/resources/sites/<name>/}, loads {@code sites/<name>.yaml}, extracts each {@code
 * article-N.html} and compares it with {@code article-N.expected.json}. Adding a site is a YAML file
 * and a folder, no Java.
 *
 * <p>Expected-file fields (absent means "not checked"): {@code url} (required; the page's address,
 * which must match the site's {@code article_pattern}), {@code status} (the page status label;
 * absent means {@code ok}), {@code title} (exact after whitespace
 * normalization), {@code published} with {@code published_precision} (same calendar day, see
 * {@link ExpectedDay}), {@code text} (the exact body, paragraphs joined by a blank line), {@code
 * text_prefix} (a contiguous run of the body after entity decoding, NFKC and whitespace collapse),
 * {@code author} (the names as the corpus writes them, "A, B and C", split at commas and "and",
 * equal to the extracted list after whitespace normalization), {@code readCount} and {@code source}
 * (exact).
 */
class SiteFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/sites");
  private static final Path SITES = Path.of("sites");
  private static final Instant FETCHED_AT = Instant.parse("2026-01-15T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> fixtures() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> folders = Files.list(FIXTURES)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("article-\\d+\\.html"))
              .sorted()
              .forEach(n -> out.add(Arguments.of(folder.getFileName().toString(), n)));
        }
      }
    }
    return out.stream();
  }

  @Test
  void loadsEveryShippedConfigWithoutErrors() throws IOException {
    SiteConfigLoader.Loaded loaded = new SiteConfigLoader().loadAll(SITES);

    assertThat(loaded.errors()).extracting(ConfigException::getMessage).isEmpty();
    try (Stream<Path> files = Files.list(SITES)) {
      assertThat(loaded.sites()).hasSize((int) files.filter(p -> p.toString().endsWith(".yaml")).count());
    }
  }

  @Test
  void everyShippedConfigIsNamedAfterItsFileAndHasAFixtureFolder() throws IOException {
    for (SiteConfig site : new SiteConfigLoader().loadAll(SITES).sites()) {
      assertThat(SITES.resolve(site.name() + ".yaml")).as(site.name()).exists();
      assertThat(FIXTURES.resolve(site.name()).resolve("article-1.html")).as(site.name()).exists();
    }
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("fixtures")
  void extractsWhatTheFixtureExpects(String siteName, String htmlFile) throws Exception {
    SiteConfig site = new SiteConfigLoader().load(SITES.resolve(siteName + ".yaml"));
    Path folder = FIXTURES.resolve(siteName);
    JsonNode expected =
        JSON.readTree(folder.resolve(htmlFile.replace(".html", ".expected.json")).toFile());
    URI url = URI.create(expected.get("url").asText());
    String html = HtmlDecoder.decode(Files.readAllBytes(folder.resolve(htmlFile)), null);

    Article article = new ArticleExtractor().extract(new HtmlPage(url, html, FETCHED_AT), site);

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(site.name()).as("name").isEqualTo(siteName);
    soft.assertThat(site.ownsHost(url.getHost())).as("site owns host of %s", url).isTrue();
    soft.assertThat(site.isArticleLink(url)).as("article_pattern matches %s", url).isTrue();
    soft.assertThat(article.status().label())
        .as("status")
        .isEqualTo(expected.path("status").asText(PageStatus.OK.label()));
    if (expected.has("title")) {
      soft.assertThat(FixtureText.spaces(article.title()))
          .as("title")
          .isEqualTo(FixtureText.spaces(expected.get("title").asText()));
    }
    if (expected.has("published")) {
      ExpectedDay day =
          new ExpectedDay(
              expected.get("published").asText(),
              expected.path("published_precision").asText("day"));
      String predicted = article.published() == null ? null : article.published().iso();
      soft.assertThat(day.accepts(predicted))
          .as("published %s should be on %s", predicted, day)
          .isTrue();
    }
    if (expected.has("text")) {
      soft.assertThat(article.bodyText()).as("body").isEqualTo(expected.get("text").asText());
    }
    if (expected.has("text_prefix")) {
      soft.assertThat(FixtureText.comparable(article.bodyText()))
          .as("body contains text_prefix")
          .contains(FixtureText.comparable(expected.get("text_prefix").asText()));
    }
    if (expected.has("author")) {
      soft.assertThat(article.authors().stream().map(FixtureText::spaces).toList())
          .as("authors")
          .isEqualTo(FixtureText.names(expected.get("author").asText()));
    }
    if (expected.has("readCount")) {
      soft.assertThat(article.readCount()).as("readCount").isEqualTo(expected.get("readCount").asLong());
    }
    if (expected.has("source")) {
      soft.assertThat(article.source()).as("source").isEqualTo(expected.get("source").asText());
    }
    soft.assertAll();
  }
}
