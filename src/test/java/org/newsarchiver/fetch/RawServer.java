package org.newsarchiver.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP server on 127.0.0.1 for misbehaviour WireMock cannot stage: it reads one request
 * head per connection and hands the socket to a script. Records the request heads it read.
 */
final class RawServer implements AutoCloseable {
  interface Script {
    void serve(Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final Thread acceptor;
  final AtomicInteger connections = new AtomicInteger();
  final List<String> requests = new CopyOnWriteArrayList<>();

  RawServer(Script script) throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  connections.incrementAndGet();
                  Thread t =
                      new Thread(
                          () -> {
                            try (s) {
                              requests.add(readHead(s.getInputStream()));
                              script.serve(s);
                            } catch (IOException | InterruptedException e) {
                              // the client went away: that is what most scripts provoke
                            }
                          });
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
  }

  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      head.write(c);
      if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) break;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  static void write(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  /**
   * Streams a chunked 200 response of {@code type} whose body is {@code head}, then {@code parts}
   * pieces from {@code part}, then {@code tail}, counting the bytes written into {@code sent}; it
   * sets {@code finished} only when the whole body went out, so a test can tell that the client
   * hung up first. The body is generated as it goes, never held whole.
   */
  static Script streaming(String type, byte[] head, long parts, java.util.function.LongFunction<byte[]> part,
      byte[] tail, java.util.concurrent.atomic.AtomicLong sent, java.util.concurrent.atomic.AtomicBoolean finished) {
    return s -> {
      s.setSendBufferSize(16 * 1024);
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n\r\n");
      var out = new java.io.BufferedOutputStream(s.getOutputStream(), 64 * 1024);
      chunk(out, head, sent);
      for (long i = 0; i < parts; i++) chunk(out, part.apply(i), sent);
      chunk(out, tail, sent);
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      finished.set(true);
    };
  }

  private static void chunk(java.io.OutputStream out, byte[] data, java.util.concurrent.atomic.AtomicLong sent)
      throws IOException {
    if (data.length == 0) return;
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    sent.addAndGet(data.length);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
