package org.newsarchiver.extract;

import java.util.Locale;

/** What kind of page the extractor found: an article, or why it is not one. */
public enum PageStatus {
  OK,
  NOT_ARTICLE,
  PAYWALLED,
  BLOCKED,
  NEEDS_JAVASCRIPT,
  EMPTY;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static PageStatus fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
