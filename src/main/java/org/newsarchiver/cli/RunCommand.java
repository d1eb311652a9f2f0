package org.newsarchiver.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.newsarchiver.archive.WarcCapture;
import org.newsarchiver.config.ConfigException;
import org.newsarchiver.config.Quantities;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;
import org.newsarchiver.crawl.ArticlePipeline;
import org.newsarchiver.crawl.Fetchers;
import org.newsarchiver.crawl.CrawlListener;
import org.newsarchiver.crawl.CrawlSummary;
import org.newsarchiver.crawl.PageFailure;
import org.newsarchiver.crawl.SiteCrawler;
import org.newsarchiver.extract.ArticleExtractor;
import org.newsarchiver.fetch.Fetcher;
import org.newsarchiver.schedule.ArchiveScheduler;
import org.newsarchiver.schedule.ConfigWatcher;
import org.newsarchiver.schedule.SiteRunner;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The long-lived service: every site crawled on its schedule until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Keep the sites archived on their schedules, until Ctrl-C or SIGTERM.",
      "Quartz runs each site on its cron schedule; config files changed on disk are picked up",
      "without a restart. Logs one line per site run."
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

  @Option(names = "--run-now", description = "Also run every site once at start, not only on its schedule.")
  boolean runNow;

  private final Map<String, SiteConfig> sites = new ConcurrentHashMap<>();

  @Override
  public Integer call() throws Exception {
    ((Logger) LoggerFactory.getLogger("org.newsarchiver")).setLevel(Main.debug ? Level.DEBUG : Level.INFO);
    Duration interval = Quantities.duration(reloadInterval);
    SiteConfigLoader loader = new SiteConfigLoader();
    Properties quartz = ArchiveScheduler.defaults(threads);
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
      reload(loader, scheduler);
      scheduler.start();
      if (runNow) for (String name : sites.keySet()) scheduler.runNow(name);
      ConfigWatcher watcher = new ConfigWatcher(common.sites, interval, () -> reload(loader, scheduler));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        log.info("stopping: finishing the articles in hand");
        watcher.close();
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
      if (site == null) return;
      CrawlListener listener =
          new CrawlListener() {
            @Override
            public void failed(PageFailure f) {
              log.warn(f.line());
            }
          };
      try {
        CrawlSummary s = crawler.crawl(site, listener, stop);
        log.info(s.line());
      } catch (IOException e) {
        log.warn("error {} site {}: {}", e instanceof org.newsarchiver.archive.ArchiveLockedException ? "locked" : "disk",
            name, e.getMessage());
      }
    };
  }

  private void reload(SiteConfigLoader loader, ArchiveScheduler scheduler) {
    try {
      SiteConfigLoader.Loaded loaded = loader.loadAll(common.sites);
      for (ConfigException e : loaded.errors()) log.warn("error config {}", e.getMessage());
      sites.keySet().retainAll(loaded.sites().stream().map(SiteConfig::name).toList());
      for (SiteConfig s : loaded.sites()) sites.put(s.name(), s);
      scheduler.sync(loaded.sites());
    } catch (IOException | org.quartz.SchedulerException e) {
      log.warn("error config {}: {}", common.sites, e.getMessage());
    }
  }
}
