package org.newsarchiver.archive;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.newsarchiver.fetch.FetchResponse;

/**
 * Rebuilds the HTTP/1.1 messages of an exchange from a {@link FetchResponse}. The body there is
 * already decoded, so the encoding and framing headers the server sent are dropped and a
 * Content-Length that matches the stored body is written instead.
 */
final class HttpMessages {
  private static final Set<String> FRAMING = Set.of("content-length", "content-encoding", "transfer-encoding");

  private HttpMessages() {}

  /** The request line and headers (a GET has no body). */
  static byte[] request(FetchResponse r) {
    URI url = r.finalUrl();
    String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) target += "?" + url.getRawQuery();
    StringBuilder out = new StringBuilder(r.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
    boolean host = r.requestHeaders().stream().anyMatch(h -> h.name().equalsIgnoreCase("Host"));
    if (!host) out.append("Host: ").append(url.getRawAuthority()).append("\r\n");
    for (FetchResponse.Header h : r.requestHeaders()) {
      out.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Status line and headers in the order received, ending with the blank line. */
  static byte[] responseHeader(FetchResponse r) {
    String reason = r.message().isEmpty() ? "" : " " + r.message();
    StringBuilder out = new StringBuilder("HTTP/1.1 ").append(r.status()).append(reason).append("\r\n");
    for (FetchResponse.Header h : r.headers()) {
      if (!FRAMING.contains(h.name().toLowerCase(java.util.Locale.ROOT))) {
        out.append(h.name()).append(": ").append(h.value()).append("\r\n");
      }
    }
    out.append("Content-Length: ").append(r.body().length).append("\r\n\r\n");
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The whole response message: {@link #responseHeader} then the body. */
  static byte[] response(FetchResponse r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(responseHeader(r));
    out.writeBytes(r.body());
    return out.toByteArray();
  }
}
