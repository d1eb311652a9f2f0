package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The lookup index beside articles.csv: a cache that is caught up or rebuilt from the CSV, never trusted over it. */
class ArchiveIndexTest {
  private static final Instant FETCHED = Instant.parse("2024-11-02T09:30:15Z");

  @TempDir Path root;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    Logger logger = (Logger) LoggerFactory.getLogger(ArchiveIndex.class);
    logger.addAppender(logged);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void stopListening() {
    Logger logger = (Logger) LoggerFactory.getLogger(ArchiveIndex.class);
    logger.detachAppender(logged);
    logger.setLevel(null);
  }

  private List<String> logLines() {
    return logged.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  private Path site() {
    return root.resolve("news");
  }

  private Path indexFile() {
    return site().resolve("state/index.mv.db");
  }

  private static NewArticle article(int n) {
    return new NewArticle(URI.create("https://news.example/story-" + n), "Story " + n, "2024-10-2" + (n % 10),
        "selector", 100L + n, List.of("Jane Roe"), "en", null, FETCHED, List.of("Body of story " + n + "."));
  }

  /** Three articles, one with a second URL for the same text and a newer read count. */
  private List<ArchiveRow> archiveThree() throws Exception {
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      archive.add(article(1));
      archive.add(article(2));
      ArchiveRow third = archive.add(article(3)).row();
      NewArticle sameText = new NewArticle(URI.create("https://news.example/amp/story-3"), "Story 3", "2024-10-23",
          "selector", 103L, List.of("Jane Roe"), "en", null, FETCHED, List.of("Body of story 3."));
      assertThat(archive.add(sameText).outcome()).isEqualTo(SiteArchive.Outcome.DUPLICATE_TEXT);
      archive.replace(withReadCount(archive.findById(third.id()), 900L));
    }
    return new ArticlesCsv(site().resolve("articles.csv")).readAll();
  }

  private static ArchiveRow withReadCount(ArchiveRow r, long count) {
    return new ArchiveRow(r.id(), r.site(), r.url(), r.title(), r.published(), r.dateSource(), count, r.author(),
        r.language(), r.source(), r.fetchedAt(), r.textFile(), r.words(), r.sha256(), r.altUrls());
  }

  /** What every lookup answers for these rows and a URL that is not archived. */
  private static List<Object> lookups(SiteArchive archive, List<ArchiveRow> rows) {
    List<Object> out = new ArrayList<>();
    out.add(archive.size());
    for (ArchiveRow r : rows) {
      out.add(archive.findById(r.id()));
      out.add(archive.findByUrl(r.url()));
      for (String alt : r.altUrls()) out.add(archive.findByUrl(alt));
    }
    out.add(archive.findByUrl("https://news.example/never-seen"));
    out.add(archive.contains("https://news.example/never-seen"));
    return out;
  }

