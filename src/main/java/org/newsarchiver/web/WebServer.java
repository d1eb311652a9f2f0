package org.newsarchiver.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only web view of an archive on the JDK's own HTTP server ({@code com.sun.net.httpserver}:
 * no dependency, and enough for a few GET routes on loopback). Requests are served by a bounded
 * pool ({@link Options#threads} workers, a short queue; when both are full the accepting thread
 * serves, which slows new connections instead of queueing without end). Only GET and HEAD; no route
 * writes to the archive. Thread-safe.
 */
public final class WebServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  /**
   * How to serve: the archive and config folders, the address (loopback unless the caller chose
   * otherwise), the port (0: any free one), worker threads, the clock ("new in 24 h") and how to
   * compute a schedule's next run.
   */
  public record Options(Path archive, Path sites, InetAddress bind, int port, int threads, Clock clock, NextRun nextRun) {
    public Options {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port: must be 0 to 65535, was " + port);
      if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads: must be 1 to 64, was " + threads);
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final ArticleIndex index;

  private WebServer(HttpServer server, ThreadPoolExecutor pool, ArticleIndex index) {
    this.server = server;
    this.pool = pool;
    this.index = index;
  }

  /**
   * Starts serving at once; the search index is built or brought up to date on a background thread
   * meanwhile, and searches say how far it has got.
   */
  public static WebServer start(Options o) throws IOException {
    return start(o, ArticleIndex.Batch.DEFAULT);
  }

  /** As {@link #start(Options)}, committing the index every {@code batch} (tests watch a build in small steps). */
  static WebServer start(Options o, ArticleIndex.Batch batch) throws IOException {
    ArchiveFiles files = new ArchiveFiles(o.archive(), o.sites());
    ArticleIndex index = new ArticleIndex(files, batch);
    try {
      noDelay();
      HttpServer server = HttpServer.create(new InetSocketAddress(o.bind(), o.port()), 64);
      AtomicInteger n = new AtomicInteger();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(o.threads(), o.threads(), 30, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(4 * o.threads()), r -> {
            Thread t = new Thread(r, "web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          }, new ThreadPoolExecutor.CallerRunsPolicy());
      server.setExecutor(pool);
      Routes routes = new Routes(files, index, new SiteStatus(files, o.nextRun()), o.clock(), o.bind().isLoopbackAddress());
      server.createContext("/", exchange -> handle(routes, exchange));
      server.start();
      index.start();
      return new WebServer(server, pool, index);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /**
   * Turns TCP_NODELAY on for the JDK server unless the user chose otherwise: it writes a response's
   * headers and body separately, and with Nagle's algorithm the body waits for the client's delayed
   * ACK (40 ms on Linux) on every kept-alive connection. The JDK reads the switch once, when the
   * first server of the JVM is created, so it must be set before that.
   */
  private static void noDelay() {
    if (System.getProperty(NO_DELAY) == null) System.setProperty(NO_DELAY, "true");
  }

  /** The search index, for tests that look at how much a build wrote. */
  ArticleIndex index() {
    return index;
  }

  /** The port served (the chosen one when the options said 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL of the view, e.g. {@code http://127.0.0.1:8080/}. */
  public URI address() {
    InetAddress a = server.getAddress().getAddress();
    String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
    if (host.contains(":")) host = "[" + host + "]";
    return URI.create("http://" + host + ":" + port() + "/");
  }

  private static void handle(Routes routes, HttpExchange ex) throws IOException {
    try (ex) {
      Reply reply;
      try {
        reply = routes.answer(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders().getFirst("Host"));
      } catch (RuntimeException | IOException e) {
        log.warn("{} {}: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e.toString());
        log.debug("failed request", e);
        reply = routes.failure(ex.getRequestURI(), 500, "the server could not answer this request");
      }
      send(ex, reply);
    } catch (IOException e) {
      log.debug("client went away", e);
    }
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>(Routes.SECURITY_HEADERS);
    headers.put("Content-Type", reply.type());
    headers.putAll(reply.headers());
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    boolean head = ex.getRequestMethod().equals("HEAD");
    if (reply.bytes() != null) {
      if (head) {
        ex.getResponseHeaders().set("Content-Length", Integer.toString(reply.bytes().length));
        ex.sendResponseHeaders(reply.status(), -1);
        return;
      }
      ex.sendResponseHeaders(reply.status(), reply.bytes().length == 0 ? -1 : reply.bytes().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(reply.bytes());
      }
    } else {
      ex.sendResponseHeaders(reply.status(), head ? -1 : 0);
      if (head) return;
      try (OutputStream out = ex.getResponseBody()) {
        reply.stream().writeTo(out);
      }
    }
  }

  /** Reads a file served as-is from the classpath (the script and the stylesheet). */
  static byte[] resource(String name) throws IOException {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) throw new IOException("missing resource " + name);
      return in.readAllBytes();
    }
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
    pool.shutdownNow();
    index.close();
  }
}
