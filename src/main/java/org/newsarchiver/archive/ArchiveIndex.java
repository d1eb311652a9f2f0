package org.newsarchiver.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lookup index of one site, {@code state/index.mv.db} (an H2 MVStore file): the rows in the
 * order they came, and from URL (and alternate URL), text sha256 and id to a row, through a
 * {@link KeyMap}; also the WARC payload digest per URL. It is a cache of
 * {@code articles.csv}, never the record: it notes how much of the CSV it holds ({@link IndexMark}),
 * reads only the CSV's tail when the CSV grew, and is rebuilt from the CSV when it is missing,
 * unreadable, ahead of the CSV, or was left by a crash with row changes the CSV never got. Heap use
 * is the store's page cache, whatever the number of rows. Not for listing rows: stream the CSV.
 * Used by the site's one writer (the lock); the store itself is thread-safe.
 */
final class ArchiveIndex implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(ArchiveIndex.class);
  static final String FILE = "state/index.mv.db";
  private static final String FORMAT = "1";
  private static final int CACHE_MIB = 16;
  private static final int COMMIT_EVERY_CHANGES = 20_000;
  private static final long COMMIT_EVERY_NANOS = 5_000_000_000L;
  private static final String K_FORMAT = "format";
  private static final String K_CSV = "csv";
  private static final int COMPACT_FILL_PERCENT = 70;
  private static final int COMPACT_WRITE_BYTES = 4 << 20;
  private static final String K_COUNT = "count";
  /** Key entries a rebuild gathers before writing them sorted (16 bytes of heap each). */
  private static final int BULK_KEYS = 1 << 20;
  /** Set (and committed) before the first change the CSV has not got yet; cleared once it has. */
  private static final String K_PENDING = "pending";

  private final Path file;
  private final Path csvFile;
  private final MVStore store;
  private final MVMap<String, String> meta;
  private final KeyMap keys;
  /** Each row by its sequence number, the order rows were indexed: appended in key order, so cheap to write. */
  private final MVMap<Long, String> rows;
  private final MVMap<String, String> digests;
  private long nextSeq;
  private long count;
  private long csvLength;
  private boolean duplicates;
  private int changes;
  private long lastCommit = System.nanoTime();
  private @Nullable Path trackedFile;
  private String trackedKey = "";
  private long trackedLength;

  private ArchiveIndex(Path file, Path csvFile) {
    this.file = file;
    this.csvFile = csvFile;
    this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(CACHE_MIB).open();
    try {
      // dead chunks are reused at once rather than kept 45 s for a crash (the index is rebuilt after one anyway)
      store.setRetentionTime(0);
      this.meta = map("meta");
      this.keys = new KeyMap(store);
      this.rows = store.openMap("row", new MVMap.Builder<Long, String>()
          .keyType(LongDataType.INSTANCE).valueType(StringDataType.INSTANCE));
      this.digests = map("digest");
      Long last = rows.lastKey();
      this.nextSeq = last == null ? 0 : last + 1;
      String n = meta.get(K_COUNT);
      this.count = n == null ? 0 : Long.parseLong(n);
    } catch (RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
  }

  private MVMap<String, String> map(String name) {
    return store.openMap(name, new MVMap.Builder<String, String>()
        .keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE));
  }

  /**
   * Opens the index of {@code siteDir}, bringing it up to date with {@code csv} (whose torn tail is
   * already cut); throws an IOException naming the first row of the CSV that does not parse.
   */
  static ArchiveIndex open(Path siteDir, ArticlesCsv csv) throws IOException {
    Path file = siteDir.resolve(FILE);
    Files.createDirectories(file.getParent());
    String reason = "it was missing";
    if (Files.exists(file)) {
      ArchiveIndex index = null;
      try {
        index = new ArchiveIndex(file, csv.file());
        IndexMark mark = index.mark(K_CSV);
        String stale = mark == null ? "it was never completed" : index.staleness(mark);
        if (mark != null && stale == null) {
          index.indexFrom(csv, mark.length());
          return index;
        }
        reason = stale;
      } catch (IOException e) { // a row that does not parse: the CSV needs verify, not a rebuild
        if (index != null) index.store.closeImmediately();
        throw e;
      } catch (RuntimeException e) { // MVStoreException and what a damaged page throws
        log.warn("{}: the index is unreadable ({}); rebuilding it from articles.csv", file, e.getMessage());
        reason = "it was unreadable";
      }
      if (index != null) index.store.closeImmediately();
      Files.deleteIfExists(file);
    }
    long started = System.nanoTime();
    ArchiveIndex fresh;
    try {
      fresh = new ArchiveIndex(file, csv.file());
    } catch (RuntimeException e) {
      throw writeFailure(file, e);
    }
    try {
      fresh.meta.put(K_FORMAT, FORMAT);
      fresh.indexFrom(csv, 0);
    } catch (IOException | RuntimeException e) {
      fresh.store.closeImmediately();
      throw e;
    }
    if (fresh.size() > 0) {
      log.info("{}: indexed {} rows of articles.csv in {} ms because {}", file, fresh.size(),
          (System.nanoTime() - started) / 1_000_000, reason);
    }
    return fresh;
  }

  /**
   * The number of rows of {@code csvFile} as the index of {@code siteDir} knows it, read without
   * writing anything (the store opened read-only); null when the index is missing, unreadable, of
   * another format, not exactly up to date with the CSV's bytes, or holds more rows than ids (the
   * CSV had duplicate ids, which a count of ids would hide). The caller holds the site's lock: the
   * store's own file lock would otherwise make a writer starting meanwhile rebuild the index.
   */
  static @Nullable Long currentRowCount(Path siteDir, Path csvFile) throws IOException {
    Path file = siteDir.resolve(FILE);
    if (!Files.isRegularFile(file) || !Files.isRegularFile(csvFile)) return null;
    MVStore store;
    try {
      store = new MVStore.Builder().fileName(file.toString()).readOnly().cacheSize(1).open();
    } catch (RuntimeException e) {
      return null;
    }
    try {
      if (!store.hasMap("meta") || !store.hasMap("row")) return null;
      MVMap<String, String> meta = store.openMap("meta", new MVMap.Builder<String, String>()
          .keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE));
      IndexMark mark = IndexMark.decode(meta.get(K_CSV));
      String n = meta.get(K_COUNT);
      if (!FORMAT.equals(meta.get(K_FORMAT)) || meta.containsKey(K_PENDING) || mark == null || n == null) return null;
      if (mark.length() != Files.size(csvFile) || mark.mismatch(csvFile) != null) return null;
      long count = Long.parseLong(n);
      MVMap<Long, String> rows = store.openMap("row", new MVMap.Builder<Long, String>()
          .keyType(LongDataType.INSTANCE).valueType(StringDataType.INSTANCE));
      return rows.sizeAsLong() == count ? count : null;
    } catch (RuntimeException e) { // a damaged page or a malformed count: the CSV answers instead
      return null;
    } finally {
      store.closeImmediately();
    }
  }

  /** Why this index cannot be caught up with the CSV by reading its tail; null when it can. */
  private @Nullable String staleness(IndexMark mark) throws IOException {
    if (!FORMAT.equals(meta.get(K_FORMAT))) return "it was made by another version";
    if (meta.containsKey(K_PENDING)) return "an interrupted run left row changes that articles.csv has not got";
    return mark.mismatch(csvFile);
  }

  /** Indexes the rows of the CSV from byte {@code offset} (0: all) to its end, then commits. */
  private void indexFrom(ArticlesCsv csv, long offset) throws IOException {
    long size = Files.size(csvFile);
    if (size > offset) {
      List<String> bad = new ArrayList<>();
      KeyMap.Bulk bulk = offset == 0 ? keys.bulk(BULK_KEYS, this::rowAt) : null;
      csv.forEachFrom(offset, row -> {
        if (bulk != null) {
          long seq = nextSeq++;
          rows.put(seq, RowCodec.encode(row));
          bulk.add(KeyMap.ID, row.id(), seq);
          bulk.add(KeyMap.URL, row.url(), seq);
          for (String alt : row.altUrls()) bulk.add(KeyMap.URL, alt, seq);
          bulk.add(KeyMap.SHA, row.sha256(), seq);
        } else {
          add(row);
        }
        if (++changes >= COMMIT_EVERY_CHANGES) { // bounds the unsaved pages; the mark stays where it was
          meta.put(K_COUNT, Long.toString(count)); // rows read again after a crash are skipped, not counted
          store.commit();
          changes = 0;
        }
      }, bad::add);
      if (!bad.isEmpty()) throw new IOException(bad.get(0));
      if (bulk != null) {
        bulk.finish();
        count += bulk.newIds();
        duplicates |= bulk.duplicates();
      }
    }
    csvLength = size;
    commit();
  }

  private void add(ArchiveRow row) {
    String encoded = RowCodec.encode(row);
    Long existing = keys.get(KeyMap.ID, row.id());
    if (existing != null) {
      if (encoded.equals(rows.get(existing))) return; // read again after a crash: already here
      duplicates = true;
    } else {
      count++;
    }
    long seq = nextSeq++;
    rows.put(seq, encoded);
    keys.put(KeyMap.ID, row.id(), seq, false);
    keys.put(KeyMap.URL, row.url(), seq, false);
    for (String alt : row.altUrls()) keys.put(KeyMap.URL, alt, seq, false);
    keys.put(KeyMap.SHA, row.sha256(), seq, true);
  }

  private ArchiveRow rowAt(long seq) {
    String encoded = rows.get(seq);
    if (encoded == null) throw new IllegalStateException("no row " + seq + " in " + file);
    return RowCodec.decode(encoded);
  }

  private @Nullable ArchiveRow rowOf(char kind, String value) {
    Long seq = keys.get(kind, value);
    return seq == null ? null : rowAt(seq);
  }

  /** Whether the CSV repeats an id with different values (an older version's leftover): a rewrite keeps one. */
  boolean duplicates() {
    return duplicates;
  }

  /** The number of distinct ids. */
  long size() {
    return count;
  }

  boolean containsUrl(String url) {
    return keys.get(KeyMap.URL, url) != null;
  }

  /** The row as the CSV has it (not counting changes waiting for a rewrite) of a URL, or null. */
  @Nullable ArchiveRow rowOfUrl(String url) {
    return rowOf(KeyMap.URL, url);
  }

  @Nullable ArchiveRow rowOfSha(String sha256) {
    return rowOf(KeyMap.SHA, sha256);
  }

  @Nullable ArchiveRow row(String id) {
    return rowOf(KeyMap.ID, id);
  }

  /** Notes a row just appended to the CSV ({@code bytes} long). */
  void appended(ArchiveRow row, long bytes) throws IOException {
    add(row);
    csvLength += bytes;
    changed();
  }

  /** Called before the first change the CSV will only get when rewritten: a crash then means a rebuild. */
  void pendingRewrite() {
    if (!meta.containsKey(K_PENDING)) meta.put(K_PENDING, "1");
  }

  void alias(String url, String id) {
    pendingRewrite();
    Long seq = keys.get(KeyMap.ID, id);
    if (seq != null) keys.put(KeyMap.URL, url, seq, false);
  }

  void textChanged(String id, String oldSha, String newSha) {
    pendingRewrite();
    Long seq = keys.get(KeyMap.ID, id);
    if (seq == null) return;
    keys.remove(KeyMap.SHA, oldSha, seq);
    keys.put(KeyMap.SHA, newSha, seq, true);
  }

  /** Takes in the rows a CSV rewrite just wrote. */
  void rewritten(Map<String, ArchiveRow> changed) throws IOException {
    for (ArchiveRow r : changed.values()) {
      Long seq = keys.get(KeyMap.ID, r.id());
      if (seq != null) rows.put(seq, RowCodec.encode(r));
    }
    meta.remove(K_PENDING);
    duplicates = false;
    csvLength = Files.size(csvFile);
    commit();
  }

  /** The payload digests of {@link DigestIndex}, kept here so they cost no heap. */
  MVMap<String, String> digests() {
    return digests;
  }

  @Nullable IndexMark mark(String key) {
    return IndexMark.decode(meta.get(key));
  }

  /** Makes commits record how much of {@code file} (now {@code length} bytes) is indexed, under {@code key}. */
  void track(String key, Path file, long length) {
    this.trackedKey = key;
    this.trackedFile = file;
    this.trackedLength = length;
  }

  void trackedAppended(long bytes) throws IOException {
    trackedLength += bytes;
    changed();
  }

  private void changed() throws IOException {
    if (++changes >= COMMIT_EVERY_CHANGES || System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) commit();
  }

  /** Writes the changes so far with the marks of the files they cover, as one version of the store. */
  void commit() throws IOException {
    meta.put(K_CSV, IndexMark.of(csvFile, csvLength).encode());
    meta.put(K_COUNT, Long.toString(count));
    if (trackedFile != null) meta.put(trackedKey, IndexMark.of(trackedFile, trackedLength).encode());
    try {
      store.commit();
      // no background thread does it (we commit ourselves, so each version is whole): move live pages
      // out of mostly dead chunks, else random key updates leave the file growing
      if (store.compact(COMPACT_FILL_PERCENT, COMPACT_WRITE_BYTES)) store.commit();
    } catch (RuntimeException e) {
      throw writeFailure(file, e);
    }
    changes = 0;
    lastCommit = System.nanoTime();
  }

  @Override
  public void close() throws IOException {
    try {
      commit();
    } finally {
      try {
        store.close();
      } catch (RuntimeException e) {
        throw writeFailure(file, e);
      }
    }
  }

  /** A store write that failed on an I/O error (a full disk) as the IOException naming the file it is. */
  private static RuntimeException writeFailure(Path file, RuntimeException e) throws IOException {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) throw AtomicFiles.withPath(file, io);
    }
    return e;
  }
}
