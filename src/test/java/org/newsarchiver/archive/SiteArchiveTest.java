package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteArchiveTest {
  private static final Instant FETCHED = Instant.parse("2024-11-02T09:30:15.123Z");
  private static final String HEADER =
      "id,site,url,title,published,date_source,read_count,author,language,source,fetched_at,text_file,words,sha256,alt_urls\n";

  @TempDir Path root;

  private static NewArticle article(String url, String title, String published, List<String> body) {
    return new NewArticle(URI.create(url), title, published, published == null ? null : "selector", 726L,
        List.of("Jane Roe", "John Doe"), "en", "Politico", FETCHED, body);
  }

  @Test
  void writesTheTextFileByPublicationMonthAndOneCsvRow() throws Exception {
    NewArticle a = article("https://news.example/world/troops-in-kursk", "Troops, \"now\" in Kursk", "2024-10-28",
        List.of("First paragraph.", "Second — with “quotes”."));
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      SiteArchive.Stored s = archive.add(a);
      assertThat(s.outcome()).isEqualTo(SiteArchive.Outcome.ADDED);
    }
    String text = "Troops, \"now\" in Kursk\n\nFirst paragraph.\n\nSecond — with “quotes”.\n";
    String id = ArticleId.of(URI.create("https://news.example/world/troops-in-kursk"));
    assertThat(Files.readString(root.resolve("news/2024/10/" + id + ".txt"))).isEqualTo(text);
    String sha = ArticleId.sha256Hex(text);
    assertThat(Files.readString(root.resolve("news/articles.csv")))
        .isEqualTo(HEADER + id + ",news,https://news.example/world/troops-in-kursk,\"Troops, \"\"now\"\" in Kursk\","
            + "2024-10-28,selector,726,Jane Roe; John Doe,en,Politico,2024-11-02T09:30:15Z,2024/10/" + id
            + ".txt,5," + sha + ",\n");
  }

  @Test
  void filesAnUndatedArticleByFetchMonth() throws Exception {
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      SiteArchive.Stored s = archive.add(article("https://news.example/a", "T", null, List.of("Body.")));
      assertThat(s.row().textFile()).startsWith("2024/11/");
    }
  }

  @Test
  void addsNothingTheSecondTime() throws Exception {
    NewArticle a = article("https://news.example/a", "T", "2024-10-28", List.of("Body."));
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      archive.add(a);
    }
    String before = Files.readString(root.resolve("news/articles.csv"));
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.add(a).outcome()).isEqualTo(SiteArchive.Outcome.ALREADY_ARCHIVED);
    }
    assertThat(Files.readString(root.resolve("news/articles.csv"))).isEqualTo(before);
  }

  @Test
  void recordsTheSameTextUnderASecondUrlOnceWithTheOtherUrlNoted() throws Exception {
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      archive.add(article("https://news.example/a", "T", "2024-10-28", List.of("Body.")));
      SiteArchive.Stored s = archive.add(article("https://news.example/amp/a", "T", "2024-10-28", List.of("Body.")));
      assertThat(s.outcome()).isEqualTo(SiteArchive.Outcome.DUPLICATE_TEXT);
    }
    List<ArchiveRow> rows = new ArticlesCsv(root.resolve("news/articles.csv")).readAll();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).altUrls()).containsExactly("https://news.example/amp/a");
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.findByUrl("https://news.example/amp/a")).isEqualTo(rows.get(0));
    }
  }

  @Test
  void cutsARowTornByACrashAndCompletesItOnTheNextRun() throws Exception {
    NewArticle a = article("https://news.example/a", "T", "2024-10-28", List.of("Body."));
    NewArticle b = article("https://news.example/b", "U", "2024-10-28", List.of("Other body."));
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      archive.add(a);
    }
    Path csv = root.resolve("news/articles.csv");
    String whole = Files.readString(csv);
    Files.writeString(csv, "b-0123456789ab,news,https://news.example/b,U,2024-1", StandardOpenOption.APPEND);
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isEqualTo(1);
      archive.add(b);
    }
    List<ArchiveRow> rows = new ArticlesCsv(csv).readAll();
    assertThat(rows).extracting(ArchiveRow::url).containsExactly("https://news.example/a", "https://news.example/b");
    assertThat(Files.readString(csv)).startsWith(whole);
  }

  @Test
  void refusesASecondWriterNamingTheHolder() throws Exception {
    try (SiteArchive first = SiteArchive.open(root, "news")) {
      assertThatThrownBy(() -> SiteArchive.open(root, "news"))
          .isInstanceOf(ArchiveLockedException.class)
          .hasMessageStartingWith(root.resolve("news").resolve(".lock") + ": archive is locked by pid@host ")
          .hasMessageEndingWith("; wait for that run to end or stop it");
    }
    try (SiteArchive again = SiteArchive.open(root, "news")) {
      assertThat(again.size()).isZero();
    }
  }

  @Test
  void neverWritesOutsideTheRootWhateverTheUrl() throws Exception {
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      for (String url : List.of("https://news.example/../../../../tmp/evil", "https://news.example/a%2F..%2F..%2Fx",
          "https://news.example/C:%5Cx", "https://news.example/" + "x".repeat(300))) {
        SiteArchive.Stored s = archive.add(article(url, "T " + url, "2024-10-28", List.of("Body of " + url)));
        assertThat(s.textFile().normalize()).startsWith(root.resolve("news").toAbsolutePath());
      }
    }
    assertThatThrownBy(() -> SiteArchive.open(root, "../escape")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flushesReplacedRowsAtomically() throws Exception {
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      ArchiveRow row = archive.add(article("https://news.example/a", "T", "2024-10-28", List.of("Body."))).row();
      archive.replace(new ArchiveRow(row.id(), row.site(), row.url(), row.title(), row.published(),
          row.dateSource(), 900L, row.author(), row.language(), row.source(), row.fetchedAt(), row.textFile(),
          row.words(), row.sha256(), row.altUrls()));
    }
    assertThat(new ArticlesCsv(root.resolve("news/articles.csv")).readAll())
        .extracting(ArchiveRow::readCount).containsExactly(900L);
    try (var files = Files.list(root.resolve("news"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(AtomicFiles.TEMP_SUFFIX));
    }
    assertThat(Files.readAllBytes(root.resolve("news/articles.csv"))).startsWith(HEADER.getBytes(StandardCharsets.UTF_8));
  }
}
