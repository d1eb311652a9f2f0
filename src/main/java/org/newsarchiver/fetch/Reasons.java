package org.newsarchiver.fetch;

import java.util.Map;

/** Standard reason phrases, for HTTP/2 responses that carry none. */
final class Reasons {
  private static final Map<Integer, String> PHRASES =
      Map.ofEntries(
          Map.entry(200, "OK"), Map.entry(203, "Non-Authoritative Information"), Map.entry(204, "No Content"),
          Map.entry(206, "Partial Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
          Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
          Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
          Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"),
          Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
          Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private Reasons() {}

  /** The server's phrase, or the standard one when it sent none. */
  static String of(int status, String sent) {
    if (!sent.isBlank()) return sent.strip();
    return PHRASES.getOrDefault(status, "");
  }
}
