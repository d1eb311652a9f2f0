package org.newsarchiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.quartz.JobPersistenceException;

/** Which log events of Quartz and HikariCP a cluster node drops: lost connections only. */
class DatabaseNoiseFilterTest {
  final LoggerContext context = new LoggerContext();
  final DatabaseNoiseFilter filter = new DatabaseNoiseFilter();

  FilterReply decide(String logger, String format, Object... params) {
    return filter.decide(null, context.getLogger(logger), Level.ERROR, format, params, null);
  }

  @Test
  void dropsQuartzsClusterCheckInFailureCausedByALostConnection() {
    var cause = new JobPersistenceException("Failure identifying failed instances when checking-in",
        new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE, new EOFException()));
    assertThat(decide("org.quartz.impl.jdbcjobstore.JobStoreTX", "ClusterManager: Error managing cluster: {}", cause.getMessage(), cause))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void dropsTheSchedulerThreadsErrorWhenThePoolHasNoConnection() {
    Logger logger = context.getLogger("org.quartz.core.ErrorLogger");
    var cause = new JobPersistenceException("Failed to obtain DB connection from data source 'archive'",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms"));
    assertThat(filter.decide(null, logger, Level.ERROR, "An error occurred while scanning for the next triggers to fire.", null, cause))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void dropsQuartzsRollbackOfAConnectionHikariClosedAsBroken() {
    assertThat(decide("org.quartz.impl.jdbcjobstore.JobStoreTX", "Couldn't rollback jdbc connection. {}", "Connection is closed",
        new SQLException("Connection is closed"))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void dropsAWaitForAConnectionInterruptedByTheShutdown() {
    var cause = new JobPersistenceException("Failed to obtain DB connection from data source 'archive'",
        new SQLException("HikariPool-1 - Interrupted during connection acquisition", new InterruptedException()));
    assertThat(decide("org.quartz.impl.jdbcjobstore.JobStoreTX", "ClusterManager: Error managing cluster: {}", cause.getMessage(), cause))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void dropsHikarisFailedValidationOfAClosedConnection() {
    assertThat(decide("com.zaxxer.hikari.pool.PoolBase",
        "{} - Failed to validate connection {} ({}). Possibly consider using a shorter maxLifetime value.", "HikariPool-1", "c", "closed"))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void keepsQuartzErrorsThatAreNotAboutTheConnection() {
    var cause = new JobPersistenceException("Couldn't retrieve trigger",
        new PSQLException("ERROR: relation \"qrtz_triggers\" does not exist", PSQLState.UNDEFINED_TABLE));
    assertThat(decide("org.quartz.impl.jdbcjobstore.JobStoreTX", "MisfireHandler: Error handling misfires: {}", cause.getMessage(), cause))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("org.quartz.core.QuartzScheduler", "Scheduler {} started.", "news-archiver")).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void keepsOurOwnLinesAboutTheDatabase() {
    var cause = new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    assertThat(decide("org.newsarchiver.schedule.Reconciler", "error database {}: {}", "jdbc:postgresql://db/news", cause))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
