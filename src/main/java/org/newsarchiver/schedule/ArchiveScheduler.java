package org.newsarchiver.schedule;

import java.io.Closeable;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.SiteConfig;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quartz scheduler with one job per site, triggered by the site's cron schedule. Missed runs
 * after downtime run once, not once per missed slot. The job store comes from Quartz properties:
 * in memory by default, a database for a cluster. Thread-safe, as Quartz is.
 */
public final class ArchiveScheduler implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(ArchiveScheduler.class);
  static final String GROUP = "sites";
  /** Quartz's scheduler name: every node of one cluster shares it. */
  static final String INSTANCE_NAME = "news-archiver";

  private final Scheduler scheduler;

  /** The embedded defaults: in-memory job store, {@code threads} sites crawled at once. */
  public static Properties defaults(int threads) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", INSTANCE_NAME);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    return p;
  }

  /**
   * A node of a cluster: Quartz's JDBC job store on PostgreSQL in clustered mode, so the nodes share
   * the jobs, a site's job never runs on two nodes at once, and a dead node's runs are recovered by
   * another after its check-ins stop (interval 7.5 s, plus 7.5 s of grace). Call {@link
   * QuartzSchema#ensure} first.
   */
  public static Properties clustered(int threads, ClusterDatabase db, String node) {
    Properties p = defaults(threads);
    p.setProperty("org.quartz.scheduler.instanceId", node);
    // How far ahead a node claims triggers: a node that dies holds them at most this long early.
    p.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "7500");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.dataSource", "archive");
    p.setProperty("org.quartz.dataSource.archive.provider", "hikaricp");
    p.setProperty("org.quartz.dataSource.archive.driver", "org.postgresql.Driver");
    // bounded waits: a database that is gone, or hangs, costs a thread seconds, not minutes, and a
    // node told to stop in an outage stops
    p.setProperty("org.quartz.dataSource.archive.URL", db.pooledUrl());
    p.setProperty("org.quartz.dataSource.archive.connectionTimeout", "5000");
    p.setProperty("org.quartz.dataSource.archive.user", db.user());
    p.setProperty("org.quartz.dataSource.archive.password", db.password());
    // Every worker thread, the scheduler thread and the cluster manager may each hold one.
    p.setProperty("org.quartz.dataSource.archive.maxConnections", Integer.toString(threads + 3));
    p.setProperty("org.quartz.dataSource.archive.validationQuery", "SELECT 1");
    return p;
  }

  /** Site runs whose crawl is under way (Quartz's bookkeeping after a run not counted). */
  private final java.util.concurrent.atomic.AtomicInteger crawling = new java.util.concurrent.atomic.AtomicInteger();

  public ArchiveScheduler(Properties quartz, SiteRunner runner) throws SchedulerException {
    this.scheduler = new StdSchedulerFactory(quartz).getScheduler();
    scheduler.getContext().put(SiteJob.RUNNER_KEY, runner);
    scheduler.getListenerManager().addJobListener(new org.quartz.listeners.JobListenerSupport() {
      @Override
      public String getName() {
        return "crawls-under-way";
      }

      @Override
      public void jobToBeExecuted(org.quartz.JobExecutionContext context) {
        crawling.incrementAndGet();
      }

      @Override
      public void jobWasExecuted(org.quartz.JobExecutionContext context, org.quartz.JobExecutionException e) {
        crawling.decrementAndGet();
      }
    });
  }

  /** Makes the jobs match the configs: adds new sites, reschedules changed ones, removes gone ones. */
  public synchronized void sync(List<SiteConfig> sites) throws SchedulerException {
    Set<JobKey> wanted = new HashSet<>();
    for (SiteConfig site : sites) {
      JobKey key = JobKey.jobKey(site.name(), GROUP);
      wanted.add(key);
      Trigger existing = scheduler.getTrigger(TriggerKey.triggerKey(site.name(), GROUP));
      if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(site.schedule())) continue;
      JobDetail job =
          JobBuilder.newJob(SiteJob.class)
              .withIdentity(key)
              .usingJobData(SiteJob.SITE_KEY, site.name())
              .requestRecovery(true)
              .storeDurably(false)
              .build();
      Trigger trigger =
          TriggerBuilder.newTrigger()
              .withIdentity(site.name(), GROUP)
              .forJob(key)
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(site.schedule())
                      .withMisfireHandlingInstructionFireAndProceed())
              .build();
      scheduler.scheduleJob(job, Set.of(trigger), true);
      log.info("site {}: scheduled '{}', next run {}", site.name(), site.schedule(), trigger.getNextFireTime());
    }
    for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
      if (!wanted.contains(key)) {
        scheduler.deleteJob(key);
        log.info("site {}: config removed, job unscheduled", key.getName());
      }
    }
  }

  /** This node's Quartz instance id (its name in a cluster). */
  public String node() throws SchedulerException {
    return scheduler.getSchedulerInstanceId();
  }

  public void start() throws SchedulerException {
    scheduler.start();
  }

  /** Runs a site's job now, outside its schedule (still never twice at once). */
  public void runNow(String site) throws SchedulerException {
    scheduler.triggerJob(JobKey.jobKey(site, GROUP));
  }

  /** Each scheduled site's next run. */
  public Map<String, @Nullable Date> nextRuns() throws SchedulerException {
    Map<String, Date> out = new LinkedHashMap<>();
    for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
      Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(key.getName(), GROUP));
      out.put(key.getName(), t == null ? null : t.getNextFireTime());
    }
    return out;
  }

  /** Longest wait for crawls to finish the article in hand. */
  private static final java.time.Duration CRAWLS_WAIT = java.time.Duration.ofMinutes(5);
  /** Longest wait, after the crawls, for Quartz to record their end in its job store. */
  private static final java.time.Duration BOOKKEEPING_WAIT = java.time.Duration.ofSeconds(10);

  /**
   * Asks running jobs to stop after the article in hand, and waits for them. A cluster's job store
   * retries the record of a run's end until its database answers: in an outage that wait is cut
   * short, and the unrecorded run is recovered like a dead node's, by another node or this one's
   * next start.
   */
  @Override
  public void close() {
    try {
      scheduler.standby(); // no new run starts while the ones under way finish
      for (var job : scheduler.getCurrentlyExecutingJobs()) scheduler.interrupt(job.getJobDetail().getKey());
      long deadline = System.nanoTime() + CRAWLS_WAIT.toNanos();
      while (crawling.get() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
      Thread shutdown = new Thread(() -> {
        try {
          scheduler.shutdown(true);
        } catch (SchedulerException e) {
          log.warn("scheduler did not shut down cleanly: {}", e.getMessage());
        }
      }, "scheduler-shutdown");
      shutdown.setDaemon(true);
      shutdown.start();
      shutdown.join(BOOKKEEPING_WAIT.toMillis());
      if (shutdown.isAlive()) {
        log.info("stopping without recording the end of the last run: the job store does not answer; it is recovered later");
      }
    } catch (SchedulerException e) {
      log.warn("scheduler did not shut down cleanly: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
