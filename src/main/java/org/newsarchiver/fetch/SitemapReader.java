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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.Limits;
import org.xml.sax.SAXParseException;

/**
 * Reads the bytes of an XML sitemap, sitemap index, Google News sitemap (gzip too), RSS 2.0 or Atom
 * feed with crawler-commons' {@link SiteMapParser}: DTDs refused (so no entity is expanded and no
 * external one read), lenient about namespaces and paths (the caller decides which URLs belong to
 * the site). Takes at most {@code maxUrls} URLs from one document (the rest are parsed past, not
 * kept) and inflates a gzipped one to at most {@code maxBytes}. A document cut short (by the
 * fetch size limit or the inflate limit) gives the entries before the cut; a whole document that
 * is not well-formed is refused. Never fetches.
 *
 * <p>Not thread-safe (one parser pair and URL count per instance); cheap to create.
 */
public final class SitemapReader {
  private final SiteMapParser whole;
  private final SiteMapParser partial;
  private final int maxUrls;
  private final long maxBytes;
  private int listed;
  private @Nullable String lastListed;

  /** A reader with the default limits, {@link Limits#MAX_URLS_PER_SITEMAP} and {@link Limits#MAX_BODY_BYTES}. */
  public SitemapReader() {
    this(Limits.MAX_URLS_PER_SITEMAP, Limits.MAX_BODY_BYTES);
  }

  /**
   * @param maxUrls URLs (entries or child sitemaps) kept from one document
   * @param maxBytes the largest size a gzipped document is inflated to; the rest is not read
   */
  public SitemapReader(int maxUrls, long maxBytes) {
    if (maxUrls < 1) throw new IllegalArgumentException("maxUrls: must be at least 1, was " + maxUrls);
    if (maxBytes < 1) throw new IllegalArgumentException("maxBytes: must be at least 1, was " + maxBytes);
    this.maxUrls = maxUrls;
    this.maxBytes = maxBytes;
    this.whole = parser(false);
    this.partial = parser(true);
  }

  private SiteMapParser parser(boolean allowPartial) {
    SiteMapParser p = new SiteMapParser(false, allowPartial);
    p.setAllowDocTypeDefinitions(false);
    p.setStrictNamespace(false);
    p.enableExtension(Extension.NEWS);
    // Called as each URL is read: past the cap, URLs are dropped there and never listed. A URL it
    // refused comes back once per later end tag of its entry, so a repeat in a row counts once.
    p.setURLFilter((String u) -> {
      if (!u.equals(lastListed)) {
        listed++;
        lastListed = u;
      }
      return listed <= maxUrls ? u : null;
    });
    return p;
  }

  /** One URL a sitemap or feed lists, with the publication date and title it gives, if any. */
  public record Entry(URI url, @Nullable OffsetDateTime published, @Nullable String title) {}

  /**
   * What one document lists: article URLs, or (for an index) further sitemaps.
   *
   * @param feed whether the document was an RSS or Atom feed (its item dates are publication dates)
   * @param listed the URLs (entries or child sitemaps) the document gave in the part read, taken or not
   * @param overCap whether it listed more than the URL cap: those past the cap were dropped
   * @param bytesCut whether its bytes ended before the document did: cut by the fetch size limit, or
   *     a gzipped one inflated to the size limit and no further
   */
  public record Listing(
      List<Entry> entries, List<URI> sitemaps, boolean feed, int listed, boolean overCap, boolean bytesCut) {
    public Listing {
      entries = List.copyOf(entries);
      sitemaps = List.copyOf(sitemaps);
    }

    /** Whether the document listed more than was taken: it was cut short, or listed more than the URL cap. */
    public boolean cut() {
      return overCap || bytesCut;
    }
  }

  /** A document that is no sitemap or feed; the detail says why and does not repeat the URL. */
  public static final class BadDocumentException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String detail;

    BadDocumentException(URI url, String detail, Throwable cause) {
      super(url + ": " + detail, cause);
      this.detail = detail;
    }

    public String detail() {
      return detail;
    }
  }

  /** Parses one whole document; see {@link #read(URI, String, byte[], boolean)}. */
  public Listing read(URI url, @Nullable String contentType, byte[] body) throws BadDocumentException {
    return read(url, contentType, body, false);
  }

  /**
   * Parses one document.
   *
   * @param cut whether {@code body} is only the first part of the document
   * @throws BadDocumentException when the bytes are no sitemap or feed, not well-formed, or have a DOCTYPE
   */
  public Listing read(URI url, @Nullable String contentType, byte[] body, boolean cut) throws BadDocumentException {
    String type = contentType == null ? "text/xml" : contentType;
    if (isGzip(body)) {
      Inflated in = inflate(url, body);
      body = in.bytes();
      cut |= in.cut();
      type = "application/xml";
    }
    listed = 0;
    lastListed = null;
    AbstractSiteMap map;
    try {
      map = (cut ? partial : whole).parseSiteMap(type, body, url.toURL());
    } catch (UnknownFormatException | MalformedURLException | IllegalArgumentException e) {
      throw new BadDocumentException(url, why(e), e);
    } catch (IOException e) {
      throw new BadDocumentException(url, "unreadable: " + e.getMessage(), e);
    }
    boolean overCap = listed > maxUrls;
    if (map instanceof SiteMapIndex index) {
      List<URI> children = new ArrayList<>();
      for (AbstractSiteMap child : index.getSitemaps()) {
        URI u = toUri(child.getUrl());
        if (u != null) children.add(u);
      }
      return new Listing(List.of(), children, false, listed, overCap, cut);
    }
    SiteMap sitemap = (SiteMap) map;
    boolean feed =
        sitemap.getType() == AbstractSiteMap.SitemapType.RSS || sitemap.getType() == AbstractSiteMap.SitemapType.ATOM;
    List<Entry> entries = new ArrayList<>();
    for (SiteMapURL s : sitemap.getSiteMapUrls()) {
      if (entries.size() >= maxUrls) { // the RSS reader keeps the items the filter refused
        overCap = true;
        break;
      }
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
    return new Listing(entries, List.of(), feed, listed, overCap, cut);
  }

  /** The one-line reason, from the XML parser's own message when there is one. */
  private static String why(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SAXParseException p) {
        String m = p.getMessage() == null ? "" : p.getMessage().strip();
        if (m.startsWith("DOCTYPE is disallowed")) {
          return "has a DOCTYPE, refused so that no entity is expanded or read (line " + p.getLineNumber()
              + ", column " + p.getColumnNumber() + ")";
        }
        return "malformed XML at line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ": "
            + m.replaceAll("\\s+", " ");
      }
    }
    return "not a sitemap, sitemap index, RSS or Atom feed";
  }

  private record Inflated(byte[] bytes, boolean cut) {}

  private Inflated inflate(URI url, byte[] gz) throws BadDocumentException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16 * 1024];
    long total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      int n;
      while ((n = in.read(buf)) != -1) {
        if (total + n > maxBytes) {
          out.write(buf, 0, (int) (maxBytes - total));
          return new Inflated(out.toByteArray(), true);
        }
        total += n;
        out.write(buf, 0, n);
      }
      return new Inflated(out.toByteArray(), false);
    } catch (java.io.EOFException e) {
      return new Inflated(out.toByteArray(), true); // a gzip stream cut by the fetch limit
    } catch (IOException e) {
      throw new BadDocumentException(url, "broken gzip: " + e.getMessage(), e);
    }
  }

  private static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
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
