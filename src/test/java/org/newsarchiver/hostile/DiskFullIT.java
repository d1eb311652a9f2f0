package org.newsarchiver.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.cli.ExitCodes;

/** A write fault below the archive writer stops the crawl with one {@code error disk} line and exit 3. */
class DiskFullIT {
  static final int ARTICLES = 40;

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path root;

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  void serveSite() {
    StringBuilder listing = new StringBuilder("<html><body>");
    for (int i = 1; i <= ARTICLES; i++) {
      listing.append("<a href='/news/").append(i).append("-story'>").append(i).append("</a>");
      String filler = ("Paragraph of story " + i + " that fills the page. ").repeat(40);
      server.stubFor(get("/news/" + i + "-story").willReturn(aResponse().withHeader("Content-Type", "text/html")
          .withBody(Sites.article("Story " + i, "3 October 2024", filler, "Second paragraph of story " + i + "."))));
    }
    server.stubFor(get("/news/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(listing.append("</body></html>").toString())));
  }

  @Test
  void aFileWhereTheMonthFolderShouldBeStopsTheCrawlWithADiskError() throws Exception {
    serveSite();
    Path archive = root.resolve("archive");
    Path blocker = Files.createDirectories(archive.resolve("full")).resolve("2024");
    Files.writeString(blocker, "a file where a folder should be");
    CliRun r = CliRun.run("crawl", "--site", "full", "--allow-private", "--sites",
        Sites.write(root, "full", base(), "").toString(), "--archive", archive.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("error disk " + blocker);
    assertThat(r.out()).isEmpty();
    assertThat(rowsMatchFiles(archive.resolve("full"))).isEmpty();
  }

  @Test
  void aFullFileSystemStopsTheCrawlWithADiskErrorAndLeavesRowsAndFilesInStep() throws Exception {
    Path mount = Files.createDirectories(root.resolve("tiny"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()),
        "needs root to mount a 64 KiB tmpfs");
    try {
      serveSite();
      Path archive = mount.resolve("archive");
      CliRun r = CliRun.run("crawl", "--site", "full", "--allow-private", "--sites",
          Sites.write(root, "full", base(), "").toString(), "--archive", archive.toString());
      assertThat(r.code()).isEqualTo(ExitCodes.FATAL);
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err()).startsWith("error disk " + archive.resolve("full")).contains("No space left on device");
      // What a later run sees, once there is room again: the site opens, rows and files agree.
      Path copy = root.resolve("copy");
      copyTree(archive, copy);
      List<ArchiveRow> rows = rowsMatchFiles(copy.resolve("full"));
      assertThat(rows.size()).isBetween(1, ARTICLES - 1);
    } finally {
      run("umount", mount.toString());
    }
  }

  /** Opens the site as the next run would and checks that each row has its file and each file its row. */
  static List<ArchiveRow> rowsMatchFiles(Path siteDir) throws IOException {
    List<ArchiveRow> rows;
    try (SiteArchive site = SiteArchive.open(siteDir.getParent(), siteDir.getFileName().toString())) {
      rows = site.rows();
    }
    Set<String> referenced = new HashSet<>();
    for (ArchiveRow row : rows) {
      referenced.add(row.textFile());
      assertThat(ArticleId.sha256Hex(Files.readAllBytes(siteDir.resolve(row.textFile())))).isEqualTo(row.sha256());
    }
    try (Stream<Path> files = Files.walk(siteDir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> siteDir.relativize(p).toString())
          .filter(n -> n.endsWith(".txt"))).allMatch(referenced::contains);
    }
    return rows;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
