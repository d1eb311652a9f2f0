package org.newsarchiver.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A complete HTTP exchange as fetched: what was asked (for WARC request records), the final URL
 * after redirects, status, headers and the whole decompressed body (within the size limit), or
 * its first part when {@code truncated} (only for fetches made with {@link FetchOptions#truncating()}).
 */
public record FetchResponse(
    URI requestedUrl,
    URI finalUrl,
    String method,
    List<Header> requestHeaders,
    String protocol,
    int status,
    String message,
    List<Header> headers,
    byte[] body,
    Instant fetchedAt,
    boolean truncated) {

  /** One header line, in the order sent or received. */
  public record Header(String name, String value) {}

  public FetchResponse {
    requestHeaders = List.copyOf(requestHeaders);
    headers = List.copyOf(headers);
  }

  /** A response whose body is complete. */
  public FetchResponse(URI requestedUrl, URI finalUrl, String method, List<Header> requestHeaders, String protocol,
      int status, String message, List<Header> headers, byte[] body, Instant fetchedAt) {
    this(requestedUrl, finalUrl, method, requestHeaders, protocol, status, message, headers, body, fetchedAt, false);
  }

  /** The first value of a header, case-insensitive, or null. */
  public @Nullable String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) return h.value();
    }
    return null;
  }

  public @Nullable String contentType() {
    return header("Content-Type");
  }

  /**
   * The body size the server declared in Content-Length, or -1 when it declared none (chunked, or
   * compressed and inflated on the way) or not a number: the whole size of a truncated body, if known.
   */
  public long declaredSize() {
    String length = header("Content-Length");
    if (length == null) return -1;
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Whether the server answered 304 to a conditional request. */
  public boolean notModified() {
    return status == 304;
  }
}
