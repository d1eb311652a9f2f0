package org.newsarchiver.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArchiveVerifier;
import org.newsarchiver.archive.ArticleId;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.archive.SiteArchive;

/**
 * The archive index at scale: writes a site archive of N rows (default 1,000,000; CSV rows first,
 * no text files), then prints the time to build the index from the CSV, the time to open the site
 * with the index present (median of several), the time per lookup of archived and of unknown URLs,
 * and the heap in use after opening and a GC. Then it writes the text files the rows name (F of
 * them, default N: row i names file i mod F, so F below N makes rows share files) and prints the
 * time to open the site with them present and the time and peak heap of {@code verify}. Baselines
 * from the same run: reading the CSV's bytes, parsing its rows, and a {@link HashMap} lookup. Run
 * it with {@code -Xmx256m} to show the bound:
 *
 * <pre>
 * java -Xmx256m -cp target/benchmarks.jar org.newsarchiver.bench.IndexBench [N] [DIR] [F]
 * </pre>
 */
public final class IndexBench {
  private static final int OPENS = 7;
  private static final int LOOKUPS = 200_000;
  private static final int BASELINE_MAP = 200_000;
  private static final int ROUNDS = 7;

  private IndexBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("index-bench");
    int textFiles = args.length > 2 ? Integer.parseInt(args[2]) : n;
    if (textFiles < 1 || textFiles > n) throw new IllegalArgumentException("F: between 1 and N, was " + textFiles);
    Path csv = Files.createDirectories(root.resolve("bench")).resolve("articles.csv");
    System.out.printf("rows %,d   text files %,d   -Xmx %d MiB   %s%n", n, textFiles,
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"));

    long t = System.nanoTime();
    generate(csv, n, textFiles);
    System.out.printf("generated articles.csv: %,d MiB in %.1f s%n", Files.size(csv) >> 20, secs(t));

    t = System.nanoTime();
    long bytes = readBytes(csv);
    double read = secs(t);
    t = System.nanoTime();
    AtomicLong parsed = new AtomicLong();
    new ArticlesCsv(csv).forEach(r -> parsed.incrementAndGet(), bad -> { throw new IllegalStateException(bad); });
    double parse = secs(t);
    System.out.printf("baseline  read the CSV's %,d bytes: %.2f s; parse its %,d rows: %.2f s%n", bytes, read,
        parsed.get(), parse);

    Files.deleteIfExists(root.resolve("bench/state/index.mv.db"));
    t = System.nanoTime();
    try (SiteArchive a = SiteArchive.open(root, "bench")) {
      if (a.size() != n) throw new IllegalStateException("indexed " + a.size() + " rows, not " + n);
    }
    double build = secs(t);
    System.out.printf("index     build from the CSV (open with no index, then close): %.2f s = %.2fx parse, "
        + "%.1fx read; index file %,d MiB%n", build, build / parse, build / read,
        Files.size(root.resolve("bench/state/index.mv.db")) >> 20);

    double[] opens = new double[OPENS];
    for (int i = 0; i < OPENS; i++) {
      t = System.nanoTime();
      SiteArchive a = SiteArchive.open(root, "bench");
      opens[i] = secs(t) * 1000;
      a.close();
    }
    Arrays.sort(opens);
    double open = opens[OPENS / 2];
    System.out.printf("start-up  SiteArchive.open with the index: median %.0f ms of %d (min %.0f, max %.0f) = %.3fx "
        + "the CSV read%n", open, OPENS, opens[0], opens[OPENS - 1], open / 1000 / read);

    try (SiteArchive a = SiteArchive.open(root, "bench")) {
      double[] hits = new double[ROUNDS];
      double[] missed = new double[ROUNDS];
      double[] whole = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) { // interleaved, so load changes hit each alike; the first rounds warm up
        hits[r] = lookups(a, n, LOOKUPS, r);
        missed[r] = misses(a, n, LOOKUPS, r);
        whole[r] = rows(a, n, LOOKUPS, r);
      }
      double hit = median(hits);
      double miss = median(missed);
      double row = median(whole);
      double map = hashMap(n);
      System.out.printf("lookup    archived URL (contains): %.2f µs; unknown URL: %.2f µs; URL to whole row "
          + "(findByUrl): %.2f µs; each the median of %d rounds of %,d random lookups%n", hit, miss, row, ROUNDS,
          LOOKUPS);
      System.out.printf("baseline  HashMap<String,String> of %,d URLs, get: %.3f µs -> index/HashMap %.0fx (hit), "
          + "%.0fx (miss)%n", BASELINE_MAP, map, hit / map, miss / map);
      System.gc();
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf("heap      in use with the site open, after lookups and a GC: %.1f MiB (of -Xmx %d MiB)%n",
          used / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    }
    verify(root, n, textFiles, parse);
  }

