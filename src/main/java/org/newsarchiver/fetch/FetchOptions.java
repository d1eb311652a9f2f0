package org.newsarchiver.fetch;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What one fetch accepts beyond its site's {@code RequestSettings}: the media types wanted, the
 * validators of a copy we already hold, and how far to trust the addresses it leads to.
 *
 * @param acceptedTypes media types the body may have, e.g. {@code text/html}; {@code text/*} and
 *     {@code *}{@code /*} are wildcards; a response of another type fails with {@code NOT_HTML}
 * @param ifNoneMatch the ETag of the copy we hold, sent as If-None-Match; null to send none
 * @param ifModifiedSince the Last-Modified of the copy we hold, sent as If-Modified-Since
 * @param firstHopTrusted true when the user named the URL (a site's start page): its host and
 *     port may be private or loopback; redirects elsewhere are still checked. False for URLs
 *     found in pages, feeds and sitemaps: then every hop is checked
 * @param allowPrivate true to reach private, loopback and link-local addresses on every hop
 * @param truncate true to cut a body over the size limit at the limit (the response then says
 *     {@link FetchResponse#truncated()}) rather than refuse it: for robots.txt, sitemaps and feeds,
 *     whose first part is useful on its own. Either way no more than the limit is read
 */
public record FetchOptions(
    List<String> acceptedTypes,
    @Nullable String ifNoneMatch,
    @Nullable String ifModifiedSince,
    boolean firstHopTrusted,
    boolean allowPrivate,
    boolean truncate) {

  public static final List<String> HTML_TYPES = List.of("text/html", "application/xhtml+xml");
  public static final List<String> XML_TYPES =
      List.of("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml");

  public FetchOptions {
    if (acceptedTypes.isEmpty()) throw new IllegalArgumentException("acceptedTypes: empty; give e.g. text/html");
    acceptedTypes = acceptedTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** An article or listing page: HTML only, the URL named by the user. */
  public static FetchOptions html() {
    return new FetchOptions(HTML_TYPES, null, null, true, false, false);
  }

  /** A feed or sitemap: XML types, plus HTML and plain text that some servers label it with. */
  public static FetchOptions xml() {
    return new FetchOptions(
        concat(XML_TYPES, List.of("text/html", "text/plain", "application/gzip", "application/x-gzip")),
        null, null, true, false, false);
  }

  /** robots.txt and other plain text. */
  public static FetchOptions text() {
    return new FetchOptions(List.of("text/plain", "text/html"), null, null, true, false, false);
  }

  /** Any media type at all. */
  public static FetchOptions anyType() {
    return new FetchOptions(List.of("*/*"), null, null, true, false, false);
  }

  public FetchOptions withAcceptedTypes(List<String> types) {
    return new FetchOptions(types, ifNoneMatch, ifModifiedSince, firstHopTrusted, allowPrivate, truncate);
  }

  /** Sends the validators of a copy we hold (either may be null); a 304 then comes back as not-modified. */
  public FetchOptions conditional(@Nullable String etag, @Nullable String lastModified) {
    return new FetchOptions(acceptedTypes, etag, lastModified, firstHopTrusted, allowPrivate, truncate);
  }

  /** Revalidates a copy from an earlier response, with its ETag and Last-Modified. */
  public FetchOptions revalidating(FetchResponse previous) {
    return conditional(previous.header("ETag"), previous.header("Last-Modified"));
  }

  /** For URLs found in pages, feeds or sitemaps: every hop, the first included, is address-checked. */
  public FetchOptions discovered() {
    return new FetchOptions(acceptedTypes, ifNoneMatch, ifModifiedSince, false, allowPrivate, truncate);
  }

  public FetchOptions withAllowPrivate(boolean allow) {
    return new FetchOptions(acceptedTypes, ifNoneMatch, ifModifiedSince, firstHopTrusted, allow, truncate);
  }

  /** Cuts a body over the size limit at the limit instead of refusing it; see {@code truncate}. */
  public FetchOptions truncating() {
    return new FetchOptions(acceptedTypes, ifNoneMatch, ifModifiedSince, firstHopTrusted, allowPrivate, true);
  }

  /** Whether a bare media type (lower case, no parameters) is acceptable. */
  public boolean accepts(String mediaType) {
    for (String a : acceptedTypes) {
      if (a.equals("*/*") || a.equals(mediaType)) return true;
      if (a.endsWith("/*") && mediaType.startsWith(a.substring(0, a.length() - 1))) return true;
    }
    return false;
  }

  /** The Accept header sent for these types. */
  String acceptHeader() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < acceptedTypes.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append(acceptedTypes.get(i));
      if (i > 0 && !acceptedTypes.get(i).equals("*/*")) sb.append(";q=0.9");
    }
    if (!acceptedTypes.contains("*/*")) sb.append(",*/*;q=0.1");
    return sb.toString();
  }

  /** How the accepted types read in a failure detail: "HTML" or the list. */
  String acceptedDescription() {
    return acceptedTypes.equals(HTML_TYPES) ? "HTML" : "one of " + String.join(", ", acceptedTypes);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
