package org.newsarchiver.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One site's folder of the archive, {@code <root>/<site>/}: {@code articles.csv} and the text
 * files by month. Opening it takes the site's lock, repairs a torn CSV tail and brings the lookup
 * index ({@link ArchiveIndex}, on disk) up to date; rows are never all held in memory, only the
 * changes waiting for the next CSV rewrite. Not thread-safe: one crawl of a site at a time uses it.
 */
public final class SiteArchive implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(SiteArchive.class);
  /** Left by a clean close; its absence at open means temporary files may need removing. */
  static final String CLEAN_CLOSE = "clean-close";
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2}).*");
  /** Pending row changes above which {@link #put} rewrites the CSV (about 1 KiB of heap each). */
  private static final int MAX_PENDING = 10_000;
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
  /** Row changes (read counts, alternate URLs, re-extractions) the CSV gets at the next {@link #flush}. */
  private final Map<String, ArchiveRow> pending = new LinkedHashMap<>();
  private @Nullable ArchiveIndex index;

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
      try {
        if (archive.index != null) archive.index.close();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      } finally {
        lock.close();
      }
      throw e;
    }
    return archive;
  }

  private void load() throws IOException {
    Path cleanClose = dir.resolve("state").resolve(CLEAN_CLOSE);
    // A walk of a large site's text files takes seconds: only after a run that did not close cleanly
    // (a crash, a kill, a first open or an older version) can half-written files be lying about.
    if (Files.exists(cleanClose)) Files.delete(cleanClose);
    else removeTempLeftovers();
    long cut = csv.open();
    if (cut > 0) {
      log.warn("{}: cut a torn last row of {} bytes left by an interrupted run", csv.file(), cut);
    }
    try {
      index = ArchiveIndex.open(dir, csv);
    } catch (IOException e) {
      if (e instanceof java.nio.file.FileSystemException) throw e;
      throw new IOException(e.getMessage() + "; run 'news-archiver verify --site " + site + "'", e);
    }
    if (index.duplicates()) { // an older version's duplicate ids: the rewrite keeps one, the index is made anew
      rewrite(true);
      index.close();
      index = null;
      Files.delete(dir.resolve(ArchiveIndex.FILE));
      index = ArchiveIndex.open(dir, csv);
    }
  }

  private ArchiveIndex index() {
    if (index == null) throw new IllegalStateException(site + ": archive not open");
    return index;
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

  public Path dir() {
    return dir;
  }

  public String site() {
    return site;
  }

  public int size() {
    return (int) index().size();
  }

  /** Whether the URL is archived, as a row's URL or an alternate one. */
  public boolean contains(String url) {
    return index().containsUrl(url);
  }

  public @Nullable ArchiveRow findByUrl(String url) {
    ArchiveRow row = index().rowOfUrl(url);
    if (row == null) return null;
    ArchiveRow changed = pending.get(row.id());
    return changed != null ? changed : row;
  }

  public @Nullable ArchiveRow findById(String id) {
    ArchiveRow changed = pending.get(id);
    return changed != null ? changed : index().row(id);
  }

  /** Streams the rows in archive order (from the CSV, with the changes not yet flushed). */
  public void forEachRow(Consumer<ArchiveRow> action) throws IOException {
    List<String> bad = new ArrayList<>();
    csv.forEach(r -> {
      ArchiveRow changed = pending.get(r.id());
      action.accept(changed != null ? changed : r);
    }, bad::add);
    if (!bad.isEmpty()) throw new IOException(bad.get(0) + "; run 'news-archiver verify --site " + site + "'");
  }

  /**
   * All rows in archive order, read from the CSV into a list: for tests and small sites only; the
   * crawl streams them with {@link #forEachRow}.
   */
  public List<ArchiveRow> rows() throws IOException {
    List<ArchiveRow> all = new ArrayList<>();
    forEachRow(all::add);
    return all;
  }

  /** The lookup index, for the WARC digests kept in it. */
  ArchiveIndex lookupIndex() {
    return index();
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
    ArchiveRow sameTextRow = index().rowOfSha(sha);
    ArchiveRow sameText = sameTextRow == null ? null : findById(sameTextRow.id());
    if (sameText != null) {
      ArchiveRow updated = sameText.withAltUrl(url);
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
    index().appended(row, csv.append(row));
    return new Stored(row, Outcome.ADDED, textPath);
  }

  /**
   * Stores an article under a given id (re-extraction): rewrites its text file (kept where it was)
   * and its row, keeping the URL, alternate URLs and fetch time of a row it replaces; a new id is
   * appended. Returns the row it replaced, or null. CSV changes are written by {@link #flush}.
   */
  public @Nullable ArchiveRow put(String id, NewArticle article) throws IOException {
    ArchiveRow old = findById(id);
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
      index().appended(row, csv.append(row));
    } else {
      replace(row);
      if (!old.sha256().equals(row.sha256())) index().textChanged(id, old.sha256(), row.sha256());
      if (pending.size() >= MAX_PENDING) flush(); // a re-extraction of every row must not hold them all
    }
    return old;
  }

  /** Replaces a row's metadata (e.g. a newer read count); written to disk by {@link #flush}. */
  public void replace(ArchiveRow row) {
    if (findById(row.id()) == null) throw new IllegalArgumentException("no row with id " + row.id());
    index().pendingRewrite();
    pending.put(row.id(), row);
    for (String alt : row.altUrls()) index().alias(alt, row.id());
  }

  /**
   * Writes pending row changes by rewriting the CSV atomically, streamed from the old one; appended
   * rows are already on disk.
   */
  public void flush() throws IOException {
    if (!pending.isEmpty()) rewrite(false);
  }

  private void rewrite(boolean firstOfEachId) throws IOException {
    ArchiveIndex idx = index();
    idx.pendingRewrite();
    idx.commit(); // a crash from here until rewritten() below makes the next open rebuild the index
    csv.rewrite(r -> {
      ArchiveRow changed = pending.get(r.id());
      if (changed != null) return changed;
      if (!firstOfEachId) return r;
      ArchiveRow last = idx.row(r.id()); // the index holds the last row of a repeated id
      return last != null ? last : r;
    }, firstOfEachId);
    idx.rewritten(pending);
    pending.clear();
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
      if (index != null) index.close();
      index = null;
      Path state = Files.createDirectories(dir.resolve("state"));
      Files.write(state.resolve(CLEAN_CLOSE), new byte[0]);
    } finally {
      try {
        if (index != null) index.close();
      } finally {
        lock.close();
      }
    }
  }

  /** Whether a site folder exists under the root (without locking it). */
  public static boolean exists(Path root, String site) {
    return Files.isRegularFile(SafePaths.siteDir(root, site).resolve("articles.csv"));
  }
}
