package org.newsarchiver.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsarchiver.fetch.RawServer.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsarchiver.fetch.TestSettings.RecordingSleeper;

/** Servers that refuse, reset, stall, trickle or flood: each ends in one exact failure, in bounded time. */
class FetcherConnectionFailuresTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final Fetcher fetcher = Fetcher.builder().sleeper(sleeper).jitter(() -> 0).build();

  @AfterEach
  void close() {
    fetcher.close();
  }

  @Test
  void reportsRefusedConnectionAndRetriesWithDoublingBackoff() throws IOException {
    URI url = closedPort();
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetcher.fetch(url, TestSettings.retries(3)))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.failure()).isEqualTo(FetchFailure.REFUSED);
          assertThat(e.getMessage()).isEqualTo("connection refused after 3 retries");
          assertThat(e.url()).isEqualTo(url);
        });
    assertThat(sleeper.delays).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    assertThat(elapsedMillis(start)).isLessThan(2000);
  }

  @Test
  void reportsResetMidBody() throws Exception {
    try (RawServer server = new RawServer(s -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n<html>" + "x".repeat(100));
      Thread.sleep(100);
      s.setSoLinger(true, 0); // close with RST
    })) {
      assertFailure(server.url("/"), FetchFailure.RESET, "connection reset by the server");
    }
  }

  @Test
  void reportsConnectionClosedBeforeBodyWasComplete() throws Exception {
    try (RawServer server = new RawServer(s ->
        write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n<html>" + "x".repeat(100)))) {
      assertFailure(server.url("/"), FetchFailure.RESET, "connection closed before the response was complete");
    }
  }

  @Test
  void givesUpOnServerThatAcceptsAndNeverAnswers() throws Exception {
    try (RawServer server = new RawServer(s -> Thread.sleep(5_000))) {
      long start = System.nanoTime();
      assertFailure(server.url("/"), FetchFailure.TIMEOUT, "no data for 300 ms (read timeout)");
      assertThat(elapsedMillis(start)).isBetween(250L, 1500L);
    }
  }

  @Test
  void endsTricklingServerWithWholeCallTimeout() throws Exception {
    try (RawServer server = new RawServer(s -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n");
      for (int i = 0; i < 100; i++) {
        write(s, "x");
        Thread.sleep(50); // well within the 300 ms read timeout, even on a loaded machine
      }
    })) {
      long start = System.nanoTime();
      assertFailure(server.url("/"), FetchFailure.TIMEOUT, "no response within 2 s (whole-call timeout)");
      assertThat(elapsedMillis(start)).isBetween(1900L, 3000L);
    }
  }

  @Test
  void refusesBodyLargerThanLimitFromContentLengthWithoutReadingIt() throws Exception {
    AtomicLong sent = new AtomicLong();
    try (RawServer server = new RawServer(s -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50000000\r\n\r\n");
      OutputStream out = s.getOutputStream();
      byte[] chunk = new byte[64 * 1024];
      for (int i = 0; i < 760; i++) {
        out.write(chunk);
        sent.addAndGet(chunk.length);
      }
    })) {
      assertFailure(server.url("/"), FetchFailure.TOO_LARGE, "body exceeds the 1 MiB limit (Content-Length 50000000)");
    }
  }

  @Test
  void refusesAOneGibibyteBodyAtOnceWithoutReadingIt() throws Exception {
    long gib = 1L << 30;
    AtomicLong sent = new AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
    try (RawServer server = new RawServer(s -> {
      s.setSendBufferSize(16 * 1024);
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + gib + "\r\n\r\n");
      OutputStream out = s.getOutputStream();
      byte[] chunk = new byte[64 * 1024];
      for (long n = 0; n < gib; n += chunk.length) {
        out.write(chunk);
        sent.addAndGet(chunk.length);
      }
      finished.set(true);
    })) {
      // Refused on the header: a timeout or a read to the end would give another message.
      assertFailure(server.url("/"), FetchFailure.TOO_LARGE, "body exceeds the 1 MiB limit (Content-Length 1073741824)");
      assertThat(finished).isFalse();
      assertThat(sent.get()).isLessThan(16L << 20);
    }
  }

  @Test
  void refusesEndlessChunkedBodyOnceItPassesTheLimitWithoutBufferingIt() throws Exception {
    AtomicLong sent = new AtomicLong();
    try (RawServer server = new RawServer(s -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
      OutputStream out = s.getOutputStream();
      byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      while (true) { // endless: only the client closing ends it
        out.write(chunk);
        sent.addAndGet(0x4000);
      }
    })) {
      assertFailure(server.url("/"), FetchFailure.TOO_LARGE, "body exceeds the 1 MiB limit");
      // the client stopped reading right after the limit: the server could not push much past it
      assertThat(sent.get()).isLessThan(8L << 20);
    }
  }

  @Test
  void appliesTheLimitToTheDecompressedSizeOfAGzipBomb() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 20; i++) gz.write(zeros); // 20 MiB of zeros, about 20 KiB zipped
    }
    byte[] bomb = zipped.toByteArray();
    assertThat(bomb.length).isLessThan(1 << 20);
    try (RawServer server = new RawServer(s -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: " + bomb.length + "\r\n\r\n");
      s.getOutputStream().write(bomb);
    })) {
      assertFailure(server.url("/"), FetchFailure.TOO_LARGE, "body exceeds the 1 MiB limit");
      assertThat(server.requests.get(0)).contains("Accept-Encoding: gzip");
    }
  }

  @Test
  void decompressesGzipBodyWithinTheLimit() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    byte[] html = "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8);
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(html);
    }
    byte[] body = zipped.toByteArray();
    try (RawServer server = new RawServer(s -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n");
      s.getOutputStream().write(body);
    })) {
      FetchResponse r = fetcher.fetch(server.url("/"), TestSettings.SHORT);
      assertThat(r.body()).isEqualTo(html);
      assertThat(r.header("Content-Encoding")).isNull();
    }
  }

  @Test
  void refusesNonHttpFirstUrl() {
    for (String u : new String[] {"file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "/relative"}) {
      assertFailure(URI.create(u), FetchFailure.BAD_URL, "not an http(s) URL: " + u);
    }
  }

  private void assertFailure(URI url, FetchFailure failure, String detail) {
    assertThatThrownBy(() -> fetcher.fetch(url, TestSettings.SHORT))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.failure()).isEqualTo(failure);
          assertThat(e.getMessage()).isEqualTo(detail);
        });
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
    }
  }

  private static long elapsedMillis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  static byte[] repeat(byte b, int n) {
    byte[] a = new byte[n];
    Arrays.fill(a, b);
    return a;
  }
}
