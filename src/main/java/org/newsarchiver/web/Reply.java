package org.newsarchiver.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP answer: status, content type, extra headers and a body given whole ({@code bytes}) or
 * streamed ({@code stream}, sent chunked).
 */
record Reply(int status, String type, Map<String, String> headers, byte @Nullable [] bytes, @Nullable Body stream) {
  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";

  /** Writes a streamed body. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply of(int status, String type, String body) {
    return new Reply(status, type, Map.of(), body.getBytes(StandardCharsets.UTF_8), null);
  }

  static Reply html(String body) {
    return of(200, HTML, body);
  }

  static Reply json(Object value) {
    return of(200, JSON, Json.write(value));
  }

  static Reply stream(String type, Map<String, String> headers, Body body) {
    return new Reply(200, type, headers, null, body);
  }

  /** The methods we answer; everything else is 405. */
  static final List<String> METHODS = List.of("GET", "HEAD");
}
