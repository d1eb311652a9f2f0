package org.newsarchiver.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArticleId;

/** The commands that work on an existing archive (reextract, export, verify), as a user runs them. */
class ArchiveCommandsIT {
  static final Path SITE = Path.of("src/test/resources/crawl/site");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path root;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  void writeConfig(String drop) throws Exception {
    Path dir = Files.createDirectories(root.resolve("sites"));
    Files.writeString(dir.resolve("loopback-times.yaml"), Files.readString(SITE.resolveSibling("site.yaml"))
        .replace("BASE", base()).replace("drop: [.share, .related]", "drop: " + drop));
  }

  /** Archives 1-ok with the command line (WARC captured), returning its URL. */
  String archiveOne() throws Exception {
    writeConfig("[.share, .related]");
    server.stubFor(get("/news/1-ok").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(Files.readAllBytes(SITE.resolve("1-ok.html")))));
    String url = base() + "/news/1-ok";
    Run r = run("archive", url, "--sites", root.resolve("sites").toString(), "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isZero();
    return url;
  }

  @Test
  void reextractPrintsTheChangedArticleAndASummary() throws Exception {
    String url = archiveOne();
    writeConfig("[.share, .related, '.body p:first-of-type']");
    Run r = run("reextract", "--site", "loopback-times", "--sites", root.resolve("sites").toString(),
        "--archive", root.resolve("archive").toString());
    String id = ArticleId.of(URI.create(url));
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("changed " + id + " " + url + "\n"
        + "loopback-times: 1 articles re-extracted, 1 changed, 0 unchanged, 0 failed\n");
    assertThat(r.code()).isZero();
    assertThat(Files.readString(root.resolve("archive/loopback-times/2024/10/" + id + ".txt")))
        .isEqualTo("Council approves the new bridge\n\nWork starts in spring and should take two years.\n");
  }

  @Test
  void reextractOfAnUnknownSiteIsAUsageError() throws Exception {
    writeConfig("[.share]");
    Run r = run("reextract", "--site", "nope", "--sites", root.resolve("sites").toString(),
        "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error config " + root.resolve("sites").resolve("nope.yaml")
        + ": no such site config; run 'news-archiver sites' to list them\n");
  }

  @Test
  void exportWritesOneJsonLinePerArticleToStdout() throws Exception {
    String url = archiveOne();
    String id = ArticleId.of(URI.create(url));
    Run r = run("export", "--site", "loopback-times", "--archive", root.resolve("archive").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    String text = Files.readString(root.resolve("archive/loopback-times/2024/10/" + id + ".txt"));
    var row = new org.newsarchiver.archive.ArticlesCsv(root.resolve("archive/loopback-times/articles.csv")).readAll().get(0);
    assertThat(r.out()).isEqualTo("{\"id\":\"" + id + "\",\"site\":\"loopback-times\",\"url\":\"" + url
        + "\",\"title\":\"Council approves the new bridge\",\"published\":\"2024-10-28\",\"date_source\":\"selector\","
        + "\"read_count\":726,\"author\":null,\"language\":\"en\",\"source\":null,\"fetched_at\":\"" + row.fetchedAt()
        + "\",\"text_file\":\"2024/10/" + id + ".txt\",\"words\":" + row.words() + ",\"sha256\":\"" + row.sha256()
        + "\",\"alt_urls\":[],\"text\":\"" + text.replace("\n", "\\n") + "\"}\n");
  }

  @Test
  void exportAsTextNeedsAnOutputFolder() throws Exception {
    archiveOne();
    Run r = run("export", "--all", "--format", "txt", "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error usage --format txt writes files: give --output DIR\n");
  }

  @Test
  void exportOfASiteWithoutArchiveIsAUsageError() throws Exception {
    Run r = run("export", "--site", "nope", "--archive", root.resolve("archive").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error usage --site nope: no archive at "
        + root.resolve("archive").resolve("nope").resolve("articles.csv") + "\n");
  }

  @Test
  void verifyExitsOneOnAProblemAndZeroOnceRepaired() throws Exception {
    archiveOne();
    String archive = root.resolve("archive").toString();
    assertThat(run("verify", "--archive", archive)).isEqualTo(new Run(0, "", ""));
    Path csv = root.resolve("archive/loopback-times/articles.csv");
    Files.writeString(csv, "torn", java.nio.file.StandardOpenOption.APPEND);
    String problem = "problem torn-row loopback-times/articles.csv: the last 4 bytes are a row without its line end\n";
    assertThat(run("verify", "--site", "loopback-times", "--archive", archive)).isEqualTo(new Run(1, problem, ""));
    assertThat(run("verify", "--repair", "--archive", archive)).isEqualTo(
        new Run(0, problem + "repaired torn-row loopback-times/articles.csv: cut the last 4 bytes\n", ""));
    assertThat(run("verify", "--archive", archive)).isEqualTo(new Run(0, "", ""));
  }
}
