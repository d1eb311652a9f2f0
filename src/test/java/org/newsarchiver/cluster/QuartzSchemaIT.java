package org.newsarchiver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsarchiver.schedule.QuartzSchema;

/** The tool creates Quartz's tables itself, once, even when several nodes start at the same moment. */
class QuartzSchemaIT {
  static final List<String> TABLES = List.of("qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers",
      "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks", "qrtz_paused_trigger_grps", "qrtz_scheduler_state",
      "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers");

  TestDatabase db;

  @BeforeEach
  void freshSchema() {
    db = TestDatabase.fresh();
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (db != null) db.drop();
  }

  @Test
  void fourNodesStartingAtOnceCreateTheTablesOnceAndKeepTheirRows() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      Callable<Integer> ensure = () -> {
        try (Connection c = db.connect()) {
          return QuartzSchema.ensure(c);
        }
      };
      for (int i = 0; i < 4; i++) runs.add(pool.submit(ensure));
      for (Future<Integer> f : runs) assertThat(f.get()).isEqualTo(31);
    } finally {
      pool.shutdownNow();
    }
    assertThat(tables()).containsExactlyElementsOf(TABLES);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('news-archiver', 'TRIGGER_ACCESS')");
      QuartzSchema.ensure(c);
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM qrtz_locks")) {
        r.next();
        assertThat(r.getInt(1)).as("rows survive a second start").isEqualTo(1);
      }
    }
  }

  @Test
  void aMissingTableIsAddedToAnExistingSchema() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      QuartzSchema.ensure(c);
      s.execute("DROP TABLE qrtz_calendars");
      assertThat(tables()).doesNotContain("qrtz_calendars");
      QuartzSchema.ensure(c);
    }
    assertThat(tables()).containsExactlyElementsOf(TABLES);
  }

  private List<String> tables() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + db.schema()
            + "' ORDER BY table_name")) {
      while (r.next()) out.add(r.getString(1));
    }
    return out;
  }
}
