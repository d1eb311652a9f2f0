package org.newsarchiver.extract;

import java.util.Locale;

/** Where a publication date was found, so users know how far to trust it. */
public enum DateSource {
  SELECTOR,
  JSON_LD,
  META,
  TIME,
  URL,
  TEXT,
  FEED,
  SITEMAP;

  /** The CSV and JSON form: {@code json-ld}, {@code meta}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static DateSource fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
