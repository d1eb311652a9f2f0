package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleIdTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://news.example/world/north-korean-troops-in-kursk.html | north-korean-troops-in-kursk-",
        "https://news.example/../../etc/passwd                        | passwd-",
        "https://news.example/a/%2e%2e%2F%2e%2e%2Fetc                 | etc-",
        "https://news.example/C:%5CWindows%5Csystem32                 | c-windows-system32-",
        "https://news.example/nul%00byte                              | nul-byte-",
        "https://news.example/CON                                     | con-",
        "https://news.example/                                        | article-",
        "https://news.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8 | article-",
        "https://news.example/story?id=44233864                       | story-",
      })
  void makesAFileNameSafeIdFromTheUrl(String url, String prefix) {
    String id = ArticleId.of(URI.create(url));
    assertThat(id).startsWith(prefix).matches(ArticleId.VALID.pattern());
    assertThat(id).hasSize(prefix.length() + 12);
  }

  @ParameterizedTest
  @CsvSource({"https://news.example/a/b", "https://news.example/a/b?page=2"})
  void isStableForOneUrlAndDiffersBetweenUrls(String url) {
    assertThat(ArticleId.of(URI.create(url))).isEqualTo(ArticleId.of(URI.create(url)));
    assertThat(ArticleId.of(URI.create(url))).isNotEqualTo(ArticleId.of(URI.create(url + "x")));
  }

  @ParameterizedTest
  @CsvSource({"https://news.example/" + "very-long-segment-very-long-segment-very-long-segment-very-long-segment-very-long"})
  void keepsTheSlugShort(String url) {
    assertThat(ArticleId.of(URI.create(url)).length()).isLessThanOrEqualTo(48 + 13);
  }
}
