package org.newsarchiver.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a cluster is doing, read from Quartz's own tables: the nodes and their last check-in
 * ({@code QRTZ_SCHEDULER_STATE}), the runs in progress and on which node ({@code
 * QRTZ_FIRED_TRIGGERS}), each site's last and next scheduled fire ({@code QRTZ_TRIGGERS}), and which
 * node reconciles the jobs (the holder of the reconciler lock). A snapshot; read-only.
 */
public record ClusterStatus(@Nullable String reconciler, List<Node> nodes, List<Site> sites, List<Fired> fired) {

  /** One scheduler instance: its id, last check-in and check-in interval. */
  public record Node(String id, Instant lastCheckin, Duration interval) {
    /** Quartz's own rule for a failed node: no check-in for the interval plus 7.5 s. */
    public boolean presumedDead(Instant now) {
      return lastCheckin.plus(interval).plusMillis(7500).isBefore(now);
    }
  }

  /** A site's trigger: Quartz state (WAITING, BLOCKED while running, ...), last and next fire. */
  public record Site(String name, String state, @Nullable Instant lastFire, @Nullable Instant nextFire) {}

  /** A fired trigger: the site, the node, since when, and EXECUTING or ACQUIRED. */
  public record Fired(String site, String node, Instant since, String state, boolean recovering) {}

  public static ClusterStatus read(Connection c) throws SQLException {
    String scheduler = ArchiveScheduler.INSTANCE_NAME;
    List<Node> nodes = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state WHERE sched_name = ? ORDER BY instance_name")) {
      s.setString(1, scheduler);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) nodes.add(new Node(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), Duration.ofMillis(r.getLong(3))));
      }
    }
    List<Site> sites = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT trigger_name, trigger_state, prev_fire_time, next_fire_time FROM qrtz_triggers"
            + " WHERE sched_name = ? AND trigger_group = ? ORDER BY trigger_name")) {
      s.setString(1, scheduler);
      s.setString(2, ArchiveScheduler.GROUP);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) sites.add(new Site(r.getString(1), r.getString(2), instant(r.getLong(3)), instant(r.getLong(4))));
      }
    }
    List<Fired> fired = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT job_name, instance_name, fired_time, state, trigger_group FROM qrtz_fired_triggers"
            + " WHERE sched_name = ? AND job_group = ? ORDER BY job_name, fired_time")) {
      s.setString(1, scheduler);
      s.setString(2, ArchiveScheduler.GROUP);
      try (ResultSet r = s.executeQuery()) {
        while (r.next())
          fired.add(new Fired(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
              !ArchiveScheduler.GROUP.equals(r.getString(5))));
      }
    }
    return new ClusterStatus(reconciler(c), List.copyOf(nodes), List.copyOf(sites), List.copyOf(fired));
  }

  private static @Nullable String reconciler(Connection c) throws SQLException {
    // A bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits).
    try (PreparedStatement s = c.prepareStatement(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1")) {
      long key = Reconciler.lockKey(c);
      s.setLong(1, key >>> 32);
      s.setLong(2, key & 0xffff_ffffL);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) return null;
        String app = r.getString(1);
        return app != null && app.startsWith(Reconciler.APPLICATION_PREFIX) ? app.substring(Reconciler.APPLICATION_PREFIX.length()) : app;
      }
    }
  }

  private static @Nullable Instant instant(long millis) {
    return millis <= 0 ? null : Instant.ofEpochMilli(millis);
  }
}
