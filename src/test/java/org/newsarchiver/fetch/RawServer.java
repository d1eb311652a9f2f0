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

  @Override
  public void close() throws IOException {
    server.close();
  }
}
