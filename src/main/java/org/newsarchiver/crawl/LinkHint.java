package org.newsarchiver.crawl;

import org.jspecify.annotations.Nullable;
import org.newsarchiver.extract.DateSource;
import org.newsarchiver.extract.PublishedDate;

/**
 * What a feed item or a Google News sitemap entry says about an article before it is fetched: its
 * publication date and title. Used only where the page itself gives none.
 *
 * @param source {@link DateSource#FEED} or {@link DateSource#SITEMAP}
 */
public record LinkHint(@Nullable PublishedDate published, @Nullable String title, DateSource source) {
  public static final LinkHint NONE = new LinkHint(null, null, DateSource.FEED);

  public LinkHint {
    if (source != DateSource.FEED && source != DateSource.SITEMAP) {
      throw new IllegalArgumentException("source: must be feed or sitemap, not " + source.label());
    }
    if (title != null && title.isBlank()) title = null;
  }

  public boolean isEmpty() {
    return published == null && title == null;
  }
}
