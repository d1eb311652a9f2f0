package org.newsarchiver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.cli.Main;

/** What a user sees when a cluster command cannot reach or is not told its database. */
class ClusterCommandLineIT {
  @TempDir Path root;

  record Result(int code, String out, String err) {}

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void runWithADatabaseThatDoesNotAnswerSaysSoInOneLineAndExits3() throws Exception {
    Files.createDirectories(root.resolve("sites"));
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    Result r = run("run", "--cluster", "--db-url", "jdbc:postgresql://127.0.0.1:1/news", "--db-user", "u", "--db-password", "p",
        "--sites", root.resolve("sites").toString(), "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("error database jdbc:postgresql://127.0.0.1:1/news: Connection to 127.0.0.1:1 refused."
        + " Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.;"
        + " check that PostgreSQL is running and the URL, user and password (--db-url, --db-user, NEWS_ARCHIVER_DB_PASSWORD)\n");
  }

  @Test
  void statusClusterWithoutADatabaseUrlIsAUsageError() {
    Result r = run("status", "--cluster", "--sites", root.toString(), "--archive", root.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error usage status: --cluster needs --db-url or NEWS_ARCHIVER_DB_URL; try 'news-archiver status --help'\n");
  }

  @Test
  void aDatabaseUrlThatIsNotPostgresqlIsAUsageError() {
    Result r = run("run", "--cluster", "--db-url", "jdbc:mysql://db/news", "--sites", root.toString(), "--archive", root.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error usage run: --db-url: jdbc:mysql://db/news is not a PostgreSQL JDBC URL;"
        + " give one such as jdbc:postgresql://db:5432/newsarchiver; try 'news-archiver run --help'\n");
  }
}
