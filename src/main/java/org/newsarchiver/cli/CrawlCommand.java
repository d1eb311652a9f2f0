package org.newsarchiver.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.archive.WarcCapture;
import org.newsarchiver.config.ConfigException;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.crawl.ArticlePipeline;
import org.newsarchiver.crawl.Fetchers;
import org.newsarchiver.crawl.CrawlSummary;
import org.newsarchiver.crawl.SiteCrawler;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.Fetcher;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** One pass over one, several or all configured sites. */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "One pass over the site(s), archiving the new articles.",
      "Fetches the start pages, feeds and sitemaps, follows the links that match the article",
      "pattern on the site's own hosts, archives the new articles, prints a summary per site."
    })
final class CrawlCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  static final class Which {
    @Option(names = "--site", paramLabel = "NAME", required = true, description = "A site by its config name (repeatable).")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", required = true, description = "Every site in the sites folder.")
    boolean all;
  }

  @ArgGroup(multiplicity = "1")
  Which which;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiteConfigLoader.Loaded loaded = new SiteConfigLoader().loadAll(common.sites);
    List<SiteConfig> sites = new ArrayList<>();
    int code = ExitCodes.OK;
    if (which.all) {
      sites.addAll(loaded.sites());
      for (ConfigException e : loaded.errors()) {
        err.println("error config " + e.getMessage());
        code = ExitCodes.USAGE;
      }
    } else {
      for (String name : which.names) {
        var site = loaded.byName(name);
        if (site.isPresent()) {
          sites.add(site.get());
        } else {
          var error = loaded.errorFor(name);
          err.println(
              error.isPresent()
                  ? "error config " + error.get().getMessage()
                  : "error config " + common.sites.resolve(name + ".yaml")
                      + ": no such site config; run 'news-archiver sites' to list them");
          code = ExitCodes.USAGE;
        }
      }
    }
    err.flush();
    try (Fetcher fetcher = Fetchers.standard()) {
      SiteCrawler crawler =
          new SiteCrawler(fetcher, new ArticlePipeline(fetcher, new ArticleExtractor()), common.archive, common.allowPrivate, WarcCapture.factory());
      boolean interactive = System.console() != null;
      for (SiteConfig site : sites) {
        CrawlSummary summary;
        ProgressLine progress = new ProgressLine(err, site.name(), interactive);
        try {
          summary = crawler.crawl(site, progress);
          progress.finish();
        } catch (IOException e) {
          progress.finish();
          code = Math.max(code, new ErrorHandler().handleExecutionException(e, spec.commandLine(), null));
          continue;
        }
        out.println(summary.line());
        out.flush();
        if (!summary.failures().isEmpty() && code == ExitCodes.OK) code = ExitCodes.PAGES_FAILED;
      }
    }
    return code;
  }
}
