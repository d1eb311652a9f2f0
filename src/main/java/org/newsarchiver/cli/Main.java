package org.newsarchiver.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code news-archiver} command line: one subcommand per job. */
@Command(
    name = "news-archiver",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Keeps a faithful, clean, searchable record of news websites.",
    subcommands = {
      SitesCommand.class,
      CrawlCommand.class,
      RunCommand.class,
      StatusCommand.class,
      CheckSiteCommand.class,
      ArchiveCommand.class,
      ReextractCommand.class,
      ExportCommand.class,
      ServeCommand.class,
      VerifyCommand.class,
      ExtractCommand.class,
      EvaluateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @Option(names = "--debug", description = "Log details and print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  void debug(boolean on) {
    Main.debug = on;
    if (on) ((Logger) LoggerFactory.getLogger("org.newsarchiver")).setLevel(Level.DEBUG);
  }

  static boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. news-archiver crawl --all");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    Logger logger = (Logger) LoggerFactory.getLogger("org.newsarchiver");
    Level level = logger.getLevel();
    debug = false; // a --debug of an earlier run in this JVM must not print this run's stack traces
    try {
      return cli.execute(args);
    } finally {
      debug = false;
      logger.setLevel(level);
    }
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(ErrorHandler::usage);
    return cli;
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"news-archiver " + org.newsarchiver.fetch.UserAgent.VERSION};
    }
  }
}
