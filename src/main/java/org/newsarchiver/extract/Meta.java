package org.newsarchiver.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's {@code <meta>} values by name: {@code name}, {@code property} and {@code itemprop} all
 * count as the name, and {@code value} stands in for a missing {@code content} (some re-serialized
 * pages carry it). The first non-empty value of a name wins. Immutable once read.
 */
final class Meta {
  private final Map<String, String> values;

  private Meta(Map<String, String> values) {
    this.values = values;
  }

  private static final String CACHE_KEY = "org.newsarchiver.extract.Meta";

  /** The page's meta values, read once per document and kept in its user data. */
  static Meta read(Document doc) {
    if (doc.attributes().userData(CACHE_KEY) instanceof Meta cached) return cached;
    Meta meta = scan(doc);
    doc.attributes().userData(CACHE_KEY, meta);
    return meta;
  }

  private static Meta scan(Document doc) {
    Map<String, String> values = new HashMap<>();
    for (Element m : doc.getElementsByTag("meta")) {
      String value = m.hasAttr("content") ? m.attr("content") : m.attr("value");
      String text = TextNormalizer.line(value);
      if (text == null) continue;
      put(values, m.attr("name"), text);
      put(values, m.attr("property"), text);
      put(values, m.attr("itemprop"), text);
      put(values, m.attr("http-equiv"), text);
    }
    return new Meta(values);
  }

  private static void put(Map<String, String> values, String key, String text) {
    if (!key.isEmpty()) values.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), text);
  }

  /** The normalized value of the first of {@code names} the page has, or null. */
  @Nullable String get(String... names) {
    for (String n : names) {
      String v = values.get(n);
      if (v != null) return v;
    }
    return null;
  }
}
