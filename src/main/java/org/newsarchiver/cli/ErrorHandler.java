package org.newsarchiver.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import org.newsarchiver.archive.ArchiveLockedException;
import org.newsarchiver.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Maps what a command throws to one stderr line and an exit code; stack traces only with --debug.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    int code;
    String line;
    if (e instanceof ConfigException) {
      line = "error config " + e.getMessage();
      code = ExitCodes.USAGE;
    } else if (e instanceof ArchiveLockedException) {
      line = "error locked " + e.getMessage();
      code = ExitCodes.FATAL;
    } else if (e instanceof FileSystemException fs) {
      line = "error disk " + fs.getFile() + ": " + reason(fs);
      code = ExitCodes.FATAL;
    } else if (e instanceof IOException) {
      line = "error disk " + e.getMessage();
      code = ExitCodes.FATAL;
    } else {
      line = "error internal " + e;
      code = ExitCodes.FATAL;
    }
    err.println(line);
    if (Main.debug) e.printStackTrace(err);
    err.flush();
    return code;
  }

  private static String reason(FileSystemException e) {
    String r = e.getReason();
    return r == null ? e.getClass().getSimpleName() : r;
  }

  /** Bad command line: one line {@code error usage COMMAND: problem; try '... --help'}, exit 2. */
  static int usage(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error usage " + cmd.getCommandName() + ": " + e.getMessage().replaceFirst("^Error: ", "")
        + "; try '" + cmd.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCodes.USAGE;
  }
}
