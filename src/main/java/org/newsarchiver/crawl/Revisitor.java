package org.newsarchiver.crawl;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleText;
import org.newsarchiver.archive.RevisitLog;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.extract.Article;
import org.newsarchiver.fetch.FetchException;
import org.newsarchiver.fetch.FetchOptions;

/**
 * Visits archived articles again while they are young ({@code revisit.max_age}), at most once per
 * {@code revisit.interval}, oldest visit first and at most {@link Limits#MAX_REVISITS_PER_RUN} per
 * run (after the new articles, so they never crowd those out): notes the read count seen, updates
 * the row's read count, and keeps a changed text or title as a new version. A failed revisit is
 * recorded and the next one goes on. Not thread-safe: one per site run.
 */
final class Revisitor {
  private final ArticlePipeline pipeline;
  private final SiteRequests requests;
  private final SiteConfig site;
  private final FetchOptions options;

  Revisitor(ArticlePipeline pipeline, SiteRequests requests, SiteConfig site, FetchOptions options) {
    this.pipeline = pipeline;
    this.requests = requests;
    this.site = site;
    this.options = options;
  }

  /** Revisits the due articles; returns how many were visited. */
  int run(SiteArchive archive, Instant now, BooleanSupplier stop, CrawlListener listener) throws IOException {
    RevisitLog log = RevisitLog.load(archive);
    SiteConfig.Revisit settings = site.revisit();
    // the oldest-visited due rows, ties in archive order, kept in a bounded heap while the CSV streams by
    Comparator<Candidate> order = Comparator.comparing(Candidate::lastVisit).thenComparingLong(Candidate::position);
    PriorityQueue<Candidate> kept = new PriorityQueue<>(order.reversed());
    long[] position = {0};
    archive.forEachRow(r -> {
      long at = position[0]++;
      if (Duration.between(born(r), now).compareTo(settings.maxAge()) >= 0) return;
      Instant last = log.lastVisit(r);
      if (Duration.between(last, now).compareTo(settings.interval()) < 0) return;
      kept.add(new Candidate(r, last, at));
      if (kept.size() > Limits.MAX_REVISITS_PER_RUN) kept.poll();
    });
    List<ArchiveRow> due = kept.stream().sorted(order).map(Candidate::row).toList();
    int visited = 0;
    for (ArchiveRow row : due) {
      if (stop.getAsBoolean()) break;
      URI url = URI.create(row.url());
      PageFailure denied = requests.robotsDenial(url, options);
      if (denied != null) {
        requests.fail(denied);
        continue;
      }
      listener.fetched(url);
      Article article;
      try {
        article = pipeline.fetchAndExtract(url, site, requests.settingsFor(url, options), options);
      } catch (FetchException e) {
        requests.fail(new PageFailure(url, e.failure().label(), e.getMessage()));
        continue;
      }
      if (!article.isArticle()) {
        requests.fail(new PageFailure(url, article.status().label(), ArticlePipeline.notArticle(article)));
        continue;
      }
      visited++;
      log.observed(row, now, article.readCount());
      if (article.readCount() != null && !Objects.equals(article.readCount(), row.readCount())) {
        archive.replace(withReadCount(row, article.readCount()));
      }
      String title = article.title() == null ? row.title() : article.title();
      log.keepIfChanged(row, new ArticleText(title, article.paragraphs()), now);
    }
    return visited;
  }

  /** A due row while the selection runs: its last visit and its place in the archive. */
  private record Candidate(ArchiveRow row, Instant lastVisit, long position) {}

  /** When the article was published (its day's start, UTC, when only a day is known), else fetched. */
  private static Instant born(ArchiveRow row) {
    if (row.published() != null && row.published().length() >= 10) {
      try {
        return LocalDate.parse(row.published().substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        // fall through to the fetch time
      }
    }
    return Instant.parse(row.fetchedAt());
  }

  private static ArchiveRow withReadCount(ArchiveRow r, Long count) {
    return new ArchiveRow(r.id(), r.site(), r.url(), r.title(), r.published(), r.dateSource(), count, r.author(),
        r.language(), r.source(), r.fetchedAt(), r.textFile(), r.words(), r.sha256(), r.altUrls());
  }
}
