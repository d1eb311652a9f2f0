package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.cli.Main;

/** The command line of {@code serve}: what it refuses, with one error line and exit 2. */
class ServeCommandTest {
  @TempDir Path root;

  record Run(int code, String out, String err) {}

  Run serve(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 5];
    all[0] = "serve";
    all[1] = "--archive";
    all[2] = root.resolve("archive").toString();
    all[3] = "--sites";
    all[4] = root.resolve("sites").toString();
    System.arraycopy(args, 0, all, 5, args.length);
    int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    assertThat(serve("--port", "70000")).isEqualTo(new Run(2, "",
        "error usage serve: --port: must be 0 to 65535, was 70000; try 'news-archiver serve --help'\n"));
  }

  @Test
  void tooManyThreadsIsAUsageError() {
    assertThat(serve("--threads", "65")).isEqualTo(new Run(2, "",
        "error usage serve: --threads: must be 1 to 64, was 65; try 'news-archiver serve --help'\n"));
  }

  @Test
  void aPortInUseIsAUsageErrorNamingIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run = serve("--port", Integer.toString(taken.getLocalPort()));
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).startsWith("error usage serve: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (")
          .endsWith("); pick another --port; try 'news-archiver serve --help'\n");
    }
  }
}
