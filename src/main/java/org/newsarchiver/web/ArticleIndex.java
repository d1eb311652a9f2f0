package org.newsarchiver.web;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index of the archive's articles (title and body), kept in
 * {@code <archive>/.search/}. It is brought up to date from the files on a background thread
 * ({@link IndexRefresher}): at start, and when a search notices a changed {@code articles.csv}.
 * Searches answer at once from what the last checkpoint committed, and say how far indexing is.
 * The index is never trusted over the CSV, and a deleted or damaged index is simply rebuilt. The
 * only home of Lucene. Thread-safe.
 */
final class ArticleIndex implements Closeable {
  /** Most keys one download may select through a search. */
  static final int MAX_SELECTED = 100_000;

  private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

  /** One hit: the row's listed values as stored in the index. */
  record Hit(String site, String id, @Nullable String title, String url, @Nullable String published, String fetchedAt,
      @Nullable Long readCount, int words) {}

  /** One page of hits, the number of all matching articles, and how far indexing is when it is not done. */
  record Page(long total, List<Hit> hits, @Nullable Progress indexing) {}

  /**
   * Rows indexed so far of all rows in the CSVs; {@code total} is null while the changed CSVs are
   * still being counted.
   */
  record Progress(long indexed, @Nullable Long total) {}

  /** How often a build commits: after so many rows walked, or after so long, whichever comes first. */
  record Batch(int rows, Duration time) {
    static final Batch DEFAULT = new Batch(10_000, Duration.ofSeconds(5));

    Batch {
      if (rows < 1) throw new IllegalArgumentException("rows: must be positive, was " + rows);
    }
  }

  private final ArchiveFiles files;
  private final Directory dir;
  private final Analyzer analyzer = new FoldingAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final IndexRefresher refresher;
  private final AtomicLong written = new AtomicLong();

