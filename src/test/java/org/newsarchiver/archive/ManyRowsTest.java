package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site of many rows: changed rows reach the CSV by a streamed rewrite that keeps every other row
 * byte for byte, and streaming the rows shows the changes not yet written.
 */
class ManyRowsTest {
  private static final int ROWS = 30_000;

  @TempDir Path root;

  private static ArchiveRow row(int i, Long readCount, List<String> alt) {
    String id = "story-" + i + "-" + String.format("%012x", i);
    return new ArchiveRow(id, "news", "https://news.example/story-" + i, "Story " + i + ", \"quoted\"", "2024-10-28",
        "selector", readCount, "Jane Roe", "en", null, "2024-11-02T09:30:15Z", "2024/10/" + id + ".txt", 100 + i % 50,
        String.format("%064x", i), alt);
  }

  @Test
  void rewritesOnlyTheChangedRowsOfALargeCsvAndStreamsThePendingOnes() throws Exception {
    List<ArchiveRow> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) rows.add(row(i, i % 3 == 0 ? null : (long) i, List.of()));
    Path csv = Files.createDirectories(root.resolve("news")).resolve("articles.csv");
    new ArticlesCsv(csv).rewrite(rows);
    String original = Files.readString(csv, StandardCharsets.UTF_8);

    ArchiveRow readCount = row(12_345, 99_999L, List.of());
    ArchiveRow alt = row(29_999, 29_999L, List.of("https://news.example/amp/story-29999"));
    List<ArchiveRow> streamed = new ArrayList<>();
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isEqualTo(ROWS);
      archive.replace(readCount);
      archive.replace(alt);
      assertThat(archive.findByUrl("https://news.example/amp/story-29999")).isEqualTo(alt);
      archive.forEachRow(streamed::add);
    }
    List<ArchiveRow> expected = new ArrayList<>(rows);
    expected.set(12_345, readCount);
    expected.set(29_999, alt);
    assertThat(streamed).isEqualTo(expected);
    String changed = original
        .replace(line(rows.get(12_345)), line(readCount))
        .replace(line(rows.get(29_999)), line(alt));
    assertThat(changed).isNotEqualTo(original);
    assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(changed);
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.findById(readCount.id())).isEqualTo(readCount);
      assertThat(archive.findByUrl("https://news.example/amp/story-29999")).isEqualTo(alt);
      assertThat(archive.findByUrl(rows.get(7).url())).isEqualTo(rows.get(7));
    }
  }

  @Test
  void keepsOneRowOfAnIdThatAnOlderVersionWroteTwice() throws Exception {
    List<ArchiveRow> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) rows.add(row(i, (long) i, List.of()));
    rows.add(row(2, 222L, List.of()));
    Path csv = Files.createDirectories(root.resolve("news")).resolve("articles.csv");
    new ArticlesCsv(csv).rewrite(rows);
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isEqualTo(5);
    }
    assertThat(new ArticlesCsv(csv).readAll())
        .containsExactly(rows.get(0), rows.get(1), row(2, 222L, List.of()), rows.get(3), rows.get(4));
  }

  private static String line(ArchiveRow r) throws Exception {
    StringBuilder out = new StringBuilder();
    try (var p = new org.apache.commons.csv.CSVPrinter(out, ArticlesCsv.FORMAT)) {
      p.printRecord(r.cells());
    }
    return "\n" + out;
  }
}
