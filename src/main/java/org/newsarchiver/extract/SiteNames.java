package org.newsarchiver.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;

/**
 * The names a page gives its site ({@code og:site_name}, {@code application-name}, the JSON-LD
 * publisher) and the distinctive labels of its host, to tell "… | Site" suffixes from title text.
 */
record SiteNames(List<String> names, List<String> hostLabels) {
  private static final Set<String> GENERIC_LABELS =
      Set.of("www", "www2", "news", "blog", "blogs", "home", "info", "online", "html", "com", "org",
          "net");

  static SiteNames of(Document doc, JsonLd ld, Meta meta) {
    List<String> names = new ArrayList<>();
    add(names, meta.get("og:site_name"));
    add(names, meta.get("application-name", "apple-mobile-web-app-title"));
    for (var o : ld.articles()) add(names, TextNormalizer.line(JsonLd.text(o.get("publisher"))));
    List<String> labels = new ArrayList<>();
    String host = host(doc.location());
    if (host != null) {
      for (String label : host.split("\\.")) {
        if (label.length() >= 3 && !GENERIC_LABELS.contains(label)) labels.add(letters(label));
      }
    }
    return new SiteNames(names, labels);
  }

  /** Whether a title part is the site's name: one of its names, or its host label. */
  boolean named(String part) {
    String p = part.strip();
    String key = letters(p);
    if (key.length() < 2) return false;
    for (String label : hostLabels) {
      if (key.equals(label) || key.equals(label + "com")) return true;
    }
    boolean shortPart = p.split(" ").length <= 4;
    for (String s : names) {
      String site = letters(s);
      if (site.length() < 2) continue;
      if (key.equals(site)) return true;
      if (shortPart && key.length() >= 3 && site.length() >= 3
          && (site.contains(key) || key.contains(site) && key.length() <= 2 * site.length())) {
        // a part that holds the site's name among as many other words is a title naming the site
        return true;
      }
    }
    return false;
  }

  /** Lower-cased letters and digits only: "Hello Giggles!" and "hellogiggles" compare equal. */
  static String letters(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(c -> b.appendCodePoint(Character.toLowerCase(c)));
    return b.toString();
  }

  private static void add(List<String> list, @Nullable String value) {
    if (value != null && !list.contains(value)) list.add(value);
  }

  private static @Nullable String host(String location) {
    try {
      String h = URI.create(location).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
