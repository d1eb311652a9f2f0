package org.newsarchiver.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What the articles page and API were asked for: site, search words, publication-day range and
 * page, each checked and bounded ({@link BadRequest} otherwise). The site is checked against the
 * archive by the caller.
 */
record ArticleQuery(@Nullable String site, @Nullable String q, @Nullable LocalDate from, @Nullable LocalDate to, int page) {
  static final int PAGE_SIZE = 20;
  static final int MAX_PAGE = 500;
  static final int MAX_QUERY_CHARS = 200;

  ArticleQuery {
    if (q != null && q.length() > MAX_QUERY_CHARS) {
      throw new BadRequest("q: longer than " + MAX_QUERY_CHARS + " characters");
    }
    if (page < 1 || page > MAX_PAGE) throw new BadRequest("page: must be 1 to " + MAX_PAGE);
    if (from != null && to != null && from.isAfter(to)) throw new BadRequest("from: after to");
  }

  static ArticleQuery of(Map<String, String> params) {
    String page = params.get("page");
    int n;
    try {
      n = page == null ? 1 : Integer.parseInt(page);
    } catch (NumberFormatException e) {
      throw new BadRequest("page: not a number");
    }
    return new ArticleQuery(blank(params.get("site")), blank(params.get("q")), day(params, "from"), day(params, "to"), n);
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static @Nullable LocalDate day(Map<String, String> params, String name) {
    String v = blank(params.get(name));
    if (v == null) return null;
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + ": not a date like 2024-10-28");
    }
  }

  ArticleQuery withPage(int n) {
    return new ArticleQuery(site, q, from, to, n);
  }

  /** The filter as a query string (without {@code page}), for links; values URL-encoded. */
  String filterString() {
    StringJoiner j = new StringJoiner("&");
    add(j, "site", site);
    add(j, "q", q);
    add(j, "from", from == null ? null : from.toString());
    add(j, "to", to == null ? null : to.toString());
    return j.toString();
  }

  private static void add(StringJoiner j, String name, @Nullable String value) {
    if (value != null) j.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
