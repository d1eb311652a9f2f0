package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExporterTest {
  @TempDir Path root;
  private List<ArchiveRow> rows;
  private final List<String> problems = new ArrayList<>();

  private static NewArticle article(String url, String title, String published, List<String> body) {
    return new NewArticle(URI.create(url), title, published, published == null ? null : "selector",
        published == null ? null : 42L, List.of("Jane Roe"), "en", null, Instant.parse("2024-11-02T09:30:15Z"), body);
  }

  @BeforeEach
  void archive() throws Exception {
    try (SiteArchive a = SiteArchive.open(root, "news")) {
      a.add(article("https://news.example/a", "Quotes \"and\", commas\nand a break", "2024-10-28",
          List.of("First — “para”.", "=SUM(A1) looks like a formula")));
      a.add(article("https://news.example/b", "=cmd|' /C calc'!A0", "2024-10-30", List.of("-minus start", "@at")));
      a.add(article("https://news.example/c", "Undated", null, List.of("Tab\there and \u2028 separator.")));
      a.add(article("https://news.example/a-copy", "Quotes \"and\", commas\nand a break", "2024-10-28",
          List.of("First — “para”.", "=SUM(A1) looks like a formula")));
      rows = a.rows();
    }
  }

  private String text(ArchiveRow row) throws Exception {
    return Files.readString(root.resolve("news").resolve(row.textFile()));
  }

  private String export(ArchiveExporter.Format format, ArchiveExporter.DateRange range, boolean neutralize) throws Exception {
    StringWriter out = new StringWriter();
    int n = new ArchiveExporter(root).write(List.of("news"), format, range, neutralize, out, problems::add);
    assertThat(problems).isEmpty();
    assertThat(out.toString().isEmpty()).isFalse();
    return out.toString() + "#" + n;
  }

  @Test
  void jsonLinesHoldEveryColumnAndTheTextExactly() throws Exception {
    String[] out = export(ArchiveExporter.Format.JSONL, ArchiveExporter.DateRange.ALL, false).split("#");
    assertThat(out[1]).isEqualTo("3");
    String[] lines = out[0].split("\n");
    assertThat(lines).hasSize(3);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 3; i++) {
      JsonNode node = json.readTree(lines[i]);
      ArchiveRow row = rows.get(i);
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyElementsOf(ExpectedColumns.withText());
      assertThat(node.get("id").asText()).isEqualTo(row.id());
      assertThat(node.get("title").asText()).isEqualTo(row.title());
      assertThat(node.get("published").isNull() ? null : node.get("published").asText()).isEqualTo(row.published());
      assertThat(node.get("read_count").isNull() ? null : node.get("read_count").asLong()).isEqualTo(row.readCount());
      assertThat(node.get("source").isNull()).isTrue();
      assertThat(node.get("words").asInt()).isEqualTo(row.words());
      assertThat(node.get("sha256").asText()).isEqualTo(row.sha256());
      List<String> alt = new ArrayList<>();
      node.get("alt_urls").forEach(n -> alt.add(n.asText()));
      assertThat(alt).isEqualTo(row.altUrls());
      assertThat(node.get("text").asText()).isEqualTo(text(row));
    }
    assertThat(rows.get(0).altUrls()).containsExactly("https://news.example/a-copy");
  }

  @Test
  void csvHoldsTheArchiveCellsThenTheTextExactly() throws Exception {
    String out = export(ArchiveExporter.Format.CSV, ArchiveExporter.DateRange.ALL, false).replaceFirst("#3$", "");
    List<CSVRecord> records = ArticlesCsv.FORMAT.parse(new StringReader(out)).getRecords();
    assertThat(records.get(0).toList()).containsExactlyElementsOf(ExpectedColumns.withText());
    assertThat(records).hasSize(4);
    for (int i = 0; i < 3; i++) {
      List<String> expected = new ArrayList<>(rows.get(i).cells());
      expected.add(text(rows.get(i)));
      assertThat(records.get(i + 1).toList()).isEqualTo(expected);
    }
  }

  @Test
  void neutralizedCsvPrefixesAQuoteToCellsThatStartLikeAFormula() throws Exception {
    String out = export(ArchiveExporter.Format.CSV, ArchiveExporter.DateRange.ALL, true).replaceFirst("#3$", "");
    List<CSVRecord> records = ArticlesCsv.FORMAT.parse(new StringReader(out)).getRecords();
    assertThat(records.get(2).get(3)).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(records.get(2).get(15)).isEqualTo("'=cmd|' /C calc'!A0\n\n-minus start\n\n@at\n");
    assertThat(records.get(1).get(3)).isEqualTo("Quotes \"and\", commas\nand a break");
    assertThat(ArchiveExporter.neutralize("+1")).isEqualTo("'+1");
    assertThat(ArchiveExporter.neutralize("-1")).isEqualTo("'-1");
    assertThat(ArchiveExporter.neutralize("@x")).isEqualTo("'@x");
    assertThat(ArchiveExporter.neutralize("a=b")).isEqualTo("a=b");
  }

  @Test
  void filtersOnPublishedElseFetchedDayInclusive() throws Exception {
    var range = new ArchiveExporter.DateRange(LocalDate.parse("2024-10-29"), LocalDate.parse("2024-11-02"));
    String[] out = export(ArchiveExporter.Format.JSONL, range, false).split("#");
    assertThat(out[1]).isEqualTo("2");
    assertThat(out[0].lines().map(l -> l.substring(7, l.indexOf("\",")))).containsExactly(rows.get(1).id(), rows.get(2).id());
    var until = new ArchiveExporter.DateRange(null, LocalDate.parse("2024-10-28"));
    assertThat(export(ArchiveExporter.Format.JSONL, until, false)).endsWith("#1");
  }

  @Test
  void textFormatWritesOneFilePerArticleBySite() throws Exception {
    Path dir = root.resolve("out");
    int n = new ArchiveExporter(root).writeFiles(List.of("news"), ArchiveExporter.DateRange.ALL, dir, problems::add);
    assertThat(n).isEqualTo(3);
    for (ArchiveRow row : rows) assertThat(Files.readString(dir.resolve("news/" + row.id() + ".txt"))).isEqualTo(text(row));
  }

  @Test
  void aMissingTextFileIsReportedAndSkipped() throws Exception {
    Files.delete(root.resolve("news").resolve(rows.get(1).textFile()));
    StringWriter out = new StringWriter();
    int n = new ArchiveExporter(root).write(List.of("news"), ArchiveExporter.Format.JSONL, ArchiveExporter.DateRange.ALL,
        false, out, problems::add);
    assertThat(n).isEqualTo(2);
    assertThat(problems).containsExactly(
        root.resolve("news").resolve(rows.get(1).textFile()).toAbsolutePath().normalize() + ": missing text file of " + rows.get(1).id());
  }

  /** The columns every export carries. */
  static final class ExpectedColumns {
    static List<String> withText() {
      return List.of("id", "site", "url", "title", "published", "date_source", "read_count", "author", "language",
          "source", "fetched_at", "text_file", "words", "sha256", "alt_urls", "text");
    }
  }
}
