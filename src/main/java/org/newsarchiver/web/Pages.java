package org.newsarchiver.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleHistory;

/** The HTML pages: sites, articles, article. Every value goes through {@link Html#text}. */
final class Pages {
  private Pages() {}

  static String sites(List<SiteStatus.Summary> sites) {
    Html h = new Html();
    h.raw("<h1>Sites</h1>");
    if (sites.isEmpty()) return Html.page("Sites", "Sites", h.raw("<p>No site archived or configured yet.</p>"));
    h.raw("<table id=\"sites\"><thead><tr><th>Site</th><th>Articles</th><th>New (24 h)</th><th>Last run</th>")
        .raw("<th>Next run</th><th>Failing URLs / last error</th><th>robots.txt</th></tr></thead><tbody>");
    for (SiteStatus.Summary s : sites) {
      h.raw("<tr data-site=\"").text(s.name()).raw("\"><td>").link("/articles?site=" + s.name(), s.name())
          .raw(s.configured() ? "" : " <span class=\"note\">(no config)</span>").raw("</td>");
      h.raw("<td class=\"num articles\">").text(s.articles()).raw("</td><td class=\"num new\">").text(s.newLast24h()).raw("</td>");
      h.raw("<td class=\"last-run\">");
      if (s.lastRun() == null) {
        h.text("never");
      } else {
        h.text(s.lastRun().finishedAt().truncatedTo(ChronoUnit.SECONDS)).raw("<br><span class=\"note\">")
            .text(s.lastRun().added() + " new, " + s.lastRun().alreadyArchived() + " already archived, "
                + s.lastRun().failed() + " failed").raw("</span>");
        if (!s.lastRun().drift().isEmpty()) h.raw("<br><span class=\"warn\">DRIFT: ").text(s.lastRun().drift()).raw("</span>");
      }
      h.raw("</td><td class=\"next-run\">");
      if (s.schedule() == null) h.text("not scheduled");
      else h.text(s.nextRun() == null ? "none" : s.nextRun().truncatedTo(ChronoUnit.SECONDS)).raw("<br><span class=\"note\">")
          .text(s.schedule()).raw("</span>");
      h.raw("</td><td class=\"last-error\">").text(s.failingUrls());
      if (s.lastError() != null) {
        h.raw("<br><span class=\"warn\">").text(s.lastError().cause() + " " + s.lastError().url() + ": "
            + s.lastError().detail()).raw("</span>");
      }
      h.raw("</td><td class=\"robots\">");
      if (s.robots() == null) h.text("not captured");
      else h.text("HTTP " + s.robots().status() + " at " + s.robots().capturedAt());
      if (s.robotsDenied() > 0) h.raw("<br><span class=\"warn\">").text(s.robotsDenied() + " URL(s) disallowed").raw("</span>");
      h.raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    return Html.page("Sites", "Sites", h);
  }

  static String articles(ArticleQuery q, List<String> sites, ArticleIndex.Page page) {
    Html h = new Html();
    h.raw("<h1>Articles</h1><form id=\"filter\" method=\"get\" action=\"/articles\">")
        .raw("<label>Site <select name=\"site\" id=\"site\"><option value=\"\">all</option>");
    for (String s : sites) {
      h.raw("<option value=\"").text(s).raw("\"").raw(s.equals(q.site()) ? " selected" : "").raw(">").text(s).raw("</option>");
    }
    h.raw("</select></label> <label>Search <input type=\"search\" name=\"q\" id=\"q\" maxlength=\"")
        .text(ArticleQuery.MAX_QUERY_CHARS).raw("\" value=\"").text(q.q()).raw("\"></label> ")
        .raw("<label>From <input type=\"date\" name=\"from\" value=\"").text(q.from()).raw("\"></label> ")
        .raw("<label>To <input type=\"date\" name=\"to\" value=\"").text(q.to()).raw("\"></label> ")
        .raw("<button type=\"submit\" id=\"search\">Show</button></form>");
    if (page.indexing() != null) h.raw("<p id=\"indexing\" class=\"warn\">").text(indexingNotice(page.indexing())).raw("</p>");
    String filter = q.filterString();
    h.raw("<p class=\"downloads\">Download these ").text(page.total()).raw(" articles: ");
    for (String f : List.of("jsonl", "csv", "txt")) {
      h.link("/download?format=" + f + (filter.isEmpty() ? "" : "&" + filter), f).raw(" ");
    }
    h.raw("</p>");
    h.raw("<p id=\"count\">").text(page.total() + (page.total() == 1 ? " article" : " articles")).raw("</p>");
    h.raw("<table id=\"articles\"><thead><tr><th>Title</th><th>Site</th><th>Published</th><th>Fetched</th>")
        .raw("<th>Read count</th><th>Words</th></tr></thead><tbody>");
    for (ArticleIndex.Hit a : page.hits()) {
      h.raw("<tr><td>").link("/articles/" + a.site() + "/" + a.id(), a.title() == null ? a.url() : a.title())
          .raw("</td><td>").text(a.site()).raw("</td><td>").text(a.published()).raw("</td><td>").text(a.fetchedAt())
          .raw("</td><td class=\"num\">").text(a.readCount()).raw("</td><td class=\"num\">").text(a.words()).raw("</td></tr>");
    }
    h.raw("</tbody></table><p class=\"pages\">");
    String base = "/articles?" + (filter.isEmpty() ? "" : filter + "&") + "page=";
    if (q.page() > 1) h.link(base + (q.page() - 1), "« newer").raw(" ");
    h.text("page " + q.page());
    if ((long) q.page() * ArticleQuery.PAGE_SIZE < page.total() && q.page() < ArticleQuery.MAX_PAGE) {
      h.raw(" ").link(base + (q.page() + 1), "older »");
    }
    h.raw("</p>");
    return Html.page("Articles", "Articles", h);
  }

  /** "Search index: 120,000 of 1,000,000 articles indexed; results may be incomplete." */
  static String indexingNotice(ArticleIndex.Progress p) {
    String done = String.format(Locale.ROOT, "%,d", p.indexed());
    String of = p.total() == null ? done + " articles indexed, counting the rest"
        : done + " of " + String.format(Locale.ROOT, "%,d", p.total()) + " articles indexed";
    return "Search index: " + of + "; results may be incomplete.";
  }

  static String article(ArticleDetail d) {
    ArchiveRow r = d.row();
    String self = "/articles/" + r.site() + "/" + r.id();
    Html h = new Html();
    h.raw("<h1 id=\"title\">").text(r.title() == null ? r.url() : r.title()).raw("</h1><p class=\"links\">");
    if (isWebUrl(r.url())) h.raw("<a id=\"original\" rel=\"noreferrer\" href=\"").text(r.url()).raw("\">Original page</a> · ");
    h.raw("<a id=\"warc\" href=\"").text(self + "/warc").raw("\">Raw WARC record</a> · ")
        .raw("<a href=\"").text("/api" + self).raw("\">JSON</a></p>");
    h.raw("<dl id=\"meta\">");
    meta(h, "Site", r.site());
    meta(h, "URL", r.url());
    meta(h, "Published", r.published());
    meta(h, "Date source", r.dateSource());
    meta(h, "Author", r.author());
    meta(h, "Language", r.language());
    meta(h, "Source", r.source());
    meta(h, "Fetched at", r.fetchedAt());
    meta(h, "Read count", r.readCount());
    meta(h, "Words", r.words());
    meta(h, "SHA-256", r.sha256());
    if (!r.altUrls().isEmpty()) meta(h, "Also at", String.join(" ", r.altUrls()));
    h.raw("</dl>");
    h.raw("<section id=\"read-counts\"><h2>Read count over time</h2>").raw(ReadCountChart.svg(d.readCounts()))
        .raw("<p id=\"chart-value\" class=\"note\"></p>");
    if (!d.readCounts().isEmpty()) {
      h.raw("<table class=\"observations\"><thead><tr><th>Observed at</th><th>Read count</th></tr></thead><tbody>");
      for (ArticleHistory.Observation o : d.readCounts()) {
        h.raw("<tr><td>").text(o.observedAt()).raw("</td><td class=\"num\">")
            .text(o.readCount() == null ? "not shown" : o.readCount()).raw("</td></tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>");
    if (!d.versions().isEmpty()) {
      h.raw("<section id=\"versions\"><h2>Versions</h2>");
      for (ArticleDetail.Version v : d.versions()) {
        h.raw("<h3 id=\"v" + v.number() + "\">").text("Version " + v.number() + ", " + v.observedAt())
            .raw(v.number() == 1 ? "" : " <span class=\"note\">+" + v.wordsAdded() + " / −" + v.wordsRemoved() + " words</span>")
            .raw("</h3>");
        if (v.number() == 1) continue;
        h.raw("<p class=\"diff\">");
        for (WordChanges.Run run : v.changes()) {
          String tag = switch (run.kind()) {
            case SAME -> "span";
            case REMOVED -> "del";
            case ADDED -> "ins";
          };
          h.raw("<" + tag + ">").text(run.words()).raw("</" + tag + "> ");
        }
        h.raw("</p>");
      }
      h.raw("</section>");
    }
    h.raw("<section id=\"text\"><h2>Text</h2>");
    if (d.text() == null) h.raw("<p class=\"warn\">The text file is missing; run <code>news-archiver verify</code>.</p>");
    else for (String p : ArchiveFiles.paragraphs(d.text())) h.el("p", p);
    h.raw("</section>");
    return Html.page(r.title() == null ? r.id() : r.title(), "Articles", h);
  }

  static String error(int status, String message) {
    Html h = new Html();
    h.raw("<h1>").text(status + " " + reason(status)).raw("</h1><p id=\"error\">").text(message).raw("</p>");
    return Html.page(status + " " + reason(status), "", h);
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      default -> "Server Error";
    };
  }

  private static void meta(Html h, String name, @Nullable Object value) {
    if (value == null) return;
    h.raw("<dt>").text(name).raw("</dt><dd>").text(value).raw("</dd>");
  }

  /** Only http(s) URLs become links, so an archived {@code javascript:} URL can never run. */
  static boolean isWebUrl(String url) {
    String u = url.toLowerCase(java.util.Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://");
  }

  static @Nullable String iso(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }
}
