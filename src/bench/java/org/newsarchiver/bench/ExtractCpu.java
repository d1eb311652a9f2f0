package org.newsarchiver.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.newsarchiver.extract.ArticleExtractor;

/**
 * A cross-check of {@link ExtractBench} for shared, loaded machines: thread CPU time (not wall
 * time) per page, the contenders interleaved page by page so that a change in the machine's load
 * hits them all alike. Prints CPU pages/s per contender, the median of the measured rounds.
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.newsarchiver.bench.ExtractCpu [CORPUS_PAGES
 * [SITES [WARMUP_ROUNDS [ROUNDS]]]]}, run from the project directory.
 */
public final class ExtractCpu {
  private ExtractCpu() {}

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("net.dankito"))
        .setLevel(ch.qos.logback.classic.Level.OFF);
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/pages");
    Path sites = Path.of(args.length > 1 ? args[1] : "sites");
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    List<BenchPages.Entry> pages = BenchPages.corpus(corpus, sites);
    ArticleExtractor ours = new ArticleExtractor();
    Map<String, Function<BenchPages.Entry, Object>> tools = new LinkedHashMap<>();
    tools.put("ours_generic", e -> ours.extract(e.page(), null));
    tools.put("ours_site", e -> ours.extract(e.page(), e.site()));
    tools.put("readability4j", e -> new Readability4J(e.page().url().toString(), e.page().html()).parse().getTextContent());
    tools.put("boilerpipe", e -> {
      try {
        return de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(e.page().html());
      } catch (Exception ex) {
        return ex;
      }
    });
    tools.put("parse_only", e -> Jsoup.parse(e.page().html(), e.page().url().toString()).body().text());

    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] names = tools.keySet().toArray(String[]::new);
    long[][] cpu = new long[names.length][rounds];
    int sink = 0;
    for (int round = 0; round < warmup + rounds; round++) {
      for (BenchPages.Entry page : pages) {
        for (int t = 0; t < names.length; t++) {
          long start = mx.getCurrentThreadCpuTime();
          Object out;
          try {
            out = tools.get(names[t]).apply(page);
          } catch (RuntimeException | StackOverflowError ex) {
            out = ex;
          }
          long used = mx.getCurrentThreadCpuTime() - start;
          sink += out == null ? 0 : 1;
          if (round >= warmup) cpu[t][round - warmup] += used;
        }
      }
      System.err.println("round " + (round + 1) + " of " + (warmup + rounds) + (round < warmup ? " (warm-up)" : ""));
    }
    System.out.printf("CPU time, %d pages, %d warm-up + %d measured rounds, contenders interleaved per page (sink %d)%n",
        pages.size(), warmup, rounds, sink);
    double r4j = 0;
    double parse = 0;
    double[] pps = new double[names.length];
    for (int t = 0; t < names.length; t++) {
      long[] c = cpu[t].clone();
      Arrays.sort(c);
      pps[t] = pages.size() / (c[c.length / 2] / 1e9);
      if (names[t].equals("readability4j")) r4j = pps[t];
      if (names[t].equals("parse_only")) parse = pps[t];
    }
    System.out.printf("%-14s %12s %9s %9s%n", "extractor", "CPU pages/s", "vs r4j", "vs parse");
    for (int t = 0; t < names.length; t++) {
      System.out.printf("%-14s %12.1f %8.2fx %8.2fx%n", names[t], pps[t], pps[t] / r4j, pps[t] / parse);
    }
  }
}
