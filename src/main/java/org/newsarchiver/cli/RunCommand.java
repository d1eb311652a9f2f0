package org.newsarchiver.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.WarcCapture;
import org.newsarchiver.config.ConfigException;
import org.newsarchiver.config.Quantities;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.crawl.ArticlePipeline;
import org.newsarchiver.crawl.Fetchers;
import org.newsarchiver.crawl.CrawlListener;
import org.newsarchiver.crawl.CrawlSummary;
import org.newsarchiver.crawl.CrawlWarning;
import org.newsarchiver.crawl.PageFailure;
import org.newsarchiver.crawl.SiteCrawler;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.Fetcher;
import org.newsarchiver.schedule.ArchiveScheduler;
import org.newsarchiver.schedule.ClusterDatabase;
import org.newsarchiver.schedule.QuartzSchema;
import org.newsarchiver.schedule.Reconciler;
import org.newsarchiver.schedule.ConfigWatcher;
import org.newsarchiver.schedule.SiteRunner;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The long-lived service: every site crawled on its schedule until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Keep the sites archived on their schedules, until Ctrl-C or SIGTERM.",
      "Quartz runs each site on its cron schedule; config files changed on disk are picked up",
      "without a restart. Logs one line per site run.",
      "With --cluster, several nodes share the jobs through PostgreSQL (see README, Running a cluster)."
    })
final class RunCommand implements Callable<Integer> {
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Mixin CommonOptions common;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Sites crawled at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--reload-interval", paramLabel = "DURATION", defaultValue = "10s", description = "How often to look for changed configs (default: ${DEFAULT-VALUE}).")
  String reloadInterval;

  @Option(names = "--quartz", paramLabel = "FILE", description = "Quartz properties merged over the defaults, e.g. a JDBC job store.")
  Path quartzFile;

  @Option(names = "--run-now", description = "Also run every site once at start, not only on its schedule (in a cluster: done by the reconciler).")
  boolean runNow;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  /** In a cluster, decides whether this node syncs the jobs; null on a single node. */
  private @Nullable Reconciler reconciler;

  private final Map<String, SiteConfig> sites = new ConcurrentHashMap<>();

  /** How long a cluster node waits for a site's archive lock held by another (possibly dead) node. */
  static final Duration CLUSTER_LOCK_WAIT = Duration.ofMinutes(3);
  private static final Duration LOCK_RETRY = Duration.ofSeconds(5);

