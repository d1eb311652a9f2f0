package org.newsarchiver.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a cluster's Quartz tables live: a PostgreSQL JDBC URL and its credentials. The password is
 * left out of {@link #toString()}, which error lines and logs use.
 */
public record ClusterDatabase(String url, String user, String password) {
  /** Longest wait for a new connection, TCP connect and log-in together. */
  public static final int LOGIN_TIMEOUT_S = 10;

  public ClusterDatabase {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!url.startsWith("jdbc:postgresql:"))
      throw new IllegalArgumentException("url: " + url + " is not a PostgreSQL JDBC URL; give one such as jdbc:postgresql://db:5432/newsarchiver");
  }

  /**
   * A plain connection (not pooled) for the schema, the reconciler lock and {@code status}. It has a
   * connect, login and socket timeout, and TCP keep-alives, so a vanished server or node is noticed
   * and a server that accepts but never answers fails the attempt in {@value #LOGIN_TIMEOUT_S} s.
   */
  public Connection connect(String applicationName) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("ApplicationName", applicationName);
    p.setProperty("connectTimeout", "10");
    // Bounds the whole log-in, which the connect timeout does not: the socket timeout alone would
    // leave a start-up against a hung server waiting a minute.
    p.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_S));
    p.setProperty("socketTimeout", "60");
    p.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(url, p);
  }

  /**
   * The URL with the same connect, log-in and socket timeouts and keep-alives as {@link #connect},
   * for a pool that takes only a URL (Quartz's): where the URL sets one itself, it stays.
   */
  public String pooledUrl() {
    StringBuilder b = new StringBuilder(url);
    char sep = url.indexOf('?') < 0 ? '?' : '&';
    String[][] wanted = {
      {"connectTimeout", "10"}, {"loginTimeout", Integer.toString(LOGIN_TIMEOUT_S)}, {"socketTimeout", "60"}, {"tcpKeepAlive", "true"}
    };
    for (String[] kv : wanted) {
      if (url.contains(kv[0] + "=")) continue;
      b.append(sep).append(kv[0]).append('=').append(kv[1]);
      sep = '&';
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return url + " (user " + user + ")";
  }
}
