package org.newsarchiver.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveExporter;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.archive.SafePaths;

/**
 * The archive as the web view reads it: through its files only ({@code articles.csv} streamed,
 * text files by the path their row names), never through a site's lock, so a running crawl is
 * not disturbed. Every site and id from a request is checked against the archive itself before
 * any path is built. Thread-safe (holds no state).
 */
final class ArchiveFiles {
  /** Largest text file shown; longer ones are cut with a note (articles are a few KiB). */
  static final int MAX_TEXT_BYTES = 4 << 20;

  private final Path root;
  private final Path sitesDir;

  ArchiveFiles(Path root, Path sitesDir) {
    this.root = root;
    this.sitesDir = sitesDir;
  }

  Path root() {
    return root;
  }

  Path sitesDir() {
    return sitesDir;
  }

  /** The sites that have an archive folder, sorted by name. */
  List<String> archivedSites() throws IOException {
    return new ArchiveExporter(root).sites();
  }

  /** The archived sites plus the configured ones, sorted by name. */
  List<String> allSites(List<String> configured) throws IOException {
    TreeSet<String> all = new TreeSet<>(archivedSites());
    all.addAll(configured);
    return new ArrayList<>(all);
  }

  /** Whether {@code site} is an archived site; anything else (unsafe names included) is not. */
  boolean isSite(@Nullable String site) throws IOException {
    return site != null && archivedSites().contains(site);
  }

  Path siteDir(String site) {
    return SafePaths.siteDir(root, site);
  }

  /** Streams a site's rows in file order; rows that do not parse are skipped. */
  void forEachRow(String site, Consumer<ArchiveRow> rows) throws IOException {
    new ArticlesCsv(siteDir(site).resolve("articles.csv")).forEach(rows, bad -> {});
  }

  /** The row of an id in the site's CSV (the last one, as the archive keeps it), or null. */
  @Nullable ArchiveRow find(String site, String id) throws IOException {
    if (!ArticleId.isValid(id) || !isSite(site)) return null;
    ArchiveRow[] found = {null};
    forEachRow(site, r -> {
      if (r.id().equals(id)) found[0] = r;
    });
    return found[0];
  }

  /** A text file of a row (relative to its site folder), at most {@link #MAX_TEXT_BYTES}; null when missing. */
  @Nullable String text(String site, String relative) throws IOException {
    Path file = SafePaths.inside(siteDir(site), relative);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_TEXT_BYTES);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** The body paragraphs of an article's text: the text file less its title line. */
  static List<String> paragraphs(String text) {
    int start = text.indexOf("\n\n");
    String body = start < 0 ? "" : text.substring(start + 2);
    List<String> out = new ArrayList<>();
    for (String p : body.split("\n\n")) {
      if (!p.isBlank()) out.add(p.strip());
    }
    return out;
  }
}
