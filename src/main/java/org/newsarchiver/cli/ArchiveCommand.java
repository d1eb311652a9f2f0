package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsarchiver.archive.RawCapture;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.archive.WarcCapture;
import org.newsarchiver.config.RequestSettings;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.crawl.ArticlePipeline;
import org.newsarchiver.crawl.Fetchers;
import org.newsarchiver.crawl.UrlCanonicalizer;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.FetchOptions;
import org.newsarchiver.fetch.Fetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** One-off archiving of one article URL. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = {
      "Archive one article URL now.",
      "Uses the site config whose hosts include the URL's host (or --site), else the page's own",
      "metadata and structure; prints where the text and row went."
    })
final class ArchiveCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "The article's http(s) URL.")
  String url;

  @Option(names = "--site", paramLabel = "NAME", description = "Use this site config (and archive folder).")
  String siteName;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    URI uri = parse(url);
    if (uri == null) {
      err.println("error bad-url " + url + ": only absolute http:// and https:// URLs can be archived");
      return ExitCodes.USAGE;
    }
    SiteConfig site = null;
    if (Files.isDirectory(common.sites)) {
      site = siteName != null ? common.site(siteName)
          : new SiteConfigLoader().loadAll(common.sites).forHost(uri.getHost()).orElse(null);
    }
    String folder = site != null ? site.name() : (siteName != null ? siteName : hostFolder(uri));
    RequestSettings request = site != null ? site.request() : RequestSettings.DEFAULT;
    try (Fetcher fetcher = Fetchers.standard();
        SiteArchive archive = SiteArchive.open(common.archive, folder);
        RawCapture capture = WarcCapture.factory().open(archive)) {
      ArticlePipeline.Result r =
          new ArticlePipeline(fetcher, new ArticleExtractor()).process(uri, site, request, FetchOptions.html().withAllowPrivate(common.allowPrivate), archive, capture);
      if (r.failure() != null) {
        err.println(r.failure().line());
        return ExitCodes.PAGES_FAILED;
      }
      SiteArchive.Stored stored = r.stored();
      String what =
          switch (stored.outcome()) {
            case ADDED -> "archived";
            case ALREADY_ARCHIVED -> "already archived";
            case DUPLICATE_TEXT -> "same text already archived as " + stored.row().url() + ";";
          };
      out.println(what + " " + uri);
      out.println("  text: " + common.archive.resolve(folder).resolve(stored.row().textFile()));
      out.println("  row:  " + common.archive.resolve(folder).resolve("articles.csv") + " (id " + stored.row().id() + ")");
      return ExitCodes.OK;
    }
  }

  private static URI parse(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) return null;
      return UrlCanonicalizer.canonical(uri);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** An unconfigured site's folder: its host without {@code www.}. */
  static String hostFolder(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) host = host.substring(4);
    String safe = host.replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
    if (safe.isEmpty()) safe = "site";
    return safe.length() > 64 ? safe.substring(0, 64) : safe;
  }
}
