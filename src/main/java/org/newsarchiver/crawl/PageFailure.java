package org.newsarchiver.crawl;

import java.net.URI;

/**
 * A URL that could not be archived, with a cause from a small fixed set (timeout, refused, http-4xx,
 * not-html, not-article, ...) that scripts can match, and a short human detail.
 */
public record PageFailure(URI url, String cause, String detail) {

  /** The one-line form every error takes: {@code error CAUSE URL: detail}. */
  public String line() {
    return "error " + cause + " " + url + ": " + detail;
  }
}
