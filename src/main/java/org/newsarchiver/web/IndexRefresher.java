package org.newsarchiver.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an {@link ArticleIndex} up to date with the sites' {@code articles.csv} on one background
 * thread, so no request waits for it: a refresh runs at start and whenever a request notices a
 * changed CSV, never two at once (at most one more is queued). A site is walked row by row with flat
 * memory: each row's key and cell hash are looked up as one term in the index as of the last
 * checkpoint, and only a row without it has its text read and is (re)indexed; the walk commits
 * every {@link ArticleIndex.Batch} so searches see its progress and a kill loses at most one batch.
 * A finished site's CSV state goes into the commit, so a restart skips it; an unfinished one is
 * walked again, its indexed rows costing one lookup each. Thread-safe.
 */
final class IndexRefresher {
  private static final Logger log = LoggerFactory.getLogger(IndexRefresher.class);

  /** Ends a walk early when the index closes. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super("search index closing", null, false, false);
    }
  }

  private final ArchiveFiles files;
  private final ArticleIndex index;
  private final ArticleIndex.Batch batch;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "search-index");
    t.setDaemon(true);
    return t;
  });
  private boolean queued; // guarded by this
  private volatile boolean closing;
  private volatile ArticleIndex.@Nullable Progress progress;
  /** Per site, the CSV state ({@link #signature}) the index is complete for, as the last commit says. */
  private final Map<String, String> complete = new ConcurrentHashMap<>();
  /** Per site, the rows of that state. */
  private final Map<String, Long> rows = new ConcurrentHashMap<>();

  IndexRefresher(ArchiveFiles files, ArticleIndex index, ArticleIndex.Batch batch) {
    this.files = files;
    this.index = index;
    this.batch = batch;
    index.committedSites().forEach((site, value) -> {
      int bar = value.lastIndexOf('|');
      if (bar < 0) return;
      complete.put(site, value.substring(0, bar));
      rows.put(site, Long.parseLong(value.substring(bar + 1)));
    });
  }

  void start() {
    synchronized (this) {
      schedule();
    }
  }

  /** Queues a refresh when some site's CSV is not in the state the index is complete for. */
  void notice() throws IOException {
    List<String> sites = files.archivedSites();
    boolean behind = complete.size() != sites.size();
    for (String site : sites) {
      if (behind) break;
      behind = !signature(site).equals(complete.get(site));
    }
    if (!behind) return;
    synchronized (this) {
      schedule();
      // a stale "behind" (the refresh ended meanwhile) queues a refresh that finds nothing and clears this
      if (progress == null) progress = new ArticleIndex.Progress(sum(rows), null);
    }
  }

  /** How far the refresh under way has got; null when none is under way or queued. */
  ArticleIndex.@Nullable Progress progress() {
    return progress;
  }

  /** Queues a refresh unless one is queued already (one may be running besides). Under the lock. */
  private void schedule() {
    if (closing || queued) return;
    queued = true;
    thread.execute(() -> {
      synchronized (this) {
        queued = false;
      }
      try {
        refresh();
      } catch (Stopped e) {
        // closing: what was written is committed by the writer's close
      } catch (IOException | RuntimeException e) {
        log.warn("search index: refresh failed ({}); the next search retries", e.toString());
        log.debug("refresh failed", e);
      } finally {
        synchronized (this) {
          if (!queued) progress = null;
        }
      }
    });
  }

  private void refresh() throws IOException {
    List<String> sites = files.archivedSites();
    Map<String, String> now = new HashMap<>();
    List<String> changed = new ArrayList<>();
    for (String site : sites) {
      now.put(site, signature(site));
      if (!now.get(site).equals(complete.get(site))) changed.add(site);
    }
    List<String> gone = new ArrayList<>(complete.keySet());
    // also a site whose first build was cut short and whose folder went before the next serve
    try (Lookup inIndex = new Lookup(index)) {
      inIndex.forEachLiveTerm("site", "", site -> {
        if (!gone.contains(site)) gone.add(site);
      });
    }
    gone.removeAll(sites);
    if (changed.isEmpty() && gone.isEmpty()) return;
    for (String site : gone) {
      index.deleteSite(site);
      complete.remove(site);
      rows.remove(site);
    }
    long done = 0;
    for (String site : sites) if (!changed.contains(site)) done += rows.getOrDefault(site, 0L);
    progress = new ArticleIndex.Progress(done, null);
    // counting first costs one parse of the CSVs (a fraction of indexing) and lets the page say "N of M"
    long total = done;
    for (String site : changed) {
      long[] n = {0};
      files.forEachRow(site, r -> {
        if (closing) throw new Stopped();
        n[0]++;
      });
      total += n[0];
    }
    progress = new ArticleIndex.Progress(done, total);
    for (String site : changed) {
      long walked = walk(site, done, total);
      complete.put(site, now.get(site));
      rows.put(site, walked);
      done += walked;
      index.checkpoint(commitData());
      progress = new ArticleIndex.Progress(done, Math.max(total, done));
      log.info("search index: {} up to date ({} articles)", site, walked);
    }
  }

