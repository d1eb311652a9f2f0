package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.Callable;
import org.newsarchiver.archive.ArticleCount;
import org.newsarchiver.archive.FailureLog;
import org.newsarchiver.archive.RunLog;
import org.newsarchiver.config.ConfigException;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.schedule.ClusterDatabase;
import org.newsarchiver.schedule.ClusterStatus;
import org.quartz.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Per site: last and next run, articles archived, new in the last run, failures, drift. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {"Show each site's last and next run, articles archived, failures and drift warnings.",
        "With --cluster, first the cluster: its nodes, the reconciler, and which node runs which site."})
final class StatusCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (cluster.cluster) {
      ClusterDatabase db = cluster.database(spec);
      try (Connection c = db.connect("news-archiver status")) {
        ClusterReport.print(out, ClusterStatus.read(c), Instant.now());
      } catch (SQLException e) {
        return ClusterOptions.databaseError(spec.commandLine().getErr(), db, e);
      }
    }
    SiteConfigLoader.Loaded loaded = new SiteConfigLoader().loadAll(common.sites);
    Instant now = Instant.now();
    for (SiteConfig site : loaded.sites()) {
      Path dir = common.archive.resolve(site.name());
      RunLog.Run last = new RunLog(dir).last();
      FailureLog failures = FailureLog.load(dir, Limits.MAX_FAILURE_ATTEMPTS, Limits.FAILURE_RETRY_BASE);
      Date next = new CronExpression(site.schedule()).getNextValidTimeAfter(Date.from(now));
      out.println(site.name());
      out.println("  last run:   " + (last == null ? "never"
          : last.finishedAt().truncatedTo(ChronoUnit.SECONDS) + ", " + last.added() + " new, "
              + last.alreadyArchived() + " already archived, " + last.failed() + " failed"));
      out.println("  next run:   " + (next == null ? "none" : next.toInstant().truncatedTo(ChronoUnit.SECONDS))
          + " (schedule '" + site.schedule() + "', when 'run' is running)");
      out.println("  archived:   " + ArticleCount.of(dir).rows() + " article(s)");
      out.println("  failing:    " + failures.all().size() + " URL(s)"
          + failures.all().stream().reduce((a, b) -> b)
              .map(f -> ", last: " + f.cause() + " " + f.url() + ": " + f.detail()).orElse(""));
      if (last != null && !last.drift().isEmpty()) out.println("  DRIFT:      " + last.drift());
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (ConfigException e : loaded.errors()) err.println("error config " + e.getMessage());
    err.flush();
    return loaded.errors().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
