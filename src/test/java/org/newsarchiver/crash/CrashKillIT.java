package org.newsarchiver.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.archive.AtomicFiles;

/**
 * Kills a real crawl process (SIGKILL, no shutdown hook runs) at random moments, restarts it, and
 * checks that the archive it leaves is consistent and that a final run completes it: every served
 * article archived exactly once, every row's text file present with its digest.
 */
class CrashKillIT {
  static final int ARTICLES = 2000;
  static final int KILLS = 12;
  static final long SEED = 20241102L;

  @TempDir Path root;
  NewsSite site;

  @BeforeEach
  void serve() {
    site = new NewsSite(ARTICLES);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void killedCrawlsLeaveAConsistentArchiveAndAFinalRunCompletesItExactlyOnce() throws Exception {
    Path sites = Files.createDirectories(root.resolve("sites"));
    Path archive = root.resolve("archive");
    String base = site.base();
    Files.writeString(sites.resolve("kill.yaml"), "name: kill\nbase_url: " + base + "/\nstart_pages: [/news/]\n"
        + "article_pattern: '/news/\\d+-story$'\nmax_articles: " + ARTICLES + "\n"
        + "selectors:\n  title: [h1]\n  date: [.date]\n  body: [.body]\n"
        + "dates:\n  formats: ['d MMMM yyyy']\n  locale: en\n"
        + "request:\n  delay: 0s\n  retries: 0\n");
    List<String> command = command(sites, archive);
    Random random = new Random(SEED);
    Path csv = archive.resolve("kill/articles.csv");
    List<Integer> rowsAfterKill = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      Process p = start(command, root.resolve("run-" + i + ".log"));
      try {
        // Wait for the JVM to start and the crawl to begin writing, then kill at a random moment.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long before = Files.exists(csv) ? Files.size(csv) : -1;
        while (p.isAlive() && (Files.exists(csv) ? Files.size(csv) : -1) <= before && System.nanoTime() < deadline) {
          Thread.sleep(5); // waiting on another process's file; no event to wait on
        }
        Thread.sleep(random.nextInt(600));
      } finally {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
      assertConsistent(archive, false);
      rowsAfterKill.add(new ArticlesCsv(csv).readAll().size());
    }
    Process last = start(command, root.resolve("final.log"));
    boolean ended = last.waitFor(90, TimeUnit.SECONDS);
    if (!ended) last.destroyForcibly();
    assertThat(ended).as("final run ends").isTrue();
    assertThat(last.exitValue()).as(Files.readString(root.resolve("final.log"))).isZero();
    assertThat(rowsAfterKill).as("kills landed mid-crawl").anyMatch(n -> n > 0 && n < ARTICLES);
    List<ArchiveRow> rows = assertConsistent(archive, true);
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= ARTICLES; i++) expected.add(base + "/news/" + i + "-story");
    assertThat(rows).extracting(ArchiveRow::url).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows).allSatisfy(r -> assertThat(r.id()).isEqualTo(ArticleId.of(URI.create(r.url()))));
  }

  /** Rows parse, ids and URLs are unique, every row's file is there with its digest, the CSV ends with a newline. */
  static List<ArchiveRow> assertConsistent(Path archive, boolean finished) throws IOException {
    Path dir = archive.resolve("kill");
    Path csv = dir.resolve("articles.csv");
    if (!Files.exists(csv)) return List.of();
    byte[] raw = Files.readAllBytes(csv);
    if (finished) assertThat(raw[raw.length - 1]).as("CSV ends with a newline").isEqualTo((byte) '\n');
    List<ArchiveRow> rows = new ArticlesCsv(csv).readAll(); // a torn tail is at most one unterminated last line
    assertThat(rows).extracting(ArchiveRow::id).doesNotHaveDuplicates();
    assertThat(rows).extracting(ArchiveRow::url).doesNotHaveDuplicates();
    for (ArchiveRow r : rows) {
      Path text = dir.resolve(r.textFile());
      assertThat(text).as(r.id()).isRegularFile();
      assertThat(r.textFile()).doesNotEndWith(AtomicFiles.TEMP_SUFFIX);
      assertThat(ArticleId.sha256Hex(Files.readAllBytes(text))).as(r.id()).isEqualTo(r.sha256());
    }
    if (finished) {
      try (Stream<Path> files = Files.walk(dir)) {
        List<String> names = files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        Set<String> referenced = new HashSet<>();
        for (ArchiveRow r : rows) referenced.add(r.textFile());
        assertThat(names).filteredOn(n -> n.endsWith(".txt")).allMatch(referenced::contains);
        assertThat(names).as("temporary files left after a complete run").noneMatch(n -> n.endsWith(AtomicFiles.TEMP_SUFFIX));
      }
    }
    return rows;
  }

  static List<String> command(Path sites, Path archive) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), "org.newsarchiver.cli.Main",
        "crawl", "--site", "kill", "--allow-private", "--sites", sites.toString(), "--archive", archive.toString());
  }

  static Process start(List<String> command, Path log) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
