package org.newsarchiver.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One article, one URL: drops the fragment, tracking parameters ({@code utm_*}, {@code fbclid}...)
 * and default ports, lower-cases scheme and host, and gives an empty path as {@code /}.
 */
public final class UrlCanonicalizer {
  private static final Set<String> TRACKING =
      Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid", "_ga",
          "_gl");

  private UrlCanonicalizer() {}

  /** The canonical form, or null for a URL that is not http(s) or cannot be parsed. */
  public static @Nullable URI canonical(URI url) {
    String scheme = url.getScheme();
    String host = url.getHost();
    if (scheme == null || host == null) return null;
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) return null;
    int port = url.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) port = -1;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String query = cleanQuery(url.getRawQuery());
    StringBuilder s = new StringBuilder(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
    if (port != -1) s.append(':').append(port);
    s.append(path);
    if (query != null) s.append('?').append(query);
    try {
      return new URI(s.toString());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static @Nullable String cleanQuery(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) return null;
    List<String> kept = new ArrayList<>();
    for (String part : raw.split("&")) {
      if (part.isEmpty()) continue;
      String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name)) continue;
      kept.add(part);
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }
}
