package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsarchiver.archive.ArchiveExporter;
import org.newsarchiver.archive.SiteArchive;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Streams archived articles out as JSON Lines, CSV or text files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export archived articles with their text for other tools.",
      "JSON Lines (one article per line), CSV (the archive's columns plus text) or plain text",
      "files. Dates filter on published, else fetched_at."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  static final class Which {
    @Option(names = "--site", paramLabel = "NAME", required = true, description = "A site (repeatable).")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", required = true, description = "Every site in the archive.")
    boolean all;
  }

  @ArgGroup(multiplicity = "1")
  Which which;

  @Option(names = "--since", paramLabel = "DATE", description = "First day (yyyy-mm-dd), inclusive.")
  LocalDate since;

  @Option(names = "--until", paramLabel = "DATE", description = "Last day (yyyy-mm-dd), inclusive.")
  LocalDate until;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "jsonl, csv or txt (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", defaultValue = "-", description = "File, '-' for stdout (default), or for txt a folder.")
  String output;

  @Option(names = "--neutralize-formulas", description = "CSV: prefix ' to cells starting with = + - @, for spreadsheets.")
  boolean neutralizeFormulas;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArchiveExporter.Format f;
    try {
      f = ArchiveExporter.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("error usage --format: '" + format + "' is not one of jsonl, csv, txt");
      return ExitCodes.USAGE;
    }
    if (f == ArchiveExporter.Format.TXT && output.equals("-")) {
      err.println("error usage --format txt writes files: give --output DIR");
      return ExitCodes.USAGE;
    }
    ArchiveExporter exporter = new ArchiveExporter(common.archive);
    List<String> sites = which.all ? exporter.sites() : which.names;
    for (String site : sites) {
      if (!SiteArchive.exists(common.archive, site)) {
        err.println("error usage --site " + site + ": no archive at " + common.archive.resolve(site).resolve("articles.csv"));
        return ExitCodes.USAGE;
      }
    }
    ArchiveExporter.DateRange range = new ArchiveExporter.DateRange(since, until);
    List<String> problems = new ArrayList<>();
    int count;
    if (f == ArchiveExporter.Format.TXT) {
      count = exporter.writeFiles(sites, range, Path.of(output), problems::add);
    } else if (output.equals("-")) {
      count = exporter.write(sites, f, range, neutralizeFormulas, out, problems::add);
    } else {
      try (Writer w = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
        count = exporter.write(sites, f, range, neutralizeFormulas, w, problems::add);
      }
    }
    for (String p : problems) err.println("warning " + p);
    if (!output.equals("-")) out.println("exported " + count + " articles to " + output);
    out.flush();
    err.flush();
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PAGES_FAILED;
  }
}
