package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.crawl.Reextractor;
import org.newsarchiver.extract.ArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Rebuilds a site's texts and rows from its WARC captures, offline. */
@Command(
    name = "reextract",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild a site's texts and rows from its WARC files, offline.",
      "Uses the current config and extractor; ids stay the same. Prints 'changed ID URL' per",
      "article whose text changed, then a summary."
    })
final class ReextractCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--site", paramLabel = "NAME", required = true, description = "The site, by its config name.")
  String name;

  @Option(names = "--since", paramLabel = "DATE", description = "Only pages captured on or after this UTC day (yyyy-mm-dd).")
  LocalDate since;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiteConfig site = common.site(name);
    Instant from = since == null ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant();
    Reextractor.Summary summary =
        new Reextractor(new ArticleExtractor(), common.archive).run(site, from, o -> {
          switch (o.change()) {
            case CHANGED -> out.println(o.line());
            case FAILED -> err.println(o.line());
            case UNCHANGED -> {}
          }
        });
    out.println(summary.line());
    out.flush();
    err.flush();
    return summary.failed() > 0 ? ExitCodes.PAGES_FAILED : ExitCodes.OK;
  }
}
