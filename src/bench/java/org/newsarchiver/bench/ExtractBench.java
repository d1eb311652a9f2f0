package org.newsarchiver.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.newsarchiver.extract.ArticleExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Extraction throughput: one operation is every page of the set once (so each iteration sees the
 * same pages), ops/s times the page count is pages/s and {@code gc.alloc.rate.norm} divided by it
 * is bytes allocated per page; {@code bench/extract.sh} does the division. Every contender gets the
 * same decoded String and URL; decoding is outside the measurement.
 *
 * <p>{@code set=corpus}: the development corpus ({@code corpus} param); {@code ours_site} uses a
 * site config where one covers the page's host, else none. {@code set=sites}: the site fixtures,
 * every page with its config.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractBench {
  @Param({"corpus", "sites"})
  public String set;

  @Param("../shared/corpus/pages")
  public String corpus;

  @Param("src/test/resources/sites")
  public String fixtures;

  @Param("sites")
  public String sites;

  private List<BenchPages.Entry> pages = List.of();
  private final Set<URI> failed = new HashSet<>();
  private String failing = "";
  private final ArticleExtractor ours = new ArticleExtractor();

  @Setup
  public void load() throws Exception {
    // readability4j logs an ERROR with the whole article for some pages; keep the output readable.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("net.dankito"))
        .setLevel(ch.qos.logback.classic.Level.OFF);
    pages =
        set.equals("corpus")
            ? BenchPages.corpus(Path.of(corpus), Path.of(sites))
            : BenchPages.fixtures(Path.of(fixtures), Path.of(sites));
    System.out.println("bench pages: set=" + set + " n=" + pages.size());
  }

  @TearDown
  public void report() {
    if (!failed.isEmpty()) {
      System.out.println("bench failures: " + failing + " set=" + set + " pages=" + failed.size() + " (threw; counted as done)");
    }
  }

  @Benchmark
  public void ours_generic(Blackhole bh) {
    for (BenchPages.Entry e : pages) bh.consume(ours.extract(e.page(), null));
  }

  @Benchmark
  public void ours_site(Blackhole bh) {
    for (BenchPages.Entry e : pages) bh.consume(ours.extract(e.page(), e.site()));
  }

  @Benchmark
  public void readability4j(Blackhole bh) {
    for (BenchPages.Entry e : pages) {
      try {
        bh.consume(new Readability4J(e.page().url().toString(), e.page().html()).parse().getTextContent());
      } catch (RuntimeException | StackOverflowError ex) {
        failing = "readability4j";
        failed.add(e.page().url());
      }
    }
  }

  @Benchmark
  public void boilerpipe(Blackhole bh) {
    for (BenchPages.Entry e : pages) {
      try {
        bh.consume(de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(e.page().html()));
      } catch (Exception | StackOverflowError ex) {
        failing = "boilerpipe";
        failed.add(e.page().url());
      }
    }
  }

  @Benchmark
  public void parse_only(Blackhole bh) {
    for (BenchPages.Entry e : pages) {
      Document doc = Jsoup.parse(e.page().html(), e.page().url().toString());
      bh.consume(doc.body().text());
    }
  }
}
