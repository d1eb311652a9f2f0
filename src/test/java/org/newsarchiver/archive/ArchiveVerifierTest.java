package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveVerifierTest {
  @TempDir Path root;
  private List<ArchiveRow> rows;
  private Path site;

  @BeforeEach
  void archive() throws Exception {
    try (SiteArchive a = SiteArchive.open(root, "news");
        RawCapture capture = WarcCapture.factory().open(a)) {
      for (String name : List.of("one", "two", "three")) {
        String url = "https://news.example/" + name;
        SiteArchive.Stored s = a.add(new NewArticle(URI.create(url), "Title " + name, "2024-10-28", "selector", null,
            List.of(), "en", null, Instant.parse("2024-11-02T09:30:15Z"), List.of("Body of " + name + ".")));
        capture.record(Exchanges.html(url, "<h1>Title " + name + "</h1>"), s.row().id());
      }
      rows = a.rows();
    }
    site = root.resolve("news");
  }

  private List<String> verify(boolean repair) throws Exception {
    return new ArchiveVerifier(root, repair).verify("news").stream().map(ArchiveVerifier.Finding::line).toList();
  }

  private String textOf(int i) {
    return "news/" + rows.get(i).textFile();
  }

  @Test
  void aWholeArchiveHasNoProblems() throws Exception {
    assertThat(verify(false)).isEmpty();
  }

  @Test
  void reportsAMissingTextFileAndCannotRepairIt() throws Exception {
    Files.delete(site.resolve(rows.get(1).textFile()));
    String line = "problem missing-text " + textOf(1) + ": row " + rows.get(1).id() + " has no text file";
    assertThat(verify(false)).containsExactly(line);
    assertThat(verify(true)).containsExactly(line);
  }

  @Test
  void reportsATextFileWhoseHashIsNotTheRecordedOne() throws Exception {
    Files.writeString(site.resolve(rows.get(0).textFile()), "Tampered\n");
    assertThat(verify(false)).containsExactly("problem wrong-hash " + textOf(0) + ": sha256 is "
        + ArticleId.sha256Hex("Tampered\n") + ", row " + rows.get(0).id() + " records " + rows.get(0).sha256());
  }

  @Test
  void collapsesDuplicateIdsKeepingTheFirstRow() throws Exception {
    Path csv = site.resolve("articles.csv");
    String firstRow = Files.readAllLines(csv).get(1);
    Files.writeString(csv, firstRow + "\n", StandardOpenOption.APPEND);
    String problem = "problem duplicate-id news/articles.csv: row 4 repeats id " + rows.get(0).id() + " of row 1";
    assertThat(verify(false)).containsExactly(problem);
    assertThat(verify(true)).containsExactly(problem, "repaired duplicate-id news/articles.csv: removed row 4, kept row 1");
    assertThat(new ArticlesCsv(csv).readAll()).isEqualTo(rows);
    assertThat(verify(false)).isEmpty();
  }

  @Test
  void reportsEveryDuplicateBeforeTheTextFilesInRowOrderAndRepairsThemAll() throws Exception {
    Path csv = site.resolve("articles.csv");
    List<String> lines = Files.readAllLines(csv);
    Files.writeString(csv, lines.get(2) + "\n" + lines.get(1) + "\n" + lines.get(2) + "\n", StandardOpenOption.APPEND);
    Files.delete(site.resolve(rows.get(2).textFile()));
    String two = rows.get(1).id();
    List<String> problems = List.of(
        "problem duplicate-id news/articles.csv: row 4 repeats id " + two + " of row 2",
        "problem duplicate-id news/articles.csv: row 5 repeats id " + rows.get(0).id() + " of row 1",
        "problem duplicate-id news/articles.csv: row 6 repeats id " + two + " of row 2");
    String missing = "problem missing-text " + textOf(2) + ": row " + rows.get(2).id() + " has no text file";
    assertThat(verify(false)).containsExactly(problems.get(0), problems.get(1), problems.get(2), missing);
    assertThat(verify(true)).containsExactly(problems.get(0), problems.get(1), problems.get(2),
        "repaired duplicate-id news/articles.csv: removed row 4, kept row 2",
        "repaired duplicate-id news/articles.csv: removed row 5, kept row 1",
        "repaired duplicate-id news/articles.csv: removed row 6, kept row 2", missing);
    assertThat(Files.readAllLines(csv)).isEqualTo(lines);
  }

  @Test
  void cutsATornLastCsvLine() throws Exception {
    Path csv = site.resolve("articles.csv");
    String before = Files.readString(csv);
    Files.writeString(csv, "half-a-row,news,https://", StandardOpenOption.APPEND);
    String problem = "problem torn-row news/articles.csv: the last 24 bytes are a row without its line end";
    assertThat(verify(false)).containsExactly(problem);
    assertThat(verify(true)).containsExactly(problem, "repaired torn-row news/articles.csv: cut the last 24 bytes");
    assertThat(Files.readString(csv)).isEqualTo(before);
  }

  @Test
  void removesLeftoverTempFiles() throws Exception {
    Path temp = site.resolve("2024/10/.x.txt.1a2b.part");
    Files.writeString(temp, "half");
    String problem = "problem temp-file news/2024/10/.x.txt.1a2b.part: leftover of an interrupted write";
    assertThat(verify(true)).containsExactly(problem, "repaired temp-file news/2024/10/.x.txt.1a2b.part: removed");
    assertThat(temp).doesNotExist();
  }

  @Test
  void cutsATruncatedWarcBackToItsLastWholeRecord() throws Exception {
    Path warc = WarcFiles.list(site).get(0);
    long size = Files.size(warc);
    try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.WRITE)) {
      ch.truncate(size - 30);
    }
    long whole = WarcFiles.scan(warc, (r, b) -> {}).wholeBytes();
    String name = "news/warc/" + warc.getFileName();
    // warcinfo + 3 x (request, response, metadata): the last metadata record is torn
    String problem = "problem truncated-warc " + name + ": 9 whole records, then " + (size - 30 - whole) + " bytes that do not read";
    assertThat(verify(false)).containsExactly(problem);
    assertThat(verify(true)).containsExactly(problem, "repaired truncated-warc " + name + ": cut the "
        + (size - 30 - whole) + " bytes after record 9");
    assertThat(Files.size(warc)).isEqualTo(whole);
    assertThat(verify(false)).isEmpty();
  }

  @Test
  void reindexesAnOrphanTextFileFromItsWarcCaptureAndReportsOneWithout() throws Exception {
    new ArticlesCsv(site.resolve("articles.csv")).rewrite(List.of(rows.get(0), rows.get(2)));
    Path stray = site.resolve("2024/10/stray-0123456789ab.txt");
    Files.writeString(stray, "Stray\n\nNo capture names me.\n");
    String orphan = "problem orphan-text " + textOf(1) + ": no row names this text file";
    String strayLine = "problem orphan-text news/2024/10/stray-0123456789ab.txt: no row names this text file";
    assertThat(verify(false)).containsExactlyInAnyOrder(orphan, strayLine);
    assertThat(verify(true)).containsExactlyInAnyOrder(orphan, strayLine, "repaired orphan-text " + textOf(1)
        + ": indexed as row " + rows.get(1).id() + " from its WARC capture of https://news.example/two");
    ArchiveRow back = new ArticlesCsv(site.resolve("articles.csv")).readAll().get(2);
    ArchiveRow old = rows.get(1);
    assertThat(back).isEqualTo(new ArchiveRow(old.id(), "news", old.url(), old.title(), null, null, null, null, null,
        null, "2024-11-02T09:30:15Z", old.textFile(), old.words(), old.sha256(), List.of()));
    assertThat(verify(false)).containsExactly(strayLine);
  }
}
