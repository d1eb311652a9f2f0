package org.newsarchiver.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.schedule.ClusterDatabase;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of a cluster node ({@code run --cluster}, {@code status --cluster}); each also read from the environment. */
final class ClusterOptions {
  @Option(names = "--cluster", defaultValue = "${env:NEWS_ARCHIVER_CLUSTER:-false}",
      description = "Share the jobs with other nodes through PostgreSQL (Quartz's clustered JDBC job store). Env NEWS_ARCHIVER_CLUSTER=true.")
  boolean cluster;

  @Option(names = "--db-url", paramLabel = "JDBC-URL", defaultValue = "${env:NEWS_ARCHIVER_DB_URL}",
      description = "The cluster's database, e.g. jdbc:postgresql://db:5432/newsarchiver. Env NEWS_ARCHIVER_DB_URL.")
  @Nullable String url;

  @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:NEWS_ARCHIVER_DB_USER:-newsarchiver}",
      description = "Database user (default: ${DEFAULT-VALUE}). Env NEWS_ARCHIVER_DB_USER.")
  String user;

  @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:NEWS_ARCHIVER_DB_PASSWORD}",
      description = "Database password; prefer the environment, a flag shows in the process list. Env NEWS_ARCHIVER_DB_PASSWORD.")
  @Nullable String password;

  @Option(names = "--node-id", paramLabel = "NAME", defaultValue = "${env:NEWS_ARCHIVER_NODE_ID}",
      description = "This node's name in the cluster, unique per live node (default: host-pid). Env NEWS_ARCHIVER_NODE_ID.")
  @Nullable String nodeId;

  ClusterDatabase database(CommandSpec spec) {
    if (url == null || url.isBlank())
      throw new ParameterException(spec.commandLine(), "--cluster needs --db-url or NEWS_ARCHIVER_DB_URL");
    try {
      return new ClusterDatabase(url, user, password == null ? "" : password);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--db-url: " + e.getMessage().replaceFirst("^url: ", ""));
    }
  }

  /** The node id: as given, else {@code host-pid}, unique among the live nodes of one host. */
  String node() {
    if (nodeId != null && !nodeId.isBlank()) return nodeId;
    String[] pidAtHost = ManagementFactory.getRuntimeMXBean().getName().split("@", 2);
    return (pidAtHost.length == 2 ? pidAtHost[1] : "node") + "-" + pidAtHost[0];
  }

  /** The one-line error for an unreachable or refusing database; exit code 3. */
  static int databaseError(PrintWriter err, ClusterDatabase db, SQLException e) {
    err.println("error database " + db.url() + ": " + firstLine(e.getMessage())
        + "; check that PostgreSQL is running and the URL, user and password (--db-url, --db-user, NEWS_ARCHIVER_DB_PASSWORD)");
    err.flush();
    return ExitCodes.FATAL;
  }

  private static String firstLine(@Nullable String s) {
    return s == null ? "no detail" : s.lines().findFirst().orElse("no detail");
  }
}
