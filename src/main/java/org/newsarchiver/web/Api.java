package org.newsarchiver.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleHistory;

/** The JSON forms of the pages under {@code /api/...}: plain maps and lists, keys in a fixed order, snake_case. */
final class Api {
  private Api() {}

  static Map<String, Object> sites(List<SiteStatus.Summary> sites) {
    List<Object> out = new ArrayList<>();
    for (SiteStatus.Summary s : sites) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("configured", s.configured());
      m.put("articles", s.articles());
      m.put("new_24h", s.newLast24h());
      Map<String, Object> run = null;
      if (s.lastRun() != null) {
        run = new LinkedHashMap<>();
        run.put("started_at", s.lastRun().startedAt().toString());
        run.put("finished_at", s.lastRun().finishedAt().toString());
        run.put("new", s.lastRun().added());
        run.put("already_archived", s.lastRun().alreadyArchived());
        run.put("failed", s.lastRun().failed());
        run.put("drift", s.lastRun().drift().isEmpty() ? null : s.lastRun().drift());
      }
      m.put("last_run", run);
      m.put("schedule", s.schedule());
      m.put("next_run", Pages.iso(s.nextRun()));
      m.put("failing_urls", s.failingUrls());
      Map<String, Object> err = null;
      if (s.lastError() != null) {
        err = new LinkedHashMap<>();
        err.put("url", s.lastError().url());
        err.put("cause", s.lastError().cause());
        err.put("detail", s.lastError().detail());
        err.put("attempts", s.lastError().attempts());
        err.put("at", s.lastError().lastAttempt().toString());
      }
      m.put("last_error", err);
      Map<String, Object> robots = null;
      if (s.robots() != null) {
        robots = new LinkedHashMap<>();
        robots.put("url", s.robots().url().toString());
        robots.put("status", s.robots().status());
        robots.put("captured_at", s.robots().capturedAt().toString());
      }
      m.put("robots", robots);
      m.put("robots_denied", s.robotsDenied());
      out.add(m);
    }
    return Map.of("sites", out);
  }

  static Map<String, Object> articles(ArticleQuery q, ArticleIndex.Page page) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", page.total());
    m.put("page", q.page());
    m.put("page_size", ArticleQuery.PAGE_SIZE);
    Map<String, Object> indexing = null;
    if (page.indexing() != null) {
      indexing = new LinkedHashMap<>();
      indexing.put("indexed", page.indexing().indexed());
      indexing.put("total", page.indexing().total());
    }
    m.put("indexing", indexing);
    List<Object> list = new ArrayList<>();
    for (ArticleIndex.Hit a : page.hits()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("site", a.site());
      h.put("id", a.id());
      h.put("title", a.title());
      h.put("url", a.url());
      h.put("published", a.published());
      h.put("fetched_at", a.fetchedAt());
      h.put("read_count", a.readCount());
      h.put("words", a.words());
      h.put("href", "/api/articles/" + a.site() + "/" + a.id());
      list.add(h);
    }
    m.put("articles", list);
    return m;
  }

  /** Every {@code articles.csv} column (as {@code export --format jsonl} names them), then text and history. */
  static Map<String, Object> article(ArticleDetail d) {
    ArchiveRow r = d.row();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("site", r.site());
    m.put("url", r.url());
    m.put("title", r.title());
    m.put("published", r.published());
    m.put("date_source", r.dateSource());
    m.put("read_count", r.readCount());
    m.put("author", r.author());
    m.put("language", r.language());
    m.put("source", r.source());
    m.put("fetched_at", r.fetchedAt());
    m.put("text_file", r.textFile());
    m.put("words", r.words());
    m.put("sha256", r.sha256());
    m.put("alt_urls", r.altUrls());
    m.put("text", d.text());
    m.put("read_counts", readCounts(d).get("observations"));
    m.put("versions", versions(d).get("versions"));
    m.put("warc", "/articles/" + r.site() + "/" + r.id() + "/warc");
    return m;
  }

  static Map<String, Object> readCounts(ArticleDetail d) {
    List<Object> obs = new ArrayList<>();
    for (ArticleHistory.Observation o : d.readCounts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("observed_at", o.observedAt().toString());
      m.put("read_count", o.readCount());
      obs.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("site", d.row().site());
    m.put("id", d.row().id());
    m.put("observations", obs);
    return m;
  }

  static Map<String, Object> versions(ArticleDetail d) {
    List<Object> out = new ArrayList<>();
    for (ArticleDetail.Version v : d.versions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v.number());
      m.put("observed_at", v.observedAt().toString());
      m.put("sha256", v.sha256());
      m.put("words_added", v.wordsAdded());
      m.put("words_removed", v.wordsRemoved());
      List<Object> changes = new ArrayList<>();
      for (WordChanges.Run run : v.changes()) changes.add(List.of(run.kind().name().toLowerCase(java.util.Locale.ROOT), run.words()));
      m.put("changes", changes);
      out.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("site", d.row().site());
    m.put("id", d.row().id());
    m.put("versions", out);
    return m;
  }

  static Map<String, Object> error(int status, @Nullable String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("error", message);
    return m;
  }
}
