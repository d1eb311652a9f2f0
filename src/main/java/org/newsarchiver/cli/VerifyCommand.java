package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarchiver.archive.ArchiveExporter;
import org.newsarchiver.archive.ArchiveVerifier;
import org.newsarchiver.archive.SiteArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Checks the archive's consistency and, on request, repairs what needs no guessing. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check the archive's integrity; --repair fixes what needs no guessing.",
      "Rows parse, text files exist with their sha256, no orphan text files, no duplicate ids, no",
      "temp files, WARC files read to the end. One line per problem; exit 1 if any."
    })
final class VerifyCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--site", paramLabel = "NAME", description = "Only this site (default: every site in the archive).")
  String site;

  @Option(names = "--repair", description = "Cut torn tails, remove temp files and duplicate rows, re-index orphans from WARC.")
  boolean repair;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (site != null && !SiteArchive.exists(common.archive, site)) {
      spec.commandLine().getErr().println(
          "error usage --site " + site + ": no archive at " + common.archive.resolve(site).resolve("articles.csv"));
      return ExitCodes.USAGE;
    }
    List<String> sites = site != null ? List.of(site) : new ArchiveExporter(common.archive).sites();
    boolean clean = true;
    ArchiveVerifier verifier = new ArchiveVerifier(common.archive, repair);
    for (String s : sites) {
      List<ArchiveVerifier.Finding> findings = verifier.verify(s);
      for (ArchiveVerifier.Finding f : findings) out.println(f.line());
      clean &= ArchiveVerifier.clean(findings);
    }
    out.flush();
    return clean ? ExitCodes.OK : ExitCodes.PAGES_FAILED;
  }
}
