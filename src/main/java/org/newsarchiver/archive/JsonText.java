package org.newsarchiver.archive;

/** JSON string literals, escaped per RFC 8259 (control characters, quotes, backslashes, U+2028/9). */
public final class JsonText {
  private JsonText() {}

  static void quote(StringBuilder out, String s) {
    quote(out, s, false);
  }

  /**
   * Appends {@code s} as a JSON string; with {@code escapeLessThan}, '<' too, so that a JSON body
   * opened as HTML by mistake can never start a tag (the web view's API).
   */
  public static void quote(StringBuilder out, String s, boolean escapeLessThan) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<' -> out.append(escapeLessThan ? "\\u003c" : "<");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    out.append('"');
  }
}
