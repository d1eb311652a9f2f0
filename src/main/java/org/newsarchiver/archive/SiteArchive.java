package org.newsarchiver.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One site's folder of the archive, {@code <root>/<site>/}: {@code articles.csv} and the text
 * files by month. Opening it takes the site's lock, repairs a torn CSV tail and indexes the rows
 * by URL and by text digest. Not thread-safe: one crawl of a site at a time uses it.
 */
public final class SiteArchive implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(SiteArchive.class);
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2}).*");
  private static final DateTimeFormatter FETCHED_AT =
      DateTimeFormatter.ISO_INSTANT;

  /** What {@link #add} did with an article. */
  public enum Outcome {
    ADDED,
    /** Already archived under this URL: nothing written. */
    ALREADY_ARCHIVED,
    /** The same text is archived under another URL: that row now notes this URL too. */
    DUPLICATE_TEXT
  }

  /** The row the article has in the archive and what {@link #add} did. */
  public record Stored(ArchiveRow row, Outcome outcome, Path textFile) {}

  private final Path dir;
  private final String site;
  private final ArchiveLock lock;
  private final ArticlesCsv csv;
  private final LinkedHashMap<String, ArchiveRow> byId = new LinkedHashMap<>();
  private final Map<String, String> idByUrl = new HashMap<>();
  private final Map<String, String> idBySha = new HashMap<>();
  private boolean dirty;

  private SiteArchive(Path dir, String site, ArchiveLock lock) {
    this.dir = dir;
    this.site = site;
    this.lock = lock;
    this.csv = new ArticlesCsv(dir.resolve("articles.csv"));
  }

  /** Opens (creating if needed) and locks the archive of one site under {@code root}. */
  public static SiteArchive open(Path root, String site) throws IOException {
    Path dir = SafePaths.siteDir(root, site);
    ArchiveLock lock = ArchiveLock.acquire(dir);
    SiteArchive archive = new SiteArchive(dir, site, lock);
    try {
      archive.load();
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    return archive;
  }

  private void load() throws IOException {
    removeTempLeftovers();
    long cut = csv.open();
    if (cut > 0) {
      log.warn("{}: cut a torn last row of {} bytes left by an interrupted run", csv.file(), cut);
    }
    List<String> bad = new ArrayList<>();
    csv.forEach(this::index, bad::add);
    if (!bad.isEmpty()) {
      throw new IOException(bad.get(0) + "; run 'news-archiver verify --site " + site + "'");
    }
  }

  /** Deletes the temporary files of writes a crash or kill interrupted; we hold the lock, so none is live. */
  private void removeTempLeftovers() throws IOException {
    List<Path> leftovers;
    try (Stream<Path> files = Files.walk(dir, 3)) {
      leftovers =
          files
              .filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(".") && name.endsWith(AtomicFiles.TEMP_SUFFIX);
              })
              .toList();
    }
    for (Path p : leftovers) {
      Files.deleteIfExists(p);
      log.warn("{}: removed a temporary file left by an interrupted run", p);
    }
  }

  private void index(ArchiveRow row) {
    ArchiveRow previous = byId.put(row.id(), row);
    if (previous != null) dirty = true; // a duplicate id from an older version: the rewrite keeps one
    idByUrl.put(row.url(), row.id());
    for (String alt : row.altUrls()) idByUrl.put(alt, row.id());
    idBySha.putIfAbsent(row.sha256(), row.id());
  }

  public Path dir() {
    return dir;
  }

  public String site() {
    return site;
  }

  public int size() {
    return byId.size();
  }

  public @Nullable ArchiveRow findByUrl(String url) {
    String id = idByUrl.get(url);
    return id == null ? null : byId.get(id);
  }

  public @Nullable ArchiveRow findById(String id) {
    return byId.get(id);
  }

  /** The rows in archive order. */
  public List<ArchiveRow> rows() {
    return List.copyOf(byId.values());
  }

  /**
   * Archives an article: its text file first (atomically), then its CSV row, so a crash between
   * the two leaves only a text file that the re-run rewrites identically. Idempotent per URL.
   */
  public Stored add(NewArticle article) throws IOException {
    String url = article.url().toString();
    ArchiveRow existing = findByUrl(url);
    if (existing != null) {
      return new Stored(existing, Outcome.ALREADY_ARCHIVED, dir.resolve(existing.textFile()));
    }
    ArticleText text = article.text();
    byte[] bytes = text.bytes();
    String sha = ArticleId.sha256Hex(bytes);
    String sameTextId = idBySha.get(sha);
    if (sameTextId != null) {
      ArchiveRow updated = byId.get(sameTextId).withAltUrl(url);
      replace(updated);
      return new Stored(updated, Outcome.DUPLICATE_TEXT, dir.resolve(updated.textFile()));
    }
    String id = ArticleId.of(article.url());
    String relative = monthFolder(article) + "/" + id + ".txt";
    Path textPath = SafePaths.inside(dir, relative);
    AtomicFiles.write(textPath, bytes);
    ArchiveRow row =
        new ArchiveRow(
            id, site, url, article.title(), article.published(), article.dateSource(),
            article.readCount(), article.authors().isEmpty() ? null : String.join("; ", article.authors()),
            article.language(), article.source(),
            FETCHED_AT.format(article.fetchedAt().truncatedTo(ChronoUnit.SECONDS)), relative,
            text.words(), sha, List.of());
    csv.append(row);
    index(row);
    return new Stored(row, Outcome.ADDED, textPath);
  }

  /**
   * Stores an article under a given id (re-extraction): rewrites its text file (kept where it was)
   * and its row, keeping the URL, alternate URLs and fetch time of a row it replaces; a new id is
   * appended. Returns the row it replaced, or null. CSV changes are written by {@link #flush}.
   */
  public @Nullable ArchiveRow put(String id, NewArticle article) throws IOException {
    ArchiveRow old = byId.get(id);
    ArticleText text = article.text();
    byte[] bytes = text.bytes();
    String relative = old != null ? old.textFile() : monthFolder(article) + "/" + id + ".txt";
    AtomicFiles.write(SafePaths.inside(dir, relative), bytes);
    ArchiveRow row =
        new ArchiveRow(
            id, site, old != null ? old.url() : article.url().toString(), article.title(), article.published(),
            article.dateSource(), article.readCount(),
            article.authors().isEmpty() ? null : String.join("; ", article.authors()), article.language(),
            article.source(), old != null ? old.fetchedAt() : FETCHED_AT.format(article.fetchedAt().truncatedTo(ChronoUnit.SECONDS)),
            relative, text.words(), ArticleId.sha256Hex(bytes), old != null ? old.altUrls() : List.of());
    if (old == null) {
      csv.append(row);
      index(row);
    } else {
      replace(row);
      idBySha.remove(old.sha256(), id);
      idBySha.putIfAbsent(row.sha256(), id);
    }
    return old;
  }

  /** Replaces a row's metadata (e.g. a newer read count); written to disk by {@link #flush}. */
  public void replace(ArchiveRow row) {
    if (!byId.containsKey(row.id())) throw new IllegalArgumentException("no row with id " + row.id());
    byId.put(row.id(), row);
    for (String alt : row.altUrls()) idByUrl.put(alt, row.id());
    dirty = true;
  }

  /** Writes pending row changes by rewriting the CSV atomically; appended rows are already on disk. */
  public void flush() throws IOException {
    if (dirty) {
      csv.rewrite(byId.values());
      dirty = false;
    }
  }

  private static String monthFolder(NewArticle a) {
    if (a.published() != null) {
      var m = YEAR_MONTH.matcher(a.published());
      if (m.matches()) return m.group(1) + "/" + m.group(2);
    }
    var t = a.fetchedAt().atOffset(ZoneOffset.UTC);
    return String.format("%04d/%02d", t.getYear(), t.getMonthValue());
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      lock.close();
    }
  }

  /** Whether a site folder exists under the root (without locking it). */
  public static boolean exists(Path root, String site) {
    return Files.isRegularFile(SafePaths.siteDir(root, site).resolve("articles.csv"));
  }
}
