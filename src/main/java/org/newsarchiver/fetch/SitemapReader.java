package org.newsarchiver.fetch;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the bytes of an XML sitemap, sitemap index, Google News sitemap (gzip too), RSS 2.0 or Atom
 * feed with crawler-commons' {@link SiteMapParser}: DTDs refused (so no external entities), lenient
 * about namespaces and paths (the caller decides which URLs belong to the site). Never fetches.
 *
 * <p>Not thread-safe (one parser per instance); cheap to create.
 */
public final class SitemapReader {
  private final SiteMapParser parser;

  public SitemapReader() {
    parser = new SiteMapParser(false);
    parser.setAllowDocTypeDefinitions(false);
    parser.setStrictNamespace(false);
    parser.enableExtension(Extension.NEWS);
  }

  /** One URL a sitemap or feed lists, with the publication date and title it gives, if any. */
  public record Entry(URI url, @Nullable OffsetDateTime published, @Nullable String title) {}

  /**
   * What one document lists: article URLs, or (for an index) further sitemaps.
   *
   * @param feed whether the document was an RSS or Atom feed (its item dates are publication dates)
   */
  public record Listing(List<Entry> entries, List<URI> sitemaps, boolean feed) {
    public Listing {
      entries = List.copyOf(entries);
      sitemaps = List.copyOf(sitemaps);
    }
  }

  /**
   * Parses one document.
   *
   * @throws IOException naming the URL when the bytes are no sitemap or feed
   */
  public Listing read(URI url, @Nullable String contentType, byte[] body) throws IOException {
    AbstractSiteMap map;
    try {
      String type = contentType == null ? "text/xml" : contentType;
      map = parser.parseSiteMap(type, body, url.toURL());
    } catch (UnknownFormatException | MalformedURLException | IllegalArgumentException e) {
      throw new IOException(url + ": not a sitemap or feed: " + e.getMessage(), e);
    }
    if (map instanceof SiteMapIndex index) {
      List<URI> children = new ArrayList<>();
      for (AbstractSiteMap child : index.getSitemaps()) {
        URI u = toUri(child.getUrl());
        if (u != null) children.add(u);
      }
      return new Listing(List.of(), children, false);
    }
    SiteMap sitemap = (SiteMap) map;
    boolean feed =
        sitemap.getType() == AbstractSiteMap.SitemapType.RSS || sitemap.getType() == AbstractSiteMap.SitemapType.ATOM;
    List<Entry> entries = new ArrayList<>();
    for (SiteMapURL s : sitemap.getSiteMapUrls()) {
      URI u = toUri(s.getUrl());
      if (u == null) continue;
      OffsetDateTime published = null;
      String title = null;
      ExtensionMetadata[] news = s.getAttributesForExtension(Extension.NEWS);
      if (news != null) {
        for (ExtensionMetadata m : news) {
          if (m instanceof NewsAttributes n) {
            if (n.getPublicationDateTime() != null) published = n.getPublicationDateTime().toOffsetDateTime();
            if (n.getTitle() != null && !n.getTitle().isBlank()) title = n.getTitle().strip();
          }
        }
      }
      if (published == null && feed && s.getLastModified() != null) {
        published = s.getLastModified().toInstant().atOffset(ZoneOffset.UTC);
      }
      entries.add(new Entry(u, published, title));
    }
    return new Listing(entries, List.of(), feed);
  }

  private static @Nullable URI toUri(java.net.@Nullable URL url) {
    if (url == null) return null;
    try {
      return url.toURI();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
