package org.newsarchiver.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback news site for the crawl benchmark: {@code n} article pages (~30-60 KB of HTML each,
 * made by {@link SitePages}) and listing pages of 100 links each, chained by {@code rel=next}, the
 * first one at {@code /}. Pages are generated per request from their number, so memory stays flat
 * at any {@code n}. Answers {@code If-Modified-Since} with 304 (every page has one fixed
 * Last-Modified) and counts the requests it serves: {@code GET /_bench/requests} returns the count
 * and {@code GET /_bench/reset} zeroes it (neither is counted or linked).
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar org.newsarchiver.bench.SiteServer N [PORT]}; prints
 * {@code listening http://127.0.0.1:PORT/} once ready. Not for anything but benchmarks.
 */
public final class SiteServer {
  private static final Pattern ARTICLE = Pattern.compile("/news/\\d{4}/\\d{2}/\\d{2}/story-(\\d+)\\.html");
  private static final Pattern LISTING = Pattern.compile("/list/(\\d+)\\.html");
  private static final String LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT";

  private final int articles;
  private final AtomicLong requests = new AtomicLong();

  private SiteServer(int articles) {
    this.articles = articles;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: SiteServer ARTICLES [PORT]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    // Without TCP_NODELAY, a keep-alive client waits ~40 ms per response (Nagle + delayed ACK).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    SiteServer site = new SiteServer(n);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext("/", site::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("listening http://127.0.0.1:" + server.getAddress().getPort() + "/");
    System.out.flush();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/_bench/requests")) {
        send(ex, 200, "text/plain", requests.get() + "\n");
        return;
      }
      if (path.equals("/_bench/reset")) {
        requests.set(0);
        send(ex, 200, "text/plain", "0\n");
        return;
      }
      requests.incrementAndGet();
      if (path.equals("/robots.txt")) {
        send(ex, 200, "text/plain", "User-agent: *\nAllow: /\n");
        return;
      }
      String page = page(path);
      if (page == null) {
        send(ex, 404, "text/html; charset=utf-8", "<html><body><h1>Not found</h1></body></html>");
      } else if (LAST_MODIFIED.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
        ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
        ex.sendResponseHeaders(304, -1);
      } else {
        ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
        send(ex, 200, "text/html; charset=utf-8", page);
      }
    }
  }

  private String page(String path) {
    int listings = (articles + SitePages.PER_LISTING - 1) / SitePages.PER_LISTING;
    if (path.equals("/")) return SitePages.listing(1, listings, articles);
    Matcher m = LISTING.matcher(path);
    if (m.matches()) {
      int k = Integer.parseInt(m.group(1));
      return k >= 1 && k <= listings ? SitePages.listing(k, listings, articles) : null;
    }
    m = ARTICLE.matcher(path);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      return i >= 0 && i < articles && path.equals(SitePages.articlePath(i)) ? SitePages.article(i, articles) : null;
    }
    return null;
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