  @Test
  void answersLookupsFromTheIndexAfterReopening() throws Exception {
    List<ArchiveRow> rows = archiveThree();
    assertThat(indexFile()).isRegularFile();
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isEqualTo(3);
      assertThat(archive.findByUrl("https://news.example/story-3")).isEqualTo(rows.get(2));
      assertThat(archive.findByUrl("https://news.example/amp/story-3")).isEqualTo(rows.get(2));
      assertThat(rows.get(2).readCount()).isEqualTo(900L);
      assertThat(rows.get(2).altUrls()).containsExactly("https://news.example/amp/story-3");
      assertThat(archive.findById(rows.get(0).id())).isEqualTo(rows.get(0));
      assertThat(archive.contains("https://news.example/story-2")).isTrue();
      assertThat(archive.contains("https://news.example/story-4")).isFalse();
      assertThat(archive.findByUrl("https://news.example/story-4")).isNull();
    }
    assertThat(logLines()).isEmpty();
  }

  @Test
  void rebuildsADeletedIndexFromTheCsvWithTheSameAnswers() throws Exception {
    List<ArchiveRow> rows = archiveThree();
    List<Object> before;
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      before = lookups(archive, rows);
    }
    Files.delete(indexFile());
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(lookups(archive, rows)).isEqualTo(before);
    }
    assertThat(logLines()).containsExactly(
        "INFO " + indexFile() + ": indexed 3 rows of articles.csv in " + millis() + " ms because it was missing");
  }

  @Test
  void catchesUpWithRowsAppendedToTheCsvByAnotherMeans() throws Exception {
    List<ArchiveRow> rows = archiveThree();
    ArchiveRow orphan = new ArchiveRow("orphan-0123456789ab", "news", "https://news.example/orphan", "Orphan", null,
        null, null, null, null, null, "2024-11-03T10:00:00Z", "2024/11/orphan-0123456789ab.txt", 2, "ab".repeat(32),
        List.of());
    new ArticlesCsv(site().resolve("articles.csv")).append(orphan); // what verify --repair does for an orphan
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isEqualTo(4);
      assertThat(archive.findByUrl("https://news.example/orphan")).isEqualTo(orphan);
      assertThat(archive.findByUrl(rows.get(1).url())).isEqualTo(rows.get(1));
    }
    assertThat(logLines()).as("caught up by reading the tail, not rebuilt").isEmpty();
  }

  @Test
  void rebuildsWhenTheCsvIsShorterThanTheIndexClaims() throws Exception {
    List<ArchiveRow> rows = archiveThree();
    Path csv = site().resolve("articles.csv");
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    int lastRow = text.lastIndexOf('\n', text.length() - 2) + 1;
    long full = Files.size(csv);
    try (FileChannel ch = FileChannel.open(csv, StandardOpenOption.WRITE)) {
      ch.truncate(text.substring(0, lastRow).getBytes(StandardCharsets.UTF_8).length);
    }
    long cut = Files.size(csv);
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isEqualTo(2);
      assertThat(archive.findByUrl(rows.get(2).url())).isNull();
      assertThat(archive.findByUrl("https://news.example/amp/story-3")).isNull();
      assertThat(archive.findByUrl(rows.get(1).url())).isEqualTo(rows.get(1));
    }
    assertThat(logLines()).containsExactly("INFO " + indexFile() + ": indexed 2 rows of articles.csv in " + millis()
        + " ms because articles.csv has " + cut + " bytes, fewer than the " + full + " indexed");
  }

  @Test
  void rebuildsWhenTheCsvWasRewrittenToTheSameLength() throws Exception {
    List<ArchiveRow> rows = archiveThree();
    Path csv = site().resolve("articles.csv");
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    Files.writeString(csv, text.replace(",900,", ",901,"), StandardCharsets.UTF_8); // a hand edit
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.findById(rows.get(2).id())).isEqualTo(withReadCount(rows.get(2), 901L));
    }
    assertThat(logLines()).containsExactly("INFO " + indexFile() + ": indexed 3 rows of articles.csv in " + millis()
        + " ms because articles.csv was rewritten since it was indexed");
  }

  @Test
  void rebuildsACorruptIndexWithAWarningInsteadOfFailing() throws Exception {
    List<ArchiveRow> rows = archiveThree();
    byte[] garbage = "not an MVStore file, just bytes where the index was\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(indexFile(), garbage);
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isEqualTo(3);
      assertThat(archive.findByUrl("https://news.example/amp/story-3")).isEqualTo(rows.get(2));
    }
    assertThat(logLines()).hasSize(2);
    assertThat(logLines().get(0)).startsWith("WARN " + indexFile() + ": the index is unreadable (")
        .endsWith("); rebuilding it from articles.csv");
    assertThat(logLines().get(1)).isEqualTo("INFO " + indexFile() + ": indexed 3 rows of articles.csv in " + millis()
        + " ms because it was unreadable");
  }

  @Test
  void rebuildsAnIndexDamagedInsideWithAWarning() throws Exception {
    List<ArchiveRow> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String id = "story-" + i + "-" + String.format("%012x", i);
      rows.add(new ArchiveRow(id, "news", "https://news.example/story-" + i, "Story " + i, null, null, null, null,
          null, null, "2024-11-02T09:30:15Z", "2024/10/" + id + ".txt", 1, String.format("%064x", i), List.of()));
    }
    new ArticlesCsv(Files.createDirectories(site()).resolve("articles.csv")).rewrite(rows);
    SiteArchive.open(root, "news").close();
    long size = Files.size(indexFile());
    try (FileChannel ch = FileChannel.open(indexFile(), StandardOpenOption.WRITE)) {
      for (long at = 8192; at < size; at += size / 7) ch.write(java.nio.ByteBuffer.wrap(new byte[2048]), at); // past the header
    }
    logged.list.clear();
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isEqualTo(20_000);
      for (ArchiveRow r : rows) assertThat(archive.findByUrl(r.url())).isEqualTo(r);
    }
    assertThat(logLines()).hasSize(2);
    assertThat(logLines().get(0)).startsWith("WARN " + indexFile() + ": the index is unreadable (");
    assertThat(logLines().get(1)).isEqualTo("INFO " + indexFile() + ": indexed 20000 rows of articles.csv in "
        + millis() + " ms because it was unreadable");
  }

  @Test
  void rebuildsAfterACrashBetweenARowChangeAndTheCsvRewrite() throws Exception {
    List<ArchiveRow> rows = archiveThree();
    Path copy = root.resolve("after-crash");
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      archive.replace(withReadCount(rows.get(0), 5000L).withAltUrl("https://news.example/amp/story-1"));
      archive.lookupIndex().commit(); // a periodic commit, then the process dies before close rewrites the CSV
      copyTree(site(), copy.resolve("news"));
    }
    try (SiteArchive archive = SiteArchive.open(copy, "news")) {
      assertThat(archive.findById(rows.get(0).id())).isEqualTo(rows.get(0));
      assertThat(archive.findByUrl("https://news.example/amp/story-1")).isNull();
    }
    Path copied = copy.resolve("news/state/index.mv.db");
    assertThat(logLines()).containsExactly("INFO " + copied + ": indexed 3 rows of articles.csv in " + millis()
        + " ms because an interrupted run left row changes that articles.csv has not got");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else if (!p.getFileName().toString().equals(".lock")) Files.copy(p, target);
      }
    }
  }

  /** The milliseconds a rebuild logged (the only varying part of its line). */
  private String millis() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(" ms because "))
        .map(m -> m.replaceAll(".* in (\\d+) ms because .*", "$1")).findFirst().orElse("?");
  }
}
