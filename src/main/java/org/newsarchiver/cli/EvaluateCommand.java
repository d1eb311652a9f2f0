package org.newsarchiver.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced by the corpus evaluation. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Score the extractor on a corpus of pages.")
public final class EvaluateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.USAGE;
  }
}
