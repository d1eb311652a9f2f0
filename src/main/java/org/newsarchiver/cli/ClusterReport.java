package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.schedule.ClusterStatus;

/** Prints {@code status --cluster}: the nodes, who reconciles, and per site its runs and where it runs. */
final class ClusterReport {
  private ClusterReport() {}

  static void print(PrintWriter out, ClusterStatus status, Instant now) {
    out.println("cluster");
    out.println("  reconciler: " + (status.reconciler() == null ? "none (no node holds the lock)" : status.reconciler()));
    out.println("  nodes:      " + status.nodes().size());
    for (ClusterStatus.Node n : status.nodes()) {
      out.println("    " + n.id() + ": last check-in " + time(n.lastCheckin()) + ", every " + n.interval().toMillis() + " ms, "
          + (n.presumedDead(now) ? "presumed dead (its runs go to another node)" : "alive"));
    }
    out.println("  sites:      " + status.sites().size());
    for (ClusterStatus.Site s : status.sites()) {
      List<ClusterStatus.Fired> fired = status.fired().stream().filter(f -> f.site().equals(s.name())).toList();
      StringBuilder line = new StringBuilder("    " + s.name() + ": last fired " + time(s.lastFire()) + ", next " + time(s.nextFire()));
      if (fired.isEmpty()) line.append(", idle");
      for (ClusterStatus.Fired f : fired) {
        line.append(", ").append(f.state().equals("EXECUTING") ? "running on " : "claimed by ").append(f.node())
            .append(" since ").append(time(f.since())).append(f.recovering() ? " (recovering a dead node's run)" : "");
      }
      out.println(line);
    }
  }

  private static String time(@Nullable Instant t) {
    return t == null ? "never" : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
