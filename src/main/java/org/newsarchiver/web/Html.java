package org.newsarchiver.web;

import org.jspecify.annotations.Nullable;

/**
 * Builds HTML where every value goes through one escaping helper: {@link #text} escapes, and only
 * {@link #raw} takes markup, which callers pass as literals of their own. Not thread-safe.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(4096);

  /** Escapes {@code & < > " '} so a value is inert in element content and in quoted attributes. */
  static String escape(@Nullable String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Literal markup written by our own code, never a value. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** A value, escaped. */
  Html text(@Nullable Object value) {
    out.append(escape(value == null ? "" : value.toString()));
    return this;
  }

  /** {@code <tag>value</tag>} with the value escaped. */
  Html el(String tag, @Nullable Object value) {
    return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
  }

  /** A link whose href and text are both escaped. */
  Html link(String href, @Nullable Object label) {
    return raw("<a href=\"").text(href).raw("\">").text(label).raw("</a>");
  }

  /** The page shell around {@code body}: one stylesheet and one script, both served as files. */
  static String page(String title, String current, Html body) {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>").text(title).raw(" · news-archiver</title>")
        .raw("<link rel=\"stylesheet\" href=\"/static/style.css\">")
        .raw("<script src=\"/static/app.js\" defer></script></head><body>")
        .raw("<nav><span class=\"brand\">news-archiver</span>");
    for (String[] item : new String[][] {{"/sites", "Sites"}, {"/articles", "Articles"}}) {
      h.raw("<a href=\"").text(item[0]).raw("\"").raw(item[1].equals(current) ? " class=\"current\"" : "").raw(">")
          .text(item[1]).raw("</a>");
    }
    h.raw("</nav><main>").raw(body.toString()).raw("</main></body></html>\n");
    return h.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
