package org.newsarchiver.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Gives an orphan text file its row back from the WARC capture whose metadata names its id: URL
 * and fetch time from the capture, title, words and sha256 from the text; what only extraction
 * knows (date, author...) stays empty rather than guessed. An orphan no capture names is left.
 */
final class OrphanIndexer {
  /** Receives what was done to one file. */
  interface Done {
    void accept(String kind, Path file, String detail);
  }

  private final Path dir;
  private final String site;

  OrphanIndexer(Path dir, String site) {
    this.dir = dir;
    this.site = site;
  }

  void index(Map<String, Path> orphansById, Done done) throws IOException {
    ArticlesCsv csv = new ArticlesCsv(dir.resolve("articles.csv"));
    csv.open();
    ArchivedPages.forEach(dir, null, page -> {
      Path file = orphansById.remove(page.articleId());
      if (file == null) return;
      byte[] bytes = Files.readAllBytes(file);
      String content = new String(bytes, StandardCharsets.UTF_8);
      String[] parts = content.strip().split("\n\n");
      String title = parts[0].isEmpty() ? null : parts[0];
      List<String> paragraphs = Arrays.asList(parts).subList(1, parts.length);
      ArchiveRow row = new ArchiveRow(
          page.articleId(), site, page.url().toString(), title, null, null, null, null, null, null,
          DateTimeFormatter.ISO_INSTANT.format(page.fetchedAt().truncatedTo(ChronoUnit.SECONDS)),
          dir.relativize(file).toString().replace('\\', '/'), new ArticleText(title, paragraphs).words(),
          ArticleId.sha256Hex(bytes), List.of());
      csv.append(row);
      done.accept("orphan-text", file, "indexed as row " + row.id() + " from its WARC capture of " + row.url());
    });
  }
}
