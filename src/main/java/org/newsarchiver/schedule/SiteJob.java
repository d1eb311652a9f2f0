package org.newsarchiver.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one site: one crawl pass. Never runs twice at once for one site, even when its
 * run outlasts its schedule, and in a cluster never on two nodes at once; a run cut short by its
 * node's death is re-run by another node (it requests recovery). A failure is logged by the runner
 * and never stops the scheduler.
 */
@DisallowConcurrentExecution
public final class SiteJob implements InterruptableJob {
  private static final Logger log = LoggerFactory.getLogger(SiteJob.class);
  static final String SITE_KEY = "site";
  static final String RUNNER_KEY = "news-archiver.runner";

  private volatile boolean interrupted;

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    String site = context.getMergedJobDataMap().getString(SITE_KEY);
    try {
      if (context.isRecovering())
        log.info("site {}: re-running a run interrupted by the death of its node (on node {})", site,
            context.getScheduler().getSchedulerInstanceId());
      SiteRunner runner = (SiteRunner) context.getScheduler().getContext().get(RUNNER_KEY);
      runner.run(site, () -> interrupted);
    } catch (SchedulerException e) {
      throw new JobExecutionException("site " + site + ": scheduler context unavailable", e, false);
    } catch (Exception e) {
      throw new JobExecutionException("site " + site + ": " + e.getMessage(), e, false);
    }
  }

  @Override
  public void interrupt() {
    interrupted = true;
  }
}
