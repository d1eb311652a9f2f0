package org.newsarchiver.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.newsarchiver.cli.Main;

/**
 * Runs the CLI in-process as a user would and checks what a script reads from stderr: every line is
 * {@code error CAUSE WHERE: detail} or {@code warning CAUSE WHERE: detail} and no stack trace shows
 * without {@code --debug}.
 */
record CliRun(int code, String out, String err) {
  static final Pattern ERROR_LINE = Pattern.compile("^(error|warning) [a-z0-9-]+ \\S+: .+$");

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    CliRun r = new CliRun(code, out.toString(), err.toString());
    r.assertScriptReadableErrors();
    return r;
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  void assertScriptReadableErrors() {
    assertThat(errLines()).as("stderr of a run").allSatisfy(line -> assertThat(line).matches(ERROR_LINE));
    assertThat(err).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }
}