  @Override
  public Integer call() throws Exception {
    ((Logger) LoggerFactory.getLogger("org.newsarchiver")).setLevel(Main.debug ? Level.DEBUG : Level.INFO);
    Duration interval = Quantities.duration(reloadInterval);
    SiteConfigLoader loader = new SiteConfigLoader();
    Properties quartz = ArchiveScheduler.defaults(threads);
    ScheduledExecutorService leadership = null;
    if (cluster.cluster) {
      ClusterDatabase db = cluster.database(spec);
      String node = cluster.node();
      try (Connection c = db.connect("news-archiver schema " + node)) {
        QuartzSchema.ensure(c);
      } catch (SQLException e) {
        return ClusterOptions.databaseError(spec.commandLine().getErr(), db, e);
      }
      // Quartz and HikariCP would log each lost connection with its stack trace; the reconciler says it once.
      if (!Main.debug) DatabaseNoiseFilter.install();
      quartz = ArchiveScheduler.clustered(threads, db, node);
      reconciler = new Reconciler(db, node);
      log.info("node {}: joining the cluster on {}", node, db);
    }
    if (quartzFile != null) {
      try (InputStream in = Files.newInputStream(quartzFile)) {
        quartz.load(in);
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (Fetcher fetcher = Fetchers.standard()) {
      SiteCrawler crawler =
          new SiteCrawler(fetcher, new ArticlePipeline(fetcher, new ArticleExtractor()), common.archive, common.allowPrivate, WarcCapture.factory());
      ArchiveScheduler scheduler = new ArchiveScheduler(quartz, runner(crawler));
      // Watch before the first load, so a config added while this node starts is not missed.
      ConfigWatcher watcher = new ConfigWatcher(common.sites, interval, () -> reload(loader, scheduler));
      boolean reconciles = reload(loader, scheduler);
      scheduler.start();
      if (runNow && reconciles) for (String name : sites.keySet()) scheduler.runNow(name);
      if (reconciler != null) leadership = takeOverWhenFree(reconciler, interval, () -> reload(loader, scheduler));
      ScheduledExecutorService leadershipTimer = leadership;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        log.info("stopping: finishing the articles in hand");
        watcher.close();
        if (leadershipTimer != null) leadershipTimer.shutdownNow();
        if (reconciler != null) reconciler.close();
        scheduler.close();
        log.info("stopped");
        stopped.countDown();
      }, "shutdown"));
      log.info("running {} site(s); Ctrl-C to stop", sites.size());
      stopped.await();
    }
    return ExitCodes.OK;
  }

  private SiteRunner runner(SiteCrawler crawler) {
    return (String name, BooleanSupplier stop) -> {
      SiteConfig site = sites.get(name);
      if (site == null) {
        // In a cluster another node may have scheduled a config this node has not reloaded yet.
        loadConfigs(new SiteConfigLoader());
        site = sites.get(name);
      }
      if (site == null) {
        log.warn("error config {}: no config for site {} on this node; give every node the same site configs (a shared directory)",
            common.sites, name);
        return;
      }
      CrawlListener listener =
          new CrawlListener() {
            @Override
            public void failed(PageFailure f) {
              log.warn(f.line());
            }

            @Override
            public void warned(CrawlWarning w) {
              log.warn(w.line());
            }
          };
      long lockDeadline = System.nanoTime() + (reconciler == null ? 0 : CLUSTER_LOCK_WAIT.toNanos());
      for (int attempt = 1; ; attempt++) {
        try {
          CrawlSummary s = crawler.crawl(site, listener, stop);
          log.info(s.line());
          return;
        } catch (org.newsarchiver.archive.ArchiveLockedException e) {
          // A recovered run may find the dead node's lock still held on a shared file system until
          // the file server frees it (an NFSv4 lease, ~90 s); wait that out rather than skip the run.
          if (System.nanoTime() >= lockDeadline || stop.getAsBoolean()) {
            log.warn("error locked site {}: {}", name, e.getMessage());
            return;
          }
          if (attempt == 1) log.info("site {}: archive locked ({}); retrying for up to {}", name, e.getMessage(), CLUSTER_LOCK_WAIT);
          Thread.sleep(LOCK_RETRY.toMillis());
        } catch (IOException e) {
          log.warn("error disk site {}: {}", name, e.getMessage());
          return;
        }
      }
    };
  }

  /**
   * Reloads this node's configs; syncs the jobs with them if this node reconciles (always on a
   * single node). Returns whether it synced.
   */
  private boolean reload(SiteConfigLoader loader, ArchiveScheduler scheduler) {
    try {
      SiteConfigLoader.Loaded loaded = loadConfigs(loader);
      if (reconciler != null && !reconciler.holds()) return false;
      scheduler.sync(loaded.sites());
      return true;
    } catch (IOException | org.quartz.SchedulerException e) {
      log.warn("error config {}: {}", common.sites, e.getMessage());
      return false;
    }
  }

  private synchronized SiteConfigLoader.Loaded loadConfigs(SiteConfigLoader loader) throws IOException {
    SiteConfigLoader.Loaded loaded = loader.loadAll(common.sites);
    for (ConfigException e : loaded.errors()) log.warn("error config {}", e.getMessage());
    sites.keySet().retainAll(loaded.sites().stream().map(SiteConfig::name).toList());
    for (SiteConfig s : loaded.sites()) sites.put(s.name(), s);
    return loaded;
  }

  /** Asks for the reconciler lock every interval; the node that gets it syncs the jobs at once. */
  private static ScheduledExecutorService takeOverWhenFree(Reconciler reconciler, Duration interval, Runnable sync) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "reconciler");
      t.setDaemon(true);
      return t;
    });
    boolean[] held = {reconciler.holds()};
    timer.scheduleWithFixedDelay(() -> {
      boolean now = reconciler.holds();
      if (now && !held[0]) sync.run();
      held[0] = now;
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return timer;
  }
}
