package org.newsarchiver.crawl;

import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.NewArticle;
import org.newsarchiver.archive.RawCapture;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.config.RequestSettings;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.extract.Article;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;
import org.newsarchiver.fetch.FetchException;
import org.newsarchiver.fetch.FetchOptions;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.Fetcher;

/**
 * The path of one article URL: fetch, extract, archive. Returns what happened; only an archive
 * failure (disk, lock) is thrown, since that stops the whole run.
 */
public final class ArticlePipeline {
  private final Fetcher fetcher;
  private final ArticleExtractor extractor;

  public ArticlePipeline(Fetcher fetcher, ArticleExtractor extractor) {
    this.fetcher = fetcher;
    this.extractor = extractor;
  }

  /** The result of one article URL: archived (with the archive's outcome) or failed. */
  public record Result(
      SiteArchive.@Nullable Stored stored, @Nullable PageFailure failure, @Nullable FetchResponse response) {
    static Result failed(URI url, String cause, String detail) {
      return new Result(null, new PageFailure(url, cause, detail), null);
    }

    static Result failed(URI url, String cause, String detail, FetchResponse response) {
      return new Result(null, new PageFailure(url, cause, detail), response);
    }
  }

  public Result process(
      URI url, @Nullable SiteConfig site, RequestSettings request, FetchOptions options, SiteArchive archive)
      throws IOException {
    return process(url, site, request, options, archive, RawCapture.NONE);
  }

  /** As above, also recording the raw exchange (linked to the article's id when archived). */
  public Result process(
      URI url,
      @Nullable SiteConfig site,
      RequestSettings request,
      FetchOptions options,
      SiteArchive archive,
      RawCapture capture)
      throws IOException {
    return process(url, site, request, options, archive, capture, LinkHint.NONE);
  }

  /**
   * As above; where the page gives no date (or title), the feed's or sitemap's {@code hint} fills
   * it, with date source {@code feed} or {@code sitemap}.
   */
  public Result process(
      URI url,
      @Nullable SiteConfig site,
      RequestSettings request,
      FetchOptions options,
      SiteArchive archive,
      RawCapture capture,
      LinkHint hint)
      throws IOException {
    Result result = fetchAndArchive(url, site, request, options, archive, hint);
    if (result.response() != null) {
      capture.record(result.response(), result.stored() == null ? null : result.stored().row().id());
    }
    return result;
  }

  private Result fetchAndArchive(
      URI url, @Nullable SiteConfig site, RequestSettings request, FetchOptions options, SiteArchive archive,
      LinkHint hint)
      throws IOException {
    FetchResponse response;
    try {
      response = fetcher.fetch(url, request, options);
    } catch (FetchException e) {
      return Result.failed(url, e.failure().label(), e.getMessage());
    }
    Article article = extract(response, site);
    if (!article.isArticle()) {
      return Result.failed(url, article.status().label(), notArticleDetail(article), response);
    }
    URI key = archiveKey(url, article, site);
    if (!key.equals(url)) {
      ArchiveRow known = archive.findByUrl(key.toString());
      if (known != null) {
        return new Result(
            new SiteArchive.Stored(known, SiteArchive.Outcome.ALREADY_ARCHIVED, archive.dir().resolve(known.textFile())),
            null,
            response);
      }
    }
    boolean dateFromHint = article.published() == null && hint.published() != null;
    var published = dateFromHint ? hint.published() : article.published();
    var dateSource = dateFromHint ? hint.source() : article.dateSource();
    NewArticle a =
        new NewArticle(
            key,
            article.title() == null ? hint.title() : article.title(),
            published == null ? null : published.iso(),
            dateSource == null ? null : dateSource.label(),
            article.readCount(),
            article.authors(),
            article.language(),
            article.source(),
            response.fetchedAt(),
            article.paragraphs());
    return new Result(archive.add(a), null, response);
  }

  /** Fetches and reads a page without archiving it (a revisit); throws when the fetch fails. */
  Article fetchAndExtract(URI url, @Nullable SiteConfig site, RequestSettings request, FetchOptions options)
      throws FetchException {
    return extract(fetcher.fetch(url, request, options), site);
  }

  private Article extract(FetchResponse response, @Nullable SiteConfig site) {
    String html = HtmlDecoder.decode(response.body(), response.contentType());
    return extractor.extract(new HtmlPage(response.finalUrl(), html, response.fetchedAt()), site);
  }

  static String notArticle(Article a) {
    return notArticleDetail(a);
  }

  /** The page's canonical URL when it is on the same site, else the URL as linked (canonicalized). */
  private static URI archiveKey(URI url, Article article, @Nullable SiteConfig site) {
    URI canonical = article.canonicalUrl() == null ? null : UrlCanonicalizer.canonical(article.canonicalUrl());
    if (canonical != null) {
      boolean sameSite =
          site != null ? site.ownsHost(canonical.getHost()) : canonical.getHost().equalsIgnoreCase(url.getHost());
      if (sameSite) return canonical;
    }
    URI own = UrlCanonicalizer.canonical(url);
    return own == null ? url : own;
  }

  private static String notArticleDetail(Article a) {
    return switch (a.status()) {
      case NOT_ARTICLE -> "page has neither a title nor body text";
      case PAYWALLED -> "page shows a paywall teaser instead of the article";
      case BLOCKED -> "page is a consent wall, bot check or CAPTCHA";
      case NEEDS_JAVASCRIPT -> "page builds its text with JavaScript";
      case EMPTY -> a.title() == null ? "page has no text at all" : "page has a title but no body text";
      case OK -> "ok";
    };
  }
}