  ArticleIndex(ArchiveFiles files, Batch batch) throws IOException {
    this.files = files;
    Path path = files.root().resolve(".search");
    Directory d = open(path);
    IndexWriter w;
    try {
      w = writer(d, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    } catch (LockObtainFailedException e) {
      // another serve of this archive keeps the index up to date; this one builds its own in memory
      log.warn("{}: search index in use by another process; keeping this one in memory", path);
      d.close();
      d = new ByteBuffersDirectory();
      w = writer(d, IndexWriterConfig.OpenMode.CREATE);
    } catch (IOException | RuntimeException e) {
      log.warn("{}: search index unreadable ({}); rebuilding it", path, e.toString());
      w = writer(d, IndexWriterConfig.OpenMode.CREATE);
    }
    this.dir = d;
    this.writer = w;
    this.searchers = new SearcherManager(writer, null);
    this.refresher = new IndexRefresher(files, this, batch);
  }

  private IndexWriter writer(Directory d, IndexWriterConfig.OpenMode mode) throws IOException {
    return new IndexWriter(d, new IndexWriterConfig(analyzer).setOpenMode(mode));
  }

  private static Directory open(Path path) throws IOException {
    try {
      Files.createDirectories(path);
      return FSDirectory.open(path);
    } catch (IOException e) {
      // a read-only archive still gets search, from an index in memory
      log.warn("{}: cannot keep the search index here ({}); keeping it in memory", path, e.toString());
      return new ByteBuffersDirectory();
    }
  }

  /** Asks for a refresh when a CSV changed since the last one (cheap: one stat a site); never waits for it. */
  void notice() throws IOException {
    refresher.notice();
  }

  /** How far a refresh under way has got; null when the index is up to date with the CSVs. */
  @Nullable Progress progress() {
    return refresher.progress();
  }

  /** Starts the first refresh on the background thread. */
  void start() {
    refresher.start();
  }

  /** A searcher as of the last checkpoint; give it back with {@link #release}. */
  IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  void release(IndexSearcher s) throws IOException {
    searchers.release(s);
  }

  /** Adds or replaces the row's document (read from its text file), keyed by site and id. */
  void update(ArchiveRow row, String rowKey) throws IOException {
    String text = files.text(row.site(), row.textFile());
    writer.updateDocument(new Term("key", key(row.site(), row.id())), document(row, rowKey, text == null ? "" : text));
    written.incrementAndGet();
  }

  /** Documents written since this index was opened. */
  long written() {
    return written.get();
  }

  void deleteKey(String key) throws IOException {
    writer.deleteDocuments(new Term("key", key));
  }

  void deleteSite(String site) throws IOException {
    writer.deleteDocuments(new Term("site", site));
  }

  /**
   * Commits what was written (atomically: a kill leaves the last commit) with the CSV states the
   * index is complete for, then lets searches see it.
   */
  void checkpoint(Map<String, String> completeSites) throws IOException {
    Map<String, String> data = new TreeMap<>(completeSites);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  /** The CSV states (per site) the last commit is complete for: those sites need no walk at start. */
  Map<String, String> committedSites() {
    Map<String, String> out = new HashMap<>();
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) for (Map.Entry<String, String> e : data) out.put(e.getKey(), e.getValue());
    return out;
  }

  /** The row's identity in the index and its cells' hash: a term that exists only while the row is indexed as it is. */
  static String rowKey(ArchiveRow row) {
    return key(row.site(), row.id()) + " " + ArticleId.sha256Hex(String.join("\u0001", row.cells())).substring(0, 32);
  }

  static String key(String site, String id) {
    return site + "/" + id;
  }

  private static Document document(ArchiveRow row, String rowKey, String text) {
    Document d = new Document();
    String key = key(row.site(), row.id());
    d.add(new StringField("key", key, Field.Store.YES));
    d.add(new SortedDocValuesField("key", new BytesRef(key)));
    d.add(new StringField("site", row.site(), Field.Store.YES));
    d.add(new StringField("id", row.id(), Field.Store.YES));
    d.add(new StringField("rowkey", rowKey, Field.Store.NO));
    d.add(new TextField("title", row.title() == null ? "" : row.title(), Field.Store.YES));
    d.add(new TextField("body", text, Field.Store.NO));
    d.add(new StoredField("url", row.url()));
    if (row.published() != null) d.add(new StoredField("published", row.published()));
    d.add(new StoredField("fetched_at", row.fetchedAt()));
    if (row.readCount() != null) d.add(new StoredField("read_count", row.readCount()));
    d.add(new StoredField("words", row.words()));
    LocalDate day = day(row);
    if (day != null) {
      d.add(new IntPoint("day", (int) day.toEpochDay()));
      d.add(new NumericDocValuesField("day_sort", day.toEpochDay()));
    }
    long fetched;
    try {
      fetched = Instant.parse(row.fetchedAt()).getEpochSecond();
    } catch (DateTimeParseException e) {
      fetched = 0;
    }
    d.add(new NumericDocValuesField("fetched", fetched));
    return d;
  }

  /** The row's day as {@code export} filters on it: published, else fetched. */
  private static @Nullable LocalDate day(ArchiveRow row) {
    String when = row.published() != null && row.published().length() >= 10 ? row.published() : row.fetchedAt();
    try {
      return LocalDate.parse(when.substring(0, Math.min(10, when.length())));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** One page of the matching articles, newest first (publication day, then fetch time). */
  Page search(ArticleQuery q) throws IOException {
    notice();
    // read before searching: "up to date" then holds for the searcher acquired after it
    Progress indexing = progress();
    IndexSearcher s = searchers.acquire();
    try {
      Query query = query(q);
      long total = s.count(query);
      int upTo = q.page() * ArticleQuery.PAGE_SIZE;
      Sort sort = new Sort(
          new SortField("day_sort", SortField.Type.LONG, true),
          new SortField("fetched", SortField.Type.LONG, true),
          new SortField("key", SortField.Type.STRING));
      sort.getSort()[0].setMissingValue(Long.MIN_VALUE);
      TopDocs top = s.search(query, upTo, sort);
      List<Hit> hits = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = (q.page() - 1) * ArticleQuery.PAGE_SIZE; i < docs.length; i++) {
        hits.add(hit(s.storedFields().document(docs[i].doc)));
      }
      return new Page(total, hits, indexing);
    } finally {
      searchers.release(s);
    }
  }

  /** The {@code site/id} keys of every article matching the query, at most {@link #MAX_SELECTED}. */
  Set<String> keys(ArticleQuery q) throws IOException {
    notice();
    IndexSearcher s = searchers.acquire();
    try {
      Set<String> out = new HashSet<>();
      for (ScoreDoc d : s.search(query(q), MAX_SELECTED).scoreDocs) {
        out.add(s.storedFields().document(d.doc, Set.of("key")).get("key"));
      }
      return out;
    } finally {
      searchers.release(s);
    }
  }

  private Query query(ArticleQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (q.q() != null) {
      SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of("title", 2f, "body", 1f));
      parser.setDefaultOperator(BooleanClause.Occur.MUST);
      b.add(parser.parse(q.q()), BooleanClause.Occur.MUST);
    } else {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    }
    if (q.site() != null) b.add(new TermQuery(new Term("site", q.site())), BooleanClause.Occur.FILTER);
    if (q.from() != null || q.to() != null) {
      int lo = q.from() == null ? Integer.MIN_VALUE : (int) q.from().toEpochDay();
      int hi = q.to() == null ? Integer.MAX_VALUE : (int) q.to().toEpochDay();
      b.add(IntPoint.newRangeQuery("day", lo, hi), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static Hit hit(Document d) {
    Number rc = d.getField("read_count") == null ? null : d.getField("read_count").numericValue();
    String title = d.get("title");
    return new Hit(d.get("site"), d.get("id"), title == null || title.isEmpty() ? null : title, d.get("url"),
        d.get("published"), d.get("fetched_at"), rc == null ? null : rc.longValue(),
        d.getField("words").numericValue().intValue());
  }

  @Override
  public void close() throws IOException {
    try (dir; writer) {
      // the walk stops at its next row; the writer's close then commits what it had written
      refresher.close();
      searchers.close();
    }
  }

  /** Words split by Unicode rules, lower-cased and folded to ASCII, so "Café" finds "cafe". */
  private static final class FoldingAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      return new TokenStreamComponents(source, s);
    }
  }
}
