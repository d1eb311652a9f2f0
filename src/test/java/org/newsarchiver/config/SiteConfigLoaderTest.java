package org.newsarchiver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteConfigLoaderTest {
  private static final Path DIR = Path.of("src/test/resources/config");
  private final SiteConfigLoader loader = new SiteConfigLoader();

  @Test
  void readsEveryFieldOfAFullConfig() throws Exception {
    SiteConfig s = loader.load(DIR.resolve("good.yaml"));
    assertThat(s.name()).isEqualTo("good-site");
    assertThat(s.baseUrl()).isEqualTo(URI.create("https://news.example/"));
    assertThat(s.hosts()).containsExactly("news.example", "www.news.example");
    assertThat(s.startPages())
        .containsExactly(URI.create("https://news.example/world/"), URI.create("https://news.example/politics/"));
    assertThat(s.isArticleLink(URI.create("https://news.example/2024/10/troops-in-kursk"))).isTrue();
    assertThat(s.isArticleLink(URI.create("https://news.example/video/2024/10/clip"))).isFalse();
    assertThat(s.nextPage()).containsExactly(new FieldSelector("a.next", "href"));
    assertThat(s.maxPages()).isEqualTo(3);
    assertThat(s.selectors().title())
        .containsExactly(new FieldSelector("h1.headline", null), new FieldSelector("meta[property=og:title]", "content"));
    assertThat(s.selectors().drop()).containsExactly(".share", ".related");
    assertThat(s.dates().formats()).containsExactly("d MMMM yyyy", "dd.MM.yyyy HH:mm");
    assertThat(s.dates().locale()).isEqualTo(Locale.forLanguageTag("en-GB"));
    assertThat(s.dates().zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(s.readCountPattern().pattern()).isEqualTo("Read:\\s*([\\d ,.]+)");
    assertThat(s.request())
        .isEqualTo(new RequestSettings(null, URI.create("https://ops.example/contact"), Duration.ofMillis(1500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), 3, 2L << 20, 2));
    assertThat(s.schedule()).isEqualTo("0 0/30 * * * ?");
    assertThat(s.driftThreshold()).isEqualTo(0.3);
  }

  @Test
  void fillsDefaultsForAMinimalConfig() throws Exception {
    SiteConfig s = loader.load(DIR.resolve("minimal.yaml"));
    assertThat(s.startPages()).containsExactly(URI.create("https://minimal.example/"));
    assertThat(s.selectors()).isEqualTo(Selectors.NONE);
    assertThat(s.dates()).isEqualTo(DateSettings.DEFAULT);
    assertThat(s.request()).isEqualTo(RequestSettings.DEFAULT);
    assertThat(s.maxPages()).isEqualTo(Limits.MAX_PAGES);
    assertThat(s.schedule()).isEqualTo(Limits.DEFAULT_SCHEDULE);
    assertThat(s.driftThreshold()).isEqualTo(Limits.DRIFT_THRESHOLD);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown-field.yaml  | selectors.titel: unknown field; known fields here are author, body, date, drop, read_count, source, title",
        "bad-regex.yaml      | article_pattern: '/news/(\\d+' is not a regular expression: Unclosed group near index 10",
        "bad-selector.yaml   | selectors.title[1]: 'div[class=' is not a CSS selector",
        "bad-date-format.yaml| dates.formats[1]: 'qqqq-bb' is not a date pattern",
        "missing-pattern.yaml| article_pattern: missing required field; add e.g. article_pattern: '/news/\\d+'",
        "bad-zone.yaml       | dates.time_zone: 'Mars/Olympus' is not a time zone; write e.g. Europe/Paris or UTC",
        "bad-duration.yaml   | request.delay: 'soon' is not a duration; write e.g. 500ms, 1s, 1.5s, 2m or 1h",
        "bad-yaml.yaml       | not valid YAML",
        "bad-url.yaml        | base_url: 'ftp://x.example/' is not an http(s) URL; write e.g. https://example.org/news/",
        "bad-drift.yaml      | drift_threshold: 'lots' is not a share from 0 to 1; write e.g. 0.2 or 20%",
        "bad-cron.yaml       | schedule: 'every hour' is not a Quartz cron expression; write e.g. '0 0/30 * * * ?'",
      })
  void refusesABadConfigNamingFileAndField(String file, String message) {
    Path path = DIR.resolve(file);
    assertThatThrownBy(() -> loader.load(path))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(path + ": " + message);
  }

  @Test
  void loadsTheGoodSitesOfAFolderAndReportsTheBadOnes(@TempDir Path dir) throws Exception {
    Files.copy(DIR.resolve("minimal.yaml"), dir.resolve("a.yaml"));
    Files.copy(DIR.resolve("bad-regex.yaml"), dir.resolve("b.yaml"));
    Files.writeString(dir.resolve("notes.txt"), "not a config");
    SiteConfigLoader.Loaded loaded = loader.loadAll(dir);
    assertThat(loaded.sites()).extracting(SiteConfig::name).containsExactly("minimal");
    assertThat(loaded.errors()).extracting(ConfigException::file).containsExactly(dir.resolve("b.yaml").toString());
  }

  @Test
  void refusesTwoFilesWithOneName(@TempDir Path dir) throws Exception {
    Files.copy(DIR.resolve("minimal.yaml"), dir.resolve("a.yaml"));
    Files.copy(DIR.resolve("minimal.yaml"), dir.resolve("b.yaml"));
    SiteConfigLoader.Loaded loaded = loader.loadAll(dir);
    assertThat(loaded.sites()).hasSize(1);
    assertThat(loaded.errors()).extracting(Exception::getMessage)
        .containsExactly(dir.resolve("b.yaml") + ": name: 'minimal' is already used by another file");
  }

  @Test
  void splitsAttributeFromSelectorOutsideBrackets() {
    assertThat(FieldSelector.parse("meta[property=article:published_time]@content"))
        .isEqualTo(new FieldSelector("meta[property=article:published_time]", "content"));
    assertThat(FieldSelector.parse("a[href*='@']")).isEqualTo(new FieldSelector("a[href*='@']", null));
    assertThat(List.of(FieldSelector.parse("h1"))).containsExactly(new FieldSelector("h1", null));
  }
}
