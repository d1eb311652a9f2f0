package org.newsarchiver.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL the cluster tests run against, from NEWS_ARCHIVER_TEST_DB_URL / _USER / _PASSWORD
 * (defaults: what {@code .ci/postgres.sh} creates), with a fresh schema per test run so every run
 * starts from clean Quartz tables. Fails (never skips) when the database does not answer.
 */
record TestDatabase(String baseUrl, String user, String password, String schema) {
  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+)(?::(\\d+))?/");

  static TestDatabase fresh() {
    String url = env("NEWS_ARCHIVER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/newsarchiver_test");
    String user = env("NEWS_ARCHIVER_TEST_DB_USER", "newsarchiver");
    String password = env("NEWS_ARCHIVER_TEST_DB_PASSWORD", "newsarchiver");
    String schema = "cluster_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    TestDatabase db = new TestDatabase(url, user, password, schema);
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      fail("PostgreSQL at " + url + " (user " + user + ") cannot be used: " + e.getMessage()
          + "; run .ci/postgres.sh (installs, starts and sets up PostgreSQL) or set NEWS_ARCHIVER_TEST_DB_URL/_USER/_PASSWORD");
    }
    return db;
  }

  /** The JDBC URL the nodes get: the test database with this run's schema first on the search path. */
  String url() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Host and port of the PostgreSQL server, from the URL. */
  InetSocketAddress server() {
    Matcher m = HOST_PORT.matcher(baseUrl);
    if (!m.find()) throw new IllegalStateException(baseUrl + ": no //host:port/ in the URL");
    return new InetSocketAddress(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
  }

  /** {@link #url()} with the server replaced by a proxy on loopback at {@code port}. */
  String urlVia(int port) {
    return HOST_PORT.matcher(url()).replaceFirst("//127.0.0.1:" + port + "/");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user, password);
  }

  void drop() throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
