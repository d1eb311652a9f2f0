package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.crawl.Fetchers;
import org.newsarchiver.crawl.UrlCanonicalizer;
import org.newsarchiver.extract.Article;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.extract.HtmlDecoder;
import org.newsarchiver.extract.HtmlPage;
import org.newsarchiver.extract.LinkExtractor;
import org.newsarchiver.fetch.FetchException;
import org.newsarchiver.fetch.FetchOptions;
import org.newsarchiver.fetch.FetchResponse;
import org.newsarchiver.fetch.Fetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Shows, field by field, what a site's selectors and the generic extractor find on current articles. */
@Command(
    name = "check-site",
    mixinStandardHelpOptions = true,
    description = {
      "Show what the selectors and the generic extractor find on a few current articles.",
      "Fetches the first start page, takes its first article links and prints each field as the",
      "site's selectors read it and as the generic extractor reads it; archives nothing."
    })
final class CheckSiteCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The site config's name.")
  String name;

  @Option(names = "--articles", paramLabel = "N", defaultValue = "3", description = "Articles to check (default: ${DEFAULT-VALUE}).")
  int articles;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiteConfig site = common.site(name);
    ArticleExtractor extractor = new ArticleExtractor();
    int code = ExitCodes.OK;
    try (Fetcher fetcher = Fetchers.standard()) {
      URI start = site.startPages().get(0);
      FetchResponse listing;
      try {
        listing = fetcher.fetch(start, site.request(), FetchOptions.html());
      } catch (FetchException e) {
        err.println("error " + e.failure().label() + " " + start + ": " + e.getMessage());
        return ExitCodes.PAGES_FAILED;
      }
      List<URI> links = articleLinks(site, listing);
      out.println(site.name() + ": " + links.size() + " article link(s) on " + start);
      if (links.isEmpty()) {
        out.println("  article_pattern '" + site.articlePattern() + "' matched no link: the site may have changed its URLs");
        return ExitCodes.PAGES_FAILED;
      }
      FetchOptions options = FetchOptions.html().discovered().withAllowPrivate(common.allowPrivate);
      for (URI url : links.subList(0, Math.min(articles, links.size()))) {
        try {
          FetchResponse r = fetcher.fetch(url, site.request(), options);
          HtmlPage page = new HtmlPage(r.finalUrl(), HtmlDecoder.decode(r.body(), r.contentType()), r.fetchedAt());
          print(out, url, extractor.selectorsOnly(page, site), extractor.extract(page, null));
        } catch (FetchException e) {
          err.println("error " + e.failure().label() + " " + url + ": " + e.getMessage());
          code = ExitCodes.PAGES_FAILED;
        }
      }
    }
    out.flush();
    return code;
  }

  private static List<URI> articleLinks(SiteConfig site, FetchResponse listing) {
    HtmlPage page = new HtmlPage(listing.finalUrl(), HtmlDecoder.decode(listing.body(), listing.contentType()),
        listing.fetchedAt());
    List<URI> out = new ArrayList<>();
    for (URI link : LinkExtractor.read(page, site.nextPage()).links()) {
      URI canonical = UrlCanonicalizer.canonical(link);
      if (canonical != null && site.ownsHost(canonical.getHost()) && site.isArticleLink(canonical)
          && !out.contains(canonical)) {
        out.add(canonical);
      }
    }
    return out;
  }

  private static void print(PrintWriter out, URI url, Article selectors, Article generic) {
    out.println();
    out.println(url);
    out.printf("  %-11s %-50s %s%n", "field", "selectors", "generic");
    row(out, "title", selectors.title(), generic.title());
    row(out, "published", selectors.published() == null ? null : selectors.published().iso(),
        generic.published() == null ? null : generic.published().iso() + " (" + generic.dateSource().label() + ")");
    row(out, "read_count", str(selectors.readCount()), str(generic.readCount()));
    row(out, "author", String.join("; ", selectors.authors()), String.join("; ", generic.authors()));
    row(out, "source", selectors.source(), generic.source());
    row(out, "body", body(selectors.paragraphs()), body(generic.paragraphs()));
  }

  private static void row(PrintWriter out, String field, @Nullable String selectors, @Nullable String generic) {
    out.printf("  %-11s %-50s %s%n", field, cut(selectors), cut(generic));
  }

  private static String body(List<String> paragraphs) {
    if (paragraphs.isEmpty()) return "";
    int words = String.join(" ", paragraphs).split("\\s+").length;
    return paragraphs.size() + " paragraphs, " + words + " words: " + paragraphs.get(0);
  }

  private static @Nullable String str(@Nullable Long n) {
    return n == null ? null : n.toString();
  }

  private static String cut(@Nullable String s) {
    if (s == null || s.isEmpty()) return "(none)";
    return s.length() <= 48 ? s : s.substring(0, 47) + "…";
  }
}