  /** Walks one site's rows into the index; returns the rows walked. */
  private long walk(String site, long before, long total) throws IOException {
    IdHashes seen = new IdHashes();
    // rows walked; since the last checkpoint: rows walked, rows written, its time
    long[] n = {0, 0, 0, System.nanoTime()};
    Lookup[] lookup = {new Lookup(index)};
    try {
      files.forEachRow(site, row -> {
        if (closing) throw new Stopped();
        try {
          String rowKey = ArticleIndex.rowKey(row);
          // an id seen earlier in this walk is indexed again: the CSV's last row of an id wins
          if (!seen.add(row.id()) || !lookup[0].has("rowkey", rowKey)) {
            index.update(row, rowKey);
            n[2]++;
          }
          n[0]++;
          if (++n[1] >= batch.rows() || System.nanoTime() - n[3] >= batch.time().toNanos()) {
            if (n[2] > 0) {
              lookup[0].close();
              index.checkpoint(commitData());
              lookup[0] = new Lookup(index);
            }
            n[1] = 0;
            n[2] = 0;
            n[3] = System.nanoTime();
            progress = new ArticleIndex.Progress(before + n[0], Math.max(total, before + n[0]));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      lookup[0].close();
      index.checkpoint(commitData());
      lookup[0] = new Lookup(index);
      sweep(site, seen, lookup[0]);
    } finally {
      lookup[0].close();
    }
    return n[0];
  }

  /** Deletes the site's entries whose id is no longer in its CSV. */
  private void sweep(String site, IdHashes seen, Lookup lookup) throws IOException {
    String prefix = ArticleIndex.key(site, "");
    List<String> stale = new ArrayList<>();
    lookup.forEachLiveTerm("key", prefix, key -> {
      if (!seen.contains(key.substring(prefix.length()))) stale.add(key);
    });
    // bounded by the rows that left the CSV, which only an operator's edit removes
    for (String key : stale) index.deleteKey(key);
  }

  private Map<String, String> commitData() {
    Map<String, String> out = new HashMap<>();
    complete.forEach((site, sig) -> out.put(site, sig + "|" + rows.getOrDefault(site, 0L)));
    return out;
  }

  /** The CSV's state: its file key changes when it is replaced (rows rewritten), size and time when it grows. */
  private String signature(String site) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(files.siteDir(site).resolve("articles.csv"), BasicFileAttributes.class);
      return a.fileKey() + "@" + a.size() + "@" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    } catch (NoSuchFileException e) {
      return "none";
    }
  }

  private static long sum(Map<String, Long> m) {
    long n = 0;
    for (long v : m.values()) n += v;
    return n;
  }

  /** Stops the walk at its next row and waits for it (a commit under way finishes). */
  void close() {
    closing = true;
    // no interrupt: Lucene's file channels close themselves when their thread is interrupted
    thread.shutdown();
    try {
      if (!thread.awaitTermination(60, TimeUnit.SECONDS)) log.warn("search index: the refresh did not stop in 60 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Term lookups in the index as of the last checkpoint; deleted documents do not count. */
  private static final class Lookup implements AutoCloseable {
    private final ArticleIndex index;
    private final IndexSearcher searcher;
    private final Map<String, TermsEnum[]> enums = new HashMap<>();
    private @Nullable PostingsEnum postings;
    private boolean closed;

    Lookup(ArticleIndex index) throws IOException {
      this.index = index;
      this.searcher = index.acquire();
    }

    boolean has(String field, String term) throws IOException {
      BytesRef t = new BytesRef(term);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      TermsEnum[] perLeaf = enums.get(field);
      if (perLeaf == null) {
        perLeaf = new TermsEnum[leaves.size()];
        for (int i = 0; i < perLeaf.length; i++) {
          Terms terms = leaves.get(i).reader().terms(field);
          perLeaf[i] = terms == null ? TermsEnum.EMPTY : terms.iterator();
        }
        enums.put(field, perLeaf);
      }
      // newest segments last: a row indexed lately is found sooner from the end
      for (int i = leaves.size() - 1; i >= 0; i--) {
        if (perLeaf[i].seekExact(t) && live(perLeaf[i], leaves.get(i).reader().getLiveDocs())) return true;
      }
      return false;
    }

    void forEachLiveTerm(String field, String prefix, java.util.function.Consumer<String> action) throws IOException {
      BytesRef start = new BytesRef(prefix);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Terms terms = leaf.reader().terms(field);
        if (terms == null) continue;
        TermsEnum e = terms.iterator();
        if (e.seekCeil(start) == TermsEnum.SeekStatus.END) continue;
        for (BytesRef t = e.term(); t != null; t = e.next()) {
          String s = t.utf8ToString();
          if (!s.startsWith(prefix)) break;
          if (live(e, leaf.reader().getLiveDocs())) action.accept(s);
        }
      }
    }

    private boolean live(TermsEnum e, @Nullable Bits liveDocs) throws IOException {
      postings = e.postings(postings, PostingsEnum.NONE);
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (liveDocs == null || liveDocs.get(d)) return true;
      }
      return false;
    }

    @Override
    public void close() throws IOException {
      if (closed) return;
      closed = true;
      index.release(searcher);
    }
  }
}
