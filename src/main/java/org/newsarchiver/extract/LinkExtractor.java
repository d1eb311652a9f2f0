package org.newsarchiver.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsarchiver.config.FieldSelector;

/** Reads the links of a listing page and its next-page link. Pure: no fetching, no filtering by site. */
public final class LinkExtractor {
  private LinkExtractor() {}

  /** The links of a listing page. */
  public record Links(List<URI> links, List<URI> nextPages) {}

  /** Every distinct absolute http(s) link of the page, in page order, and the next-page links. */
  public static Links read(HtmlPage page, List<FieldSelector> nextPage) {
    Document doc = Jsoup.parse(page.html(), page.url().toString());
    Set<URI> links = new LinkedHashSet<>();
    for (Element a : doc.select("a[href], area[href]")) {
      URI uri = absolute(a.absUrl("href"));
      if (uri != null) links.add(uri);
    }
    List<URI> next = new ArrayList<>();
    for (FieldSelector s : nextPage) {
      for (Element e : doc.select(s.css())) {
        String attr = s.attribute() == null ? "href" : s.attribute();
        URI uri = absolute(e.absUrl(attr));
        if (uri != null && !next.contains(uri)) next.add(uri);
      }
      if (!next.isEmpty()) break;
    }
    return new Links(List.copyOf(links), List.copyOf(next));
  }

  private static URI absolute(String href) {
    if (href.isEmpty()) return null;
    try {
      URI uri = new URI(href.strip().replace(" ", "%20"));
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) return null;
      if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) return null;
      return uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
