package org.newsarchiver.extract;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one page says about itself, every field normalized text; a field the page does not give is
 * {@code null} (or an empty list), never guessed.
 */
public record Article(
    URI url,
    @Nullable URI canonicalUrl,
    @Nullable String title,
    @Nullable PublishedDate published,
    @Nullable DateSource dateSource,
    @Nullable Long readCount,
    List<String> authors,
    @Nullable String language,
    @Nullable String source,
    List<String> paragraphs,
    PageStatus status) {

  public Article {
    authors = List.copyOf(authors);
    paragraphs = List.copyOf(paragraphs);
  }

  /** The body as normalized text: paragraphs separated by one blank line, no final newline. */
  public String bodyText() {
    return String.join("\n\n", paragraphs);
  }

  public boolean isArticle() {
    return status == PageStatus.OK;
  }
}
