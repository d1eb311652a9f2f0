package org.newsarchiver.archive;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An extracted article handed to the archive: normalized values only, nothing HTML. */
public record NewArticle(
    URI url,
    @Nullable String title,
    @Nullable String published,
    @Nullable String dateSource,
    @Nullable Long readCount,
    List<String> authors,
    @Nullable String language,
    @Nullable String source,
    Instant fetchedAt,
    List<String> paragraphs) {

  public NewArticle {
    authors = List.copyOf(authors);
    paragraphs = List.copyOf(paragraphs);
  }

  public ArticleText text() {
    return new ArticleText(title, paragraphs);
  }
}
