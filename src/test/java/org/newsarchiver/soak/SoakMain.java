package org.newsarchiver.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.newsarchiver.archive.SiteArchive;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.crawl.ArticlePipeline;
import org.newsarchiver.crawl.CrawlListener;
import org.newsarchiver.crawl.CrawlSummary;
import org.newsarchiver.crawl.Fetchers;
import org.newsarchiver.crawl.PageFailure;
import org.newsarchiver.crawl.SiteCrawler;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.Fetcher;

/**
 * Soak benchmark (run by SoakIT in the build, or by hand): crawls N generated articles (default 50,000) from a
 * loopback server into a temporary archive and prints, every REPORT articles (default 10,000), the
 * heap in use after a GC and the number of open file descriptors. Steady numbers mean no leak.
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.newsarchiver.soak.SoakMain [N] [REPORT]
 * </pre>
 */
public final class SoakMain {
  private static final int PER_LISTING = 5000;

  private SoakMain() {}

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int report = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    System.setProperty("sun.net.httpserver.nodelay", "true"); // else Nagle adds 40 ms per page
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/", ex -> handle(ex, total));
    server.start();
    Path dir = Files.createTempDirectory("soak");
    try {
      Path sites = Files.createDirectories(dir.resolve("sites"));
      Path yaml = sites.resolve("soak.yaml");
      Files.writeString(yaml, "name: soak\nbase_url: http://127.0.0.1:" + server.getAddress().getPort() + "/\n"
          + "start_pages: [/list/1]\nnext_page: ['a[rel=next]@href']\nmax_pages: 10000\n"
          + "article_pattern: '/story/\\d+$'\nmax_articles: " + total + "\n"
          + "selectors:\n  title: [h1]\n  body: [.body]\nrequest:\n  delay: 0s\n  retries: 0\n");
      SiteConfig site = new SiteConfigLoader().load(yaml);
      long started = System.nanoTime();
      print("start", 0, started);
      AtomicInteger archived = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      CrawlListener listener = new CrawlListener() {
        @Override
        public void archived(SiteArchive.Stored stored) {
          int n = archived.incrementAndGet();
          if (n % report == 0) print("archived", n, started);
        }

        @Override
        public void failed(PageFailure f) {
          if (failed.incrementAndGet() <= 10) System.out.println(f.line());
        }
      };
      try (Fetcher fetcher = Fetchers.standard()) {
        SiteCrawler crawler =
            new SiteCrawler(fetcher, new ArticlePipeline(fetcher, new ArticleExtractor()), dir.resolve("archive"), true);
        CrawlSummary summary = crawler.crawl(site, listener);
        System.out.println(summary.line());
      }
      print("end", archived.get(), started);
    } finally {
      server.stop(0);
      pool.shutdownNow();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void handle(HttpExchange ex, int total) throws IOException {
    String path = ex.getRequestURI().getPath();
    StringBuilder b = new StringBuilder("<html lang=en><body>");
    if (path.startsWith("/list/")) {
      int page = Integer.parseInt(path.substring(6));
      int first = (page - 1) * PER_LISTING + 1;
      for (int i = first; i < first + PER_LISTING && i <= total; i++) b.append("<a href='/story/").append(i).append("'>s</a>");
      if (page * PER_LISTING < total) b.append("<a rel=next href='/list/").append(page + 1).append("'>next</a>");
    } else {
      String n = path.substring(path.lastIndexOf('/') + 1);
      b.append("<article><h1>Story ").append(n).append("</h1><div class=body><p>Soak paragraph of story ").append(n)
          .append(", long enough to count as an article body.</p></div></article>");
    }
    byte[] bytes = b.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void print(String what, int n, long started) {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    String[] fds = new java.io.File("/proc/self/fd").list();
    System.out.printf("%-8s %7d articles  %6.1f s  heap used %5.1f MiB  open fds %s%n", what, n,
        (System.nanoTime() - started) / 1e9, heap.getUsed() / 1048576.0, fds == null ? "n/a" : fds.length);
  }
}
