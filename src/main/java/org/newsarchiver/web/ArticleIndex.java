package org.newsarchiver.web;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code <archive>/.search/}. It is brought up to date from the files before each search: a site
 * whose {@code articles.csv} changed size or time is walked, and only rows whose cells changed (a
 * new article, a re-extracted text, a new read count) are re-read and re-indexed; rows gone from
 * the CSV leave the index. So the index is never trusted over the CSV, and a deleted or damaged
 * index is simply rebuilt. The only home of Lucene. Thread-safe.
 */
final class ArticleIndex implements Closeable {
  /** Most keys one download may select through a search. */
  static final int MAX_SELECTED = 100_000;

  private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

  /** One hit: the row's listed values as stored in the index. */
  record Hit(String site, String id, @Nullable String title, String url, @Nullable String published, String fetchedAt,
      @Nullable Long readCount, int words) {}

  /** One page of hits and the number of all matching articles. */
  record Page(long total, List<Hit> hits) {}

  private final ArchiveFiles files;
  private final Directory dir;
  private final Analyzer analyzer = new FoldingAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, String> csvSignatures = new ConcurrentHashMap<>();

  ArticleIndex(ArchiveFiles files) throws IOException {
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

  /** Brings the index up to date with every site's {@code articles.csv}; cheap when nothing changed. */
  synchronized void refresh() throws IOException {
    List<String> sites = files.archivedSites();
    boolean changed = false;
    for (String site : sites) {
      Path csv = files.siteDir(site).resolve("articles.csv");
      // the file key changes when the CSV is replaced (rows rewritten), size and time when it grows
      var attrs = Files.readAttributes(csv, java.nio.file.attribute.BasicFileAttributes.class);
      String sig = attrs.fileKey() + "@" + attrs.size() + "@" + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
      if (sig.equals(csvSignatures.get(site))) continue;
      indexSite(site);
      csvSignatures.put(site, sig);
      changed = true;
    }
    for (String gone : new HashSet<>(csvSignatures.keySet())) {
      if (!sites.contains(gone)) {
        writer.deleteDocuments(new Term("site", gone));
        csvSignatures.remove(gone);
        changed = true;
      }
    }
    if (changed) {
      writer.commit();
      searchers.maybeRefreshBlocking();
    }
  }

  private void indexSite(String site) throws IOException {
    searchers.maybeRefreshBlocking();
    IndexSearcher s = searchers.acquire();
    try {
      Map<String, String> indexed = new HashMap<>();
      TermQuery ofSite = new TermQuery(new Term("site", site));
      int n = s.count(ofSite);
      if (n > 0) {
        for (ScoreDoc d : s.search(ofSite, n).scoreDocs) {
          Document doc = s.storedFields().document(d.doc, Set.of("id", "rowhash"));
          indexed.put(doc.get("id"), doc.get("rowhash"));
        }
      }
      Set<String> seen = new HashSet<>();
      IOException[] failed = {null};
      files.forEachRow(site, row -> {
        if (failed[0] != null) return;
        String hash = ArticleId.sha256Hex(String.join("\u0001", row.cells()));
        seen.add(row.id());
        if (hash.equals(indexed.get(row.id()))) return;
        try {
          String text = files.text(site, row.textFile());
          writer.updateDocument(new Term("key", key(site, row.id())), document(row, hash, text == null ? "" : text));
          indexed.put(row.id(), hash);
        } catch (IOException e) {
          failed[0] = e;
        }
      });
      if (failed[0] != null) throw failed[0];
      for (String id : indexed.keySet()) {
        if (!seen.contains(id)) writer.deleteDocuments(new Term("key", key(site, id)));
      }
    } finally {
      searchers.release(s);
    }
  }

  private static String key(String site, String id) {
    return site + "/" + id;
  }

  private static Document document(ArchiveRow row, String hash, String text) {
    Document d = new Document();
    String key = key(row.site(), row.id());
    d.add(new StringField("key", key, Field.Store.YES));
    d.add(new SortedDocValuesField("key", new BytesRef(key)));
    d.add(new StringField("site", row.site(), Field.Store.YES));
    d.add(new StringField("id", row.id(), Field.Store.YES));
    d.add(new StoredField("rowhash", hash));
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
    refresh();
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
      return new Page(total, hits);
    } finally {
      searchers.release(s);
    }
  }

  /** The {@code site/id} keys of every article matching the query, at most {@link #MAX_SELECTED}. */
  Set<String> keys(ArticleQuery q) throws IOException {
    refresh();
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
