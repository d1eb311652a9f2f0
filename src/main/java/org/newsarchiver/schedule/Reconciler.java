package org.newsarchiver.schedule;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which node of a cluster reconciles the jobs with the site configs: the one whose database
 * session holds a PostgreSQL advisory lock. Exactly one live node holds it; when that node dies or
 * loses the database, its session ends, the lock is released and the next node to ask takes over.
 * Keep-alives on the session make a vanished host's lock go within about half a minute. Its
 * session is also this node's watch on the database: an outage is logged once, in the error
 * line's shape, and its end once. Thread-safe.
 */
public final class Reconciler implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  /** The reconciler lock: the schema lock's key plus one, hashed with the schema's name by {@link #lockKey}. */
  static final long RECONCILER_LOCK = QuartzSchema.SCHEMA_LOCK + 1;
  /** The application name this node's lock session shows in pg_stat_activity, read by status. */
  static final String APPLICATION_PREFIX = "news-archiver reconciler ";

  private final ClusterDatabase db;
  private final String node;
  private @Nullable Connection session;
  private boolean held;
  private long lockKey;
  /** When the database stopped answering this node; null while it answers. */
  private @Nullable Instant downSince;

  public Reconciler(ClusterDatabase db, String node) {
    this.db = db;
    this.node = node;
  }

  /** True when this node holds the lock now (taking it if it is free); false if the database is unreachable. */
  public synchronized boolean holds() {
    boolean wasOpen = session != null;
    try {
      held = ask();
    } catch (SQLException first) {
      boolean lost = held;
      held = false;
      closeSession();
      try {
        // A dropped session (a restarted server, a proxy's idle cut) is not an outage: ask once more
        // on a new one, so an outage is named by why the database cannot be reached, not by the
        // broken pipe of the old session.
        if (!wasOpen) throw first;
        held = ask();
        if (lost && !held) log.info("node {}: lost the reconciler lock with its database session; another node takes over", node);
      } catch (SQLException e) {
        closeSession();
        if (lost) log.info("node {}: lost the reconciler lock with its database session; another node takes over", node);
        if (downSince == null) {
          downSince = Instant.now();
          log.warn("error database {}: {}; check that PostgreSQL is running and reachable; this node keeps running"
              + " (crawls under way go on, no new run starts) and retries until it answers", db.url(), firstLine(e.getMessage()));
        }
        return false;
      }
    }
    if (downSince != null) {
      log.info("database {}: answers again after {} s; runs resume", db.url(),
          Duration.between(downSince, Instant.now()).toSeconds());
      downSince = null;
    }
    return held;
  }

  private boolean ask() throws SQLException {
    if (session == null || session.isClosed()) {
      held = false;
      session = db.connect(APPLICATION_PREFIX + node);
      try (Statement s = session.createStatement()) {
        // A session-level setting any user may change: the server notices a vanished host in ~25 s.
        s.execute("SET tcp_keepalives_idle = 10");
        s.execute("SET tcp_keepalives_interval = 5");
        s.execute("SET tcp_keepalives_count = 3");
      }
      lockKey = lockKey(session);
    }
    boolean now;
    try (Statement s = session.createStatement();
        ResultSet r = s.executeQuery(held ? "SELECT 1 = 1" : "SELECT pg_try_advisory_lock(" + lockKey + ")")) {
      r.next();
      now = r.getBoolean(1);
    }
    if (now && !held) log.info("node {}: reconciling the cluster's jobs with the site configs", node);
    return now;
  }

  /**
   * The reconciler lock's key in this session's schema. Advisory locks belong to the whole database:
   * keyed by the schema, clusters kept in separate schemas of one database (and concurrent test
   * runs, a schema each) each have their own reconciler.
   */
  static long lockKey(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT hashtextextended(current_schema(), " + RECONCILER_LOCK + ")")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String firstLine(@Nullable String s) {
    return s == null ? "no detail" : s.lines().findFirst().orElse("no detail");
  }

  private void closeSession() {
    try {
      if (session != null) session.close();
    } catch (SQLException ignored) {
      // the session is gone either way
    }
    session = null;
  }

  @Override
  public synchronized void close() {
    held = false;
    closeSession();
  }
}
