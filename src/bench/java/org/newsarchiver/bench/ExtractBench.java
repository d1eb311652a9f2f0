package org.newsarchiver.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.newsarchiver.extract.Article;
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

/**
 * Per-page extraction throughput: one operation is one page, the pages taken in turn, so ops/s is
 * pages/s and {@code gc.alloc.rate.norm} is bytes allocated per page. Every contender gets the
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
  private int next;
  private int failures;
  private final ArticleExtractor ours = new ArticleExtractor();

  @Setup
  public void load() throws Exception {
    pages =
        set.equals("corpus")
            ? BenchPages.corpus(Path.of(corpus), Path.of(sites))
            : BenchPages.fixtures(Path.of(fixtures), Path.of(sites));
  }

  @TearDown
  public void report() {
    if (failures > 0) System.out.println("  (" + failures + " pages threw; counted as done)");
  }

  private BenchPages.Entry page() {
    BenchPages.Entry e = pages.get(next);
    next = next + 1 == pages.size() ? 0 : next + 1;
    return e;
  }

  @Benchmark
  public Article ours_generic() {
    return ours.extract(page().page(), null);
  }

  @Benchmark
  public Article ours_site() {
    BenchPages.Entry e = page();
    return ours.extract(e.page(), e.site());
  }

  @Benchmark
  public Object readability4j() {
    BenchPages.Entry e = page();
    try {
      return new Readability4J(e.page().url().toString(), e.page().html()).parse().getTextContent();
    } catch (RuntimeException | StackOverflowError ex) {
      failures++;
      return ex;
    }
  }

  @Benchmark
  public Object boilerpipe() {
    BenchPages.Entry e = page();
    try {
      return de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(e.page().html());
    } catch (Exception | StackOverflowError ex) {
      failures++;
      return ex;
    }
  }

  @Benchmark
  public String parse_only() {
    BenchPages.Entry e = page();
    Document doc = Jsoup.parse(e.page().html(), e.page().url().toString());
    return doc.body().text();
  }
}
