package org.newsarchiver.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticleText;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.web.WebServer;

/**
 * The search index of {@code serve} at scale: writes a site archive of N rows (default 100,000)
 * with a text file each, then starts {@link WebServer} on it over real HTTP and prints the time to
 * its first answer, the time until the articles API no longer says the index is behind, the
 * latency of searches answered during the build, the peak heap and the index's size; then the same
 * for a restart of the unchanged archive, and for a re-walk of the whole site after its CSV was
 * touched (every row looked up, none re-indexed). Baseline from the same run: parsing the CSV and
 * reading every text file it names, which any index build must do. Run it with {@code -Xmx256m} to
 * show the bound:
 *
 * <pre>
 * java -Xmx256m -cp target/benchmarks.jar org.newsarchiver.bench.SearchBench [N] [DIR]
 * </pre>
 */
public final class SearchBench {
  private static final Pattern INDEXED = Pattern.compile("\"indexing\":\\{\"indexed\":(\\d+),\"total\":(\\d+|null)}");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("search-bench");
    Path archive = root.resolve("archive");
    Path site = archive.resolve("bench");
    Files.createDirectories(root.resolve("sites"));
    System.out.printf("rows %,d   -Xmx %d MiB   %s%n", n, Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.version"));

    long t = System.nanoTime();
    generate(site, n);
    System.out.printf("generated articles.csv (%,d MiB) and %,d text files in %.1f s%n",
        Files.size(site.resolve("articles.csv")) >> 20, n, secs(t));

    t = System.nanoTime();
    AtomicLong bytes = new AtomicLong();
    AtomicLong rows = new AtomicLong();
    new ArticlesCsv(site.resolve("articles.csv")).forEach(r -> {
      rows.incrementAndGet();
      try (InputStream in = Files.newInputStream(site.resolve(r.textFile()))) {
        bytes.addAndGet(in.readAllBytes().length);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, bad -> { throw new IllegalStateException(bad); });
    double baseline = secs(t);
    System.out.printf("baseline  parse the CSV's %,d rows and read their %,d text files (%,d MiB): %.2f s%n",
        rows.get(), rows.get(), bytes.get() >> 20, baseline);

    WebServer.Options options = new WebServer.Options(archive, root.resolve("sites"), InetAddress.getLoopbackAddress(), 0, 2,
        Clock.systemUTC(), (schedule, now) -> null);
    Run first = serve(options, n, "first serve, no index");
    System.out.printf("          full index = %.2fx the baseline; index %,d MiB (%.0f bytes a row)%n",
        first.full() / baseline, size(archive.resolve(".search")) >> 20, (double) size(archive.resolve(".search")) / n);
    Run again = serve(options, n, "restart, archive unchanged");
    System.out.printf("          full index = %.3fx the baseline%n", again.full() / baseline);
    Files.setLastModifiedTime(site.resolve("articles.csv"), FileTime.from(Instant.now()));
    Run walk = serve(options, n, "restart, CSV touched: every row looked up, none re-indexed");
    System.out.printf("          full index = %.2fx the baseline (%.1f µs a row)%n", walk.full() / baseline,
        walk.full() * 1e6 / n);
    try {
      oldWay(archive.resolve(".search"), n);
    } catch (OutOfMemoryError e) {
      System.out.printf("before    the old walk's map of every indexed id and cell hash: does not fit in -Xmx %d MiB%n",
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  /**
   * What the walk did before: load every indexed row's id and cell hash into a map (one search of
   * all the site's documents and a stored-field read each) before looking at the CSV. Timed and its
   * heap measured here, on the same index, for comparison with the lookups above.
   */
  private static void oldWay(Path index, int n) throws IOException {
    System.gc();
    long before = usedHeap();
    long t = System.nanoTime();
    Map<String, String> indexed = new HashMap<>();
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      TermQuery ofSite = new TermQuery(new Term("site", "bench"));
      for (ScoreDoc d : s.search(ofSite, s.count(ofSite)).scoreDocs) {
        String key = s.storedFields().document(d.doc, Set.of("key")).get("key");
        indexed.put(key.substring(key.indexOf('/') + 1), ArticleId.sha256Hex(key));
      }
    }
    double took = secs(t);
    System.gc();
    long held = usedHeap() - before;
    if (indexed.size() != n) throw new IllegalStateException(indexed.size() + " rows loaded");
    System.out.printf("before    the old walk's map of every indexed id and cell hash: %.2f s to load, %.0f MiB of heap held "
        + "(%.0f bytes a row), before any row is looked at%n", took, held / 1048576.0, (double) held / n);
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  record Run(double firstAnswer, double full) {}

  /** Starts serve, times its first answer and the end of indexing, and samples searches meanwhile. */
  private static Run serve(WebServer.Options options, int n, String what) throws Exception {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    long t = System.nanoTime();
    List<Double> during = new ArrayList<>();
    double firstAnswer;
    double full;
    long lastIndexed = -1;
    long live = liveHeap();
    try (WebServer server = WebServer.start(options)) {
      String body = get(server, "/api/articles?q=council");
      firstAnswer = secs(t);
      while (true) {
        long s = System.nanoTime();
        body = get(server, "/api/articles?q=budget+river");
        double took = secs(s);
        Matcher m = INDEXED.matcher(body);
        if (!m.find()) break;
        during.add(took);
        lastIndexed = Long.parseLong(m.group(1));
        live = Math.max(live, liveHeap());
        // a bench, not a test: sampling the API every 50 ms is the measurement
        Thread.sleep(50);
      }
      full = secs(t);
      if (!get(server, "/api/articles?q=council").startsWith("{\"total\":" + n + ",")) {
        throw new IllegalStateException("not every row is found");
      }
    }
    Collections.sort(during);
    System.out.printf("%s:%n          first answer after %.3f s; index complete after %.2f s; heap: live after a GC at most "
        + "%.0f MiB (sampled every 50 ms), peak %.0f MiB (sum of the heap pools' peaks, garbage included)%n", what, firstAnswer,
        full, live / 1048576.0, peakHeap() / 1048576.0);
    if (!during.isEmpty()) {
      System.out.printf("          %d searches during the build: median %.0f ms, max %.0f ms (last said %,d of %,d indexed)%n",
          during.size(), during.get(during.size() / 2) * 1000, during.get(during.size() - 1) * 1000, lastIndexed, n);
    }
    return new Run(firstAnswer, full);
  }

  private static String get(WebServer server, String path) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(server.address().resolve(path)).timeout(Duration.ofSeconds(60)).build();
    HttpResponse<String> got = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    if (got.statusCode() != 200) throw new IOException(path + ": HTTP " + got.statusCode());
    return got.body();
  }

  /** The heap in use right after the last collection of each pool: what the program holds, without garbage. */
  private static long liveHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) sum += pool.getCollectionUsage().getUsed();
    }
    return sum;
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void generate(Path site, int n) throws IOException {
    Files.createDirectories(site);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(site.resolve("articles.csv"), StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter p = new CSVPrinter(w, ArticlesCsv.FORMAT)) {
      p.printRecord(ArchiveRow.COLUMNS);
      for (int i = 0; i < n; i++) {
        String day = String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
        String url = IndexBench.url(i);
        String id = ArticleId.of(URI.create(url));
        ArticleText text = new ArticleText("Story " + i + ": council, budget and the river bridge", List.of(
            "The council met on the budget for the river bridge, story " + i + ".",
            "Word " + Integer.toString(i, 36) + " appears in this story only; the others repeat across stories."));
        String file = day.substring(0, 4) + "/" + day.substring(5, 7) + "/" + id + ".txt";
        Path path = site.resolve(file);
        Files.createDirectories(path.getParent());
        byte[] bytes = text.bytes();
        Files.write(path, bytes);
        p.printRecord(new ArchiveRow(id, "bench", url, text.title(), day, "selector", i % 4 == 0 ? null : (long) i,
            null, "en", null, day + "T09:30:15Z", file, text.words(), ArticleId.sha256Hex(bytes), List.of()).cells());
      }
    }
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
