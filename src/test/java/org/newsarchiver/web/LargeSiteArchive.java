package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.archive.NewArticle;
import org.newsarchiver.archive.SiteArchive;

/** One large site, {@value #SITE}, written in the archive's layout, and what its search index holds. */
final class LargeSiteArchive {
  static final String SITE = "big-daily";

  private LargeSiteArchive() {}

  static Path archive(Path root) {
    return root.resolve("archive");
  }

  static URI url(int i) {
    return URI.create("http://big.example/news/2024/10/story-" + i);
  }

  /**
   * The site as the archive writes it: the first article through {@link SiteArchive#add} (which
   * syncs each file, too slow for 20,000), the rest in the same layout with the archive's own text
   * and CSV writers. Only the last article has the word "aardvark".
   */
  static void write(Path root, int count) throws IOException {
    Files.createDirectories(root.resolve("sites"));
    List<ArchiveRow> rows = new ArrayList<>();
    try (SiteArchive a = SiteArchive.open(archive(root), SITE)) {
      rows.add(a.add(article(0, count)).row());
    }
    Path dir = archive(root).resolve(SITE);
    for (int i = 1; i < count; i++) {
      NewArticle n = article(i, count);
      byte[] text = n.text().bytes();
      String id = ArticleId.of(n.url());
      String file = "2024/10/" + id + ".txt";
      Files.createDirectories(dir.resolve(file).getParent());
      Files.write(dir.resolve(file), text);
      rows.add(new ArchiveRow(id, SITE, n.url().toString(), n.title(), n.published(), n.dateSource(), null, null,
          n.language(), null, n.fetchedAt().toString(), file, n.text().words(), ArticleId.sha256Hex(text), List.of()));
    }
    new ArticlesCsv(dir.resolve("articles.csv")).rewrite(rows);
  }

  static NewArticle article(int i, int count) {
    String last = i == count - 1 ? " An aardvark was seen at the harbour." : "";
    return new NewArticle(url(i), "Story " + i + " of the council", "2024-10-" + (10 + i % 20), "selector", null,
        List.of(), "en", null, Instant.parse("2024-10-30T08:00:00Z").plusSeconds(i),
        List.of("The council met about the budget, story " + i + "." + last));
  }

  static long liveDocuments(Path archive) throws IOException {
    try (FSDirectory dir = FSDirectory.open(archive.resolve(".search")); DirectoryReader r = DirectoryReader.open(dir)) {
      return r.numDocs();
    }
  }

  /** The distinct article keys with a live document: equal to the documents when no row is indexed twice. */
  static long liveKeys(Path archive) throws IOException {
    try (FSDirectory dir = FSDirectory.open(archive.resolve(".search")); DirectoryReader r = DirectoryReader.open(dir)) {
      Terms terms = MultiTerms.getTerms(r, "key");
      TermsEnum e = terms.iterator();
      long keys = 0;
      for (BytesRef t = e.next(); t != null; t = e.next()) {
        int live = 0;
        for (LeafReaderContext leaf : r.leaves()) {
          Terms lt = leaf.reader().terms("key");
          if (lt == null) continue;
          TermsEnum le = lt.iterator();
          if (!le.seekExact(t)) continue;
          PostingsEnum p = le.postings(null, PostingsEnum.NONE);
          Bits liveDocs = leaf.reader().getLiveDocs();
          for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
            if (liveDocs == null || liveDocs.get(d)) live++;
          }
        }
        assertThat(live).as(t.utf8ToString()).isLessThanOrEqualTo(1);
        keys += live;
      }
      return keys;
    }
  }
}
