package org.newsarchiver.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Drops what Quartz's job store and HikariCP log, with stack traces, each time a thread of theirs
 * finds the cluster's database gone: a cut of a few seconds gave dozens of such lines. The node says
 * it once itself ({@code error database ...}, from the reconciler's session) and once when the
 * database is back. Anything else they log, and everything with {@code --debug}, still shows.
 */
final class DatabaseNoiseFilter extends TurboFilter {
  /** Installs the filter once in this process's logging. */
  static synchronized void install() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    if (context.getTurboFilterList().stream().anyMatch(f -> f instanceof DatabaseNoiseFilter)) return;
    DatabaseNoiseFilter filter = new DatabaseNoiseFilter();
    filter.start();
    context.addTurboFilter(filter);
  }

  @Override
  public FilterReply decide(
      @Nullable Marker marker, Logger logger, Level level, @Nullable String format, Object @Nullable [] params, @Nullable Throwable t) {
    String name = logger.getName();
    if (!name.startsWith("org.quartz.") && !name.startsWith("com.zaxxer.hikari.")) return FilterReply.NEUTRAL;
    Throwable thrown = t != null ? t : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    if (thrown == null)
      // HikariCP's check of a pooled connection the database has closed; it says so without an exception.
      return format != null && format.contains("Failed to validate connection") ? FilterReply.DENY : FilterReply.NEUTRAL;
    return lostConnection(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  /**
   * True when a cause is a lost or refused connection (SQLSTATE class 08, a socket failure, a
   * connection closed as broken) or a wait for one interrupted.
   */
  static boolean lostConnection(Throwable thrown) {
    int depth = 0;
    for (Throwable c = thrown; c != null && depth < 20; c = c.getCause(), depth++) {
      if (c instanceof SQLTransientConnectionException || c instanceof SocketException || c instanceof SocketTimeoutException
          || c instanceof EOFException) return true;
      // a wait for a connection cut short by the node's shutdown, which comes to stop it in an outage
      if (c instanceof InterruptedException) return true;
      if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) return true;
      // HikariCP's stand-in for a connection it closed as broken, which Quartz then fails to roll back
      if (c instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) return true;
    }
    return false;
  }
}
