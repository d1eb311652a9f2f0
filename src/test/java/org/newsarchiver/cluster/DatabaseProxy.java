package org.newsarchiver.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on loopback in front of the test's PostgreSQL, so a test can take the database away
 * from a node without stopping the server the other tests share. {@link #refuse()} is a stopped
 * server: every connection closed, new ones refused; {@link #park()} is a hung one: every connection
 * closed, new ones accepted and never answered; {@link #restore()} forwards again on the same port.
 * Thread-safe.
 */
final class DatabaseProxy implements Closeable {
  private final InetSocketAddress target;
  private final int port;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "database-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private @Nullable ServerSocket listener;
  private volatile boolean parking;

  DatabaseProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = s.getLocalPort();
    listen(s);
  }

  int port() {
    return port;
  }

  /** Closes every connection and the listening socket: new connections are refused. */
  synchronized void refuse() throws IOException {
    if (listener != null) listener.close();
    listener = null;
    dropAll();
  }

  /** Closes every connection; new ones are accepted and then left without a byte of answer. */
  synchronized void park() throws IOException {
    parking = true;
    if (listener == null) listen(bind());
    dropAll();
  }

  /** Forwards new connections to the database again. */
  synchronized void restore() throws IOException {
    parking = false;
    if (listener == null) listen(bind());
  }

  private ServerSocket bind() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    try {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    } catch (IOException e) {
      s.close();
      throw new IOException("cannot listen on 127.0.0.1:" + port + " again (another process took the port?): " + e.getMessage(), e);
    }
    return s;
  }

  private void listen(ServerSocket s) {
    listener = s;
    threads.execute(() -> {
      while (!s.isClosed()) {
        try {
          Socket client = s.accept();
          open.add(client);
          // refuse() closes the listener before the connections: one accepted meanwhile goes too
          if (s.isClosed()) close(client);
          else if (!parking) forward(client);
        } catch (IOException e) {
          // the listener was closed by refuse() or close(); a failed forward closed its client
        }
      }
    });
  }

  private void forward(Socket client) throws IOException {
    Socket server = new Socket();
    open.add(server);
    try {
      server.connect(target, 5_000);
    } catch (IOException e) {
      close(client);
      close(server);
      throw e;
    }
    threads.execute(() -> pump(client, server));
    threads.execute(() -> pump(server, client));
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed or was cut: close both
    } finally {
      close(from);
      close(to);
    }
  }

  private void dropAll() {
    for (Socket s : open) close(s);
  }

  private void close(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException ignored) {
      // closed either way
    }
  }

  @Override
  public synchronized void close() throws IOException {
    refuse();
    threads.shutdownNow();
  }
}
