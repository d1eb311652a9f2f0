package org.newsarchiver.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One site's configuration, parsed once from {@code sites/<name>.yaml} and validated: which pages
 * to fetch, which links are articles, how to read the fields, how to behave towards the server.
 */
public record SiteConfig(
    String name,
    URI baseUrl,
    List<String> hosts,
    List<URI> startPages,
    List<URI> feeds,
    List<URI> sitemaps,
    Pattern articlePattern,
    @Nullable Pattern excludePattern,
    List<FieldSelector> nextPage,
    int maxPages,
    int maxArticles,
    Selectors selectors,
    DateSettings dates,
    @Nullable Pattern readCountPattern,
    RequestSettings request,
    String schedule) {

  /** Site names become folder names, so they are kept to a safe alphabet. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public SiteConfig {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name: '" + name + "' must be 1-64 of a-z 0-9 . _ - starting with a letter or digit");
    }
    hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    startPages = List.copyOf(startPages);
    feeds = List.copyOf(feeds);
    sitemaps = List.copyOf(sitemaps);
    nextPage = List.copyOf(nextPage);
  }

  /** Whether a link's host belongs to this site (its base host, its other hosts, or a subdomain of www-less base). */
  public boolean ownsHost(@Nullable String host) {
    if (host == null) return false;
    String h = host.toLowerCase(Locale.ROOT);
    for (String own : hosts) {
      if (h.equals(own)) return true;
    }
    return false;
  }

  /** Whether a URL is an article of this site by its pattern (and not excluded). */
  public boolean isArticleLink(URI url) {
    String s = url.toString();
    return articlePattern.matcher(s).find()
        && (excludePattern == null || !excludePattern.matcher(s).find());
  }
}
