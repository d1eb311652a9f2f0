package org.newsarchiver.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveLock;
import org.newsarchiver.cli.ExitCodes;
import org.newsarchiver.cli.Main;

/**
 * Every kind of error the CLI prints, as a script sees it: one line {@code error CAUSE WHERE:
 * detail} per error, no stack trace unless {@code --debug}, and the documented exit code.
 */
class ErrorLinesIT {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path root;

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  @Test
  void everyErrorIsOneScriptReadableLineWithItsExitCode() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    server.stubFor(get("/news/404").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/news/500").willReturn(aResponse().withStatus(503)));
    server.stubFor(get("/news/pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody("%PDF-1.5")));
    server.stubFor(get("/news/empty").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html></html>")));
    Path sites = Sites.write(root, "errs", base(), "");
    Files.writeString(sites.resolve("bad.yaml"), "name: bad\nbase_url: " + base() + "/\narticle_pattern: '(('\n");
    Path archive = root.resolve("archive");
    Path fileAsArchive = Files.writeString(root.resolve("not-a-folder"), "x");
    String a = archive.toString();
    String s = sites.toString();

    List<CliRun> runs = new ArrayList<>();
    runs.add(expect(ExitCodes.PAGES_FAILED, "archive", base() + "/news/404", "--sites", s, "--archive", a));
    runs.add(expect(ExitCodes.PAGES_FAILED, "archive", base() + "/news/500", "--sites", s, "--archive", a));
    runs.add(expect(ExitCodes.PAGES_FAILED, "archive", base() + "/news/pdf", "--sites", s, "--archive", a));
    runs.add(expect(ExitCodes.PAGES_FAILED, "archive", base() + "/news/empty", "--sites", s, "--archive", a));
    runs.add(expect(ExitCodes.PAGES_FAILED, "archive", "http://127.0.0.1:" + closedPort + "/news/1", "--archive", a));
    runs.add(expect(ExitCodes.USAGE, "archive", "mailto:someone@example.org", "--archive", a));
    runs.add(expect(ExitCodes.USAGE, "crawl", "--site", "bad", "--sites", s, "--archive", a));
    runs.add(expect(ExitCodes.USAGE, "crawl", "--site", "missing", "--sites", s, "--archive", a));
    runs.add(expect(ExitCodes.USAGE, "sites", "--sites", s));
    runs.add(expect(ExitCodes.FATAL, "crawl", "--site", "errs", "--allow-private", "--sites", s, "--archive",
        fileAsArchive.toString()));
    try (ArchiveLock held = ArchiveLock.acquire(Files.createDirectories(archive.resolve("errs")))) {
      runs.add(expect(ExitCodes.FATAL, "crawl", "--site", "errs", "--allow-private", "--sites", s, "--archive", a));
    }
    assertThat(runs).allSatisfy(r -> assertThat(r.errLines()).isNotEmpty());
    assertThat(runs.stream().flatMap(r -> r.errLines().stream()).map(l -> l.split(" ")[1]).distinct())
        .contains("http-4xx", "http-5xx", "not-html", "refused", "bad-url", "config", "disk", "locked");
  }

  @Test
  void aBadCommandLineIsAnErrorLineNamingTheCommand() {
    CliRun r = CliRun.run("crawl", "--al");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).first().asString().startsWith("error usage crawl: ");
  }

  @Test
  void aStackTraceShowsOnlyWithDebugAndDebugDoesNotLeakIntoTheNextRun() throws Exception {
    Path fileAsArchive = Files.writeString(root.resolve("not-a-folder"), "x");
    Path sites = Sites.write(root, "errs", base(), "");
    String[] args = {"crawl", "--site", "errs", "--allow-private", "--sites", sites.toString(), "--archive", fileAsArchive.toString()};
    StringWriter err = new StringWriter();
    String[] debugArgs = new String[args.length + 1];
    debugArgs[0] = "--debug";
    System.arraycopy(args, 0, debugArgs, 1, args.length);
    int code = Main.run(debugArgs, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCodes.FATAL);
    assertThat(err.toString()).startsWith("error disk ").contains("\tat ");
    CliRun plain = CliRun.run(args); // checks: no stack trace without --debug, though the last run had it
    assertThat(plain.errLines()).hasSize(1);
  }

  static CliRun expect(int code, String... args) {
    CliRun r = CliRun.run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(code);
    return r;
  }
}
