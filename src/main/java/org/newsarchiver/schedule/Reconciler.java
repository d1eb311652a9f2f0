package org.newsarchiver.schedule;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which node of a cluster reconciles the jobs with the site configs: the one whose database
 * session holds a PostgreSQL advisory lock. Exactly one live node holds it; when that node dies or
 * loses the database, its session ends, the lock is released and the next node to ask takes over.
 * Keep-alives on the session make a vanished host's lock go within about half a minute.
 * Thread-safe.
 */
public final class Reconciler implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  /** The reconciler lock: the schema lock's key plus one. */
  static final long RECONCILER_LOCK = QuartzSchema.SCHEMA_LOCK + 1;
  /** The application name this node's lock session shows in pg_stat_activity, read by status. */
  static final String APPLICATION_PREFIX = "news-archiver reconciler ";

  private final ClusterDatabase db;
  private final String node;
  private @Nullable Connection session;
  private boolean held;

  public Reconciler(ClusterDatabase db, String node) {
    this.db = db;
    this.node = node;
  }

  /** True when this node holds the lock now (taking it if it is free); false if the database is unreachable. */
  public synchronized boolean holds() {
    try {
      if (session == null || session.isClosed()) {
        held = false;
        session = db.connect(APPLICATION_PREFIX + node);
        try (Statement s = session.createStatement()) {
          // A session-level setting any user may change: the server notices a vanished host in ~25 s.
          s.execute("SET tcp_keepalives_idle = 10");
          s.execute("SET tcp_keepalives_interval = 5");
          s.execute("SET tcp_keepalives_count = 3");
        }
      }
      boolean now;
      try (Statement s = session.createStatement();
          ResultSet r = s.executeQuery(held ? "SELECT 1 = 1" : "SELECT pg_try_advisory_lock(" + RECONCILER_LOCK + ")")) {
        r.next();
        now = r.getBoolean(1);
      }
      if (now && !held) log.info("node {}: reconciling the cluster's jobs with the site configs", node);
      held = now;
    } catch (SQLException e) {
      if (held) log.warn("node {}: lost the reconciler lock ({}); another node takes over", node, e.getMessage());
      held = false;
      closeSession();
    }
    return held;
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
