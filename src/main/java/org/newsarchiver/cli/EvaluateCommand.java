package org.newsarchiver.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsarchiver.eval.CorpusEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evaluate}: scores the generic extractor on the development corpus and prints the figures. */
@Command(
    name = "evaluate",
    description = "Scores the generic extractor on the development corpus (title, date, body, author, speed).",
    mixinStandardHelpOptions = true)
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description = "Corpus folder with expected.jsonl and pages/ (default: ${DEFAULT-VALUE}).")
  Path corpus = Path.of("../shared/corpus");

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Per-page results, tab-separated (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("target/eval/pages.tsv");

  @Override
  public Integer call() throws Exception {
    CorpusEvaluation.Report report = new CorpusEvaluation(corpus).run();
    report.writeTsv(out);
    spec.commandLine().getOut().print(report.summary());
    spec.commandLine().getOut().println("per-page results: " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
