package org.newsarchiver.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveExporter;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.FilteredExport;
import org.newsarchiver.archive.WarcRecords;

/**
 * Maps a request to its answer. Paths are split into decoded segments and matched against a fixed
 * set of routes; a site or article id from the path is only used once the archive's own list of
 * sites and its CSV know it, so no request names a file. Queries are bounded in length.
 * Thread-safe.
 */
final class Routes {
  static final int MAX_URI_CHARS = 2048;
  static final int MAX_QUERY_CHARS = 1024;

  /** Sent with every answer: no inline script or style, no framing, no sniffing, no referrer. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "no-referrer",
      "Cache-Control", "no-store");

  private static final Map<String, String> STATIC = Map.of(
      "app.js", "text/javascript; charset=utf-8",
      "style.css", "text/css; charset=utf-8");

  private final ArchiveFiles files;
  private final ArticleIndex index;
  private final SiteStatus status;
  private final Clock clock;
  private final boolean loopbackOnly;

  Routes(ArchiveFiles files, ArticleIndex index, SiteStatus status, Clock clock, boolean loopbackOnly) {
    this.files = files;
    this.index = index;
    this.status = status;
    this.clock = clock;
    this.loopbackOnly = loopbackOnly;
  }

  Reply answer(String method, URI uri, @Nullable String host) throws IOException {
    if (!Reply.METHODS.contains(method)) {
      Reply r = failure(uri, 405, "only GET and HEAD: this view never changes the archive");
      return new Reply(r.status(), r.type(), Map.of("Allow", "GET, HEAD"), r.bytes(), null);
    }
    // a page on another site that rebinds its name to 127.0.0.1 must not read the archive
    if (loopbackOnly && !isLoopbackHost(host)) return failure(uri, 400, "Host must be localhost or a loopback address");
    String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
    String rawQuery = uri.getRawQuery();
    if (rawPath.length() + (rawQuery == null ? 0 : rawQuery.length()) > MAX_URI_CHARS) return failure(uri, 400, "URL too long");
    if (rawQuery != null && rawQuery.length() > MAX_QUERY_CHARS) {
      return failure(uri, 400, "query longer than " + MAX_QUERY_CHARS + " characters");
    }
    try {
      return route(segments(rawPath), params(rawQuery), uri);
    } catch (BadRequest e) {
      return failure(uri, 400, e.getMessage());
    }
  }

  private Reply route(List<String> p, Map<String, String> params, URI uri) throws IOException {
    boolean api = !p.isEmpty() && p.get(0).equals("api");
    List<String> s = api ? p.subList(1, p.size()) : p;
    int n = s.size();
    if (!api && (n == 0 || (n == 1 && s.get(0).equals("sites")))) return Reply.html(Pages.sites(status.all(clock.instant())));
    if (api && n == 1 && s.get(0).equals("sites")) return Reply.json(Api.sites(status.all(clock.instant())));
    if (n == 1 && s.get(0).equals("articles")) {
      ArticleQuery q = query(params);
      ArticleIndex.Page page = index.search(q);
      return api ? Reply.json(Api.articles(q, page)) : Reply.html(Pages.articles(q, files.archivedSites(), page));
    }
    if (n >= 3 && n <= 4 && s.get(0).equals("articles")) {
      String site = s.get(1);
      String id = s.get(2);
      String part = n == 4 ? s.get(3) : "";
      if (!api && part.equals("warc")) return warc(uri, site, id);
      ArticleDetail d = ArticleDetail.load(files, site, id);
      if (d == null) return failure(uri, 404, "no article " + id + " in site " + site);
      if (!api && part.isEmpty()) return Reply.html(Pages.article(d));
      if (api && part.isEmpty()) return Reply.json(Api.article(d));
      if (api && part.equals("read-counts")) return Reply.json(Api.readCounts(d));
      if (api && part.equals("versions")) return Reply.json(Api.versions(d));
    }
    if (!api && n == 1 && s.get(0).equals("download")) return download(params);
    if (!api && n == 2 && s.get(0).equals("static") && STATIC.containsKey(s.get(1))) {
      return new Reply(200, STATIC.get(s.get(1)), Map.of("Cache-Control", "no-cache"), WebServer.resource(s.get(1)), null);
    }
    return failure(uri, 404, "no such page");
  }

  private ArticleQuery query(Map<String, String> params) throws IOException {
    ArticleQuery q = ArticleQuery.of(params);
    if (q.site() != null && !files.isSite(q.site())) throw new BadRequest("site: no archived site of that name");
    return q;
  }

  private Reply warc(URI uri, String site, String id) throws IOException {
    if (files.find(site, id) == null) return failure(uri, 404, "no article " + id + " in site " + site);
    java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
    if (!WarcRecords.copyCapture(files.siteDir(site), id, record)) {
      return failure(uri, 404, "no WARC capture of " + id + " (archived before WARC capture, or by reextract)");
    }
    return new Reply(200, "application/warc", Map.of("Content-Disposition", "inline; filename=\"" + id + ".warc\""),
        record.toByteArray(), null);
  }

  private Reply download(Map<String, String> params) throws IOException {
    String format = params.getOrDefault("format", "jsonl");
    ArticleQuery q = query(params);
    List<String> sites = q.site() == null ? files.archivedSites() : List.of(q.site());
    ArchiveExporter.DateRange range = new ArchiveExporter.DateRange(q.from(), q.to());
    Predicate<ArchiveRow> filter = range::accepts;
    if (q.q() != null) {
      Set<String> keys = index.keys(q);
      filter = filter.and(r -> keys.contains(r.site() + "/" + r.id()));
    }
    Predicate<ArchiveRow> accept = filter;
    FilteredExport export = new FilteredExport(files.root());
    String name = "articles" + (q.site() == null ? "" : "-" + q.site());
    return switch (format) {
      case "jsonl", "csv" -> Reply.stream(
          format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
          Map.of("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\""),
          out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            export.write(sites, ArchiveExporter.Format.valueOf(format.toUpperCase(Locale.ROOT)), accept, w, problem -> {});
            w.flush();
          });
      case "txt" -> Reply.stream("application/zip",
          Map.of("Content-Disposition", "attachment; filename=\"" + name + ".zip\""),
          out -> export.writeZip(sites, accept, out, problem -> {}));
      default -> throw new BadRequest("format: must be jsonl, csv or txt");
    };
  }

  /** An error answer: JSON under {@code /api/}, else an HTML page. */
  Reply failure(URI uri, int status, String message) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.startsWith("/api/")) return Reply.of(status, Reply.JSON, Json.write(Api.error(status, message)));
    return Reply.of(status, Reply.HTML, Pages.error(status, message));
  }

  /** The path's segments, percent-decoded; an empty segment (a doubled or trailing slash) is dropped. */
  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String seg : rawPath.split("/")) {
      if (seg.isEmpty()) continue;
      out.add(decode(seg.replace("+", "%2B")));
    }
    return out;
  }

  static Map<String, String> params(@Nullable String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) return out;
    String[] pairs = rawQuery.split("&", 64);
    if (pairs.length >= 64) throw new BadRequest("too many query parameters");
    for (String pair : pairs) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("bad percent-encoding in the URL");
    }
  }

  private static boolean isLoopbackHost(@Nullable String host) {
    if (host == null) return false;
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end > 0 && h.substring(1, end).equals("::1");
    }
    int colon = h.indexOf(':');
    if (colon >= 0) h = h.substring(0, colon);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.matches("127(\\.\\d{1,3}){3}");
  }
}