  /** Writes the text files, then times opening the site with them present and a whole {@code verify}. */
  private static void verify(Path root, int n, int textFiles, double parse) throws IOException {
    // rows sharing a file (F < N) are checked once each: verify reads the file N times, the baseline F
    long t = System.nanoTime();
    Path site = root.resolve("bench");
    for (int j = 0; j < textFiles; j++) {
      Path file = site.resolve(textFile(j));
      Files.createDirectories(file.getParent());
      Files.write(file, text(j));
    }
    System.out.printf("generated %,d text files in %.1f s%n", textFiles, secs(t));

    double[] opens = new double[3];
    for (int i = 0; i < opens.length; i++) {
      t = System.nanoTime();
      SiteArchive a = SiteArchive.open(root, "bench");
      opens[i] = secs(t) * 1000;
      a.close();
    }
    System.out.printf("start-up  SiteArchive.open with the text files present: median %.0f ms of %d%n", median(opens),
        opens.length);
    Files.delete(site.resolve("state").resolve("clean-close")); // as a killed run leaves it
    t = System.nanoTime();
    SiteArchive.open(root, "bench").close();
    System.out.printf("start-up  SiteArchive.open after a killed run (searches the text files for leftovers): %.0f ms%n",
        secs(t) * 1000);

    t = System.nanoTime();
    long[] hashed = {0};
    try (Stream<Path> files = Files.walk(site)) {
      for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".txt"))::iterator) {
        ArticleId.sha256Hex(Files.readAllBytes(f));
        hashed[0]++;
      }
    }
    double hashAll = secs(t);
    System.out.printf("baseline  walk the site and SHA-256 each of its %,d text files: %.1f s%n", hashed[0], hashAll);

    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    t = System.nanoTime();
    List<ArchiveVerifier.Finding> findings = new ArchiveVerifier(root, false).verify("bench");
    double verify = secs(t);
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    if (!findings.isEmpty()) {
      throw new IllegalStateException(findings.size() + " findings, first: " + findings.get(0).line());
    }
    System.out.printf("verify    %,d rows, %,d text files, no findings: %.1f s = %.1fx parse, %.2fx walk-and-hash; "
        + "peak heap %.0f MiB (sum of the heap pools' peaks, an upper bound; -Xmx %d MiB)%n", n, textFiles, verify,
        verify / parse, verify / hashAll, peak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
  }

  static String url(int i) {
    return "https://bench.example/news/2024/10/28/story-" + i + ".html";
  }

  private static String id(int i) {
    return "story-" + i + "-" + String.format("%012x", i * 2654435761L & 0xffffffffffffL);
  }

  private static String day(int i) {
    return String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
  }

  private static String title(int i) {
    return "Story " + i + ": council, budget and \"the river\" bridge";
  }

  /** The text file of row {@code j} (row i names that of {@code i mod F}). */
  private static String textFile(int j) {
    String day = day(j);
    return day.substring(0, 4) + "/" + day.substring(5, 7) + "/" + id(j) + ".txt";
  }

  private static byte[] text(int j) {
    return (title(j) + "\n\nThe council met on the budget for the river bridge, story " + j + ".\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void generate(Path csv, int n, int textFiles) throws IOException {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter p = new CSVPrinter(w, ArticlesCsv.FORMAT)) {
      p.printRecord(ArchiveRow.COLUMNS);
      for (int i = 0; i < n; i++) {
        String day = day(i);
        int j = i % textFiles;
        p.printRecord(new ArchiveRow(id(i), "bench", url(i), title(i), day, "selector",
            i % 4 == 0 ? null : (long) (i % 100_000), "Jane Roe; John Doe", "en", null, day + "T09:30:15Z",
            textFile(j), 300 + i % 900, ArticleId.sha256Hex(text(j)), List.of()).cells());
      }
    }
  }

  private static long readBytes(Path csv) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (InputStream in = Files.newInputStream(csv)) {
      for (int k; (k = in.read(buf)) > 0; ) total += k;
    }
    return total;
  }

  /** µs per {@code contains} of an archived URL, in random order. */
  private static double lookups(SiteArchive a, int n, int count, int seed) {
    SplittableRandom rnd = new SplittableRandom(100 + seed);
    long t = System.nanoTime();
    int found = 0;
    for (int i = 0; i < count; i++) if (a.contains(url(rnd.nextInt(n)))) found++;
    double us = (System.nanoTime() - t) / 1000.0 / count;
    if (found != count) throw new IllegalStateException(found + " of " + count + " archived URLs found");
    return us;
  }

  private static double misses(SiteArchive a, int n, int count, int seed) {
    SplittableRandom rnd = new SplittableRandom(200 + seed);
    long t = System.nanoTime();
    int found = 0;
    for (int i = 0; i < count; i++) if (a.contains(url(n + rnd.nextInt(n)))) found++;
    double us = (System.nanoTime() - t) / 1000.0 / count;
    if (found != 0) throw new IllegalStateException(found + " unknown URLs found");
    return us;
  }

  private static double rows(SiteArchive a, int n, int count, int seed) {
    SplittableRandom rnd = new SplittableRandom(300 + seed);
    long t = System.nanoTime();
    int found = 0;
    for (int i = 0; i < count; i++) if (a.findByUrl(url(rnd.nextInt(n))) != null) found++;
    double us = (System.nanoTime() - t) / 1000.0 / count;
    if (found != count) throw new IllegalStateException(found + " of " + count + " rows found");
    return us;
  }

  /** µs per HashMap get of a URL (half of them present), same URL building and random order. */
  private static double hashMap(int n) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < BASELINE_MAP; i++) map.put(url(i), "id-" + i);
    double[] runs = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      SplittableRandom rnd = new SplittableRandom(400 + round);
      long t = System.nanoTime();
      int found = 0;
      for (int i = 0; i < LOOKUPS; i++) if (map.get(url(rnd.nextInt(2 * BASELINE_MAP))) != null) found++;
      runs[round] = (System.nanoTime() - t) / 1000.0 / LOOKUPS;
      if (found == 0) throw new IllegalStateException("no hit");
    }
    return median(runs);
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
