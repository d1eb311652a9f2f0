package org.newsarchiver.eval;

import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Single-thread throughput of the extractor beside Jsoup's parse alone and Jsoup's parse-and-text
 * over the same pages, after one warm-up pass of each; the best of a few timed passes counts, the
 * three taking turns. Time is the thread's CPU time where the JVM measures it (so that other
 * processes on a shared machine count less), else wall time.
 */
public record Speed(double extractPagesPerSecond, double parsePagesPerSecond, double parseAndTextPagesPerSecond) {
  private static final int TIMED_PASSES = 5;

  /** Extraction time over parse-only time: 1.5 means extracting costs half again as much as parsing. */
  public double ratio() {
    return parsePagesPerSecond / extractPagesPerSecond;
  }

  /** Extraction time over the time of parsing and taking the page's text. */
  public double ratioToParseAndText() {
    return parseAndTextPagesPerSecond / extractPagesPerSecond;
  }

  static <P> Speed measure(
      List<P> pages, ToIntFunction<P> extract, ToIntFunction<P> parse, ToIntFunction<P> parseAndText) {
    pass(pages, extract);
    pass(pages, parse);
    pass(pages, parseAndText);
    long bestExtract = Long.MAX_VALUE;
    long bestParse = Long.MAX_VALUE;
    long bestParseAndText = Long.MAX_VALUE;
    if (THREADS.isCurrentThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
      THREADS.setThreadCpuTimeEnabled(true);
    }
    for (int i = 0; i < TIMED_PASSES; i++) {
      bestParse = Math.min(bestParse, pass(pages, parse));
      bestParseAndText = Math.min(bestParseAndText, pass(pages, parseAndText));
      bestExtract = Math.min(bestExtract, pass(pages, extract));
    }
    return new Speed(
        perSecond(pages.size(), bestExtract), perSecond(pages.size(), bestParse), perSecond(pages.size(), bestParseAndText));
  }

  private static <P> long pass(List<P> pages, ToIntFunction<P> work) {
    long sink = 0;
    long start = now();
    for (P p : pages) {
      try {
        sink += work.applyAsInt(p);
      } catch (RuntimeException e) {
        sink--;
      }
    }
    long took = now() - start;
    blackhole = sink; // keeps the JIT from dropping the work
    return took;
  }

  @SuppressWarnings("unused")
  private static volatile long blackhole;

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static long now() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  private static double perSecond(int pages, long nanos) {
    return nanos == 0 ? Double.NaN : pages * 1e9 / nanos;
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "speed: extract %.1f pages/s; Jsoup parse alone %.1f pages/s, ratio %.2fx; Jsoup parse+text %.1f pages/s, ratio %.2fx",
        extractPagesPerSecond,
        parsePagesPerSecond,
        ratio(),
        parseAndTextPagesPerSecond,
        ratioToParseAndText());
  }
}
