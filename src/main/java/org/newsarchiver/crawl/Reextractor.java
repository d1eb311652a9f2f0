package org.newsarchiver.crawl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArchivedPages;
import org.newsarchiver.archive.NewArticle;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.extract.Article;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;

/**
 * Rebuilds a site's text files and rows from the pages its WARC files captured, with today's config
 * and extractor and no network; ids stay those the metadata records name. A page that no longer
 * extracts as an article keeps its old text and row and is reported.
 */
public final class Reextractor {
  /** What happened to one article. */
  public enum Change {
    CHANGED,
    UNCHANGED,
    /** The page no longer extracts as an article; the archive keeps what it had. */
    FAILED
  }

  /** One article re-extracted; {@code detail} says why a failure failed. */
  public record Outcome(String id, String url, Change change, String detail) {
    public String line() {
      return switch (change) {
        case CHANGED -> "changed " + id + " " + url;
        case UNCHANGED -> "unchanged " + id + " " + url;
        case FAILED -> "failed " + id + " " + url + ": " + detail;
      };
    }
  }

  /** The counts of a run. */
  public record Summary(String site, int changed, int unchanged, int failed) {
    public String line() {
      return site + ": " + (changed + unchanged + failed) + " articles re-extracted, " + changed + " changed, "
          + unchanged + " unchanged, " + failed + " failed";
    }
  }

  private final ArticleExtractor extractor;
  private final Path archiveRoot;

  public Reextractor(ArticleExtractor extractor, Path archiveRoot) {
    this.extractor = extractor;
    this.archiveRoot = archiveRoot;
  }

  /** Re-extracts the articles captured at or after {@code since} (null: all), telling each outcome. */
  public Summary run(SiteConfig site, @Nullable Instant since, Consumer<Outcome> outcomes) throws IOException {
    int[] counts = new int[3];
    try (SiteArchive archive = SiteArchive.open(archiveRoot, site.name())) {
      ArchivedPages.forEach(archive.dir(), since, page -> {
        Outcome o = reextract(archive, site, page);
        counts[o.change().ordinal()]++;
        outcomes.accept(o);
      });
    }
    return new Summary(site.name(), counts[0], counts[1], counts[2]);
  }

  private Outcome reextract(SiteArchive archive, SiteConfig site, ArchivedPages.Page page) throws IOException {
    ArchiveRow old = archive.findById(page.articleId());
    String url = old != null ? old.url() : page.url().toString();
    String html = HtmlDecoder.decode(page.body(), page.contentType());
    Article a = extractor.extract(new HtmlPage(page.url(), html, page.fetchedAt()), site);
    if (!a.isArticle()) return new Outcome(page.articleId(), url, Change.FAILED, a.status().label());
    NewArticle n =
        new NewArticle(
            java.net.URI.create(url), a.title(), a.published() == null ? null : a.published().iso(),
            a.dateSource() == null ? null : a.dateSource().label(), a.readCount(), a.authors(), a.language(),
            a.source(), page.fetchedAt(), a.paragraphs());
    ArchiveRow replaced = archive.put(page.articleId(), n);
    ArchiveRow now = archive.findById(page.articleId());
    boolean changed = replaced == null || now == null || !replaced.sha256().equals(now.sha256());
    return new Outcome(page.articleId(), url, changed ? Change.CHANGED : Change.UNCHANGED, "");
  }
}
