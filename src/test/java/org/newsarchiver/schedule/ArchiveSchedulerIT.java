package org.newsarchiver.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.config.DateSettings;
import org.newsarchiver.config.RequestSettings;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.Selectors;

/** Real Quartz, real time: seconds-level cron triggers. */
class ArchiveSchedulerIT {

  static SiteConfig site(String name, String cron) {
    return new SiteConfig(name, URI.create("https://" + name + ".example/"), List.of(name + ".example"),
        List.of(URI.create("https://" + name + ".example/")), List.of(), List.of(), Pattern.compile("/news/"), null,
        List.of(), 1, 10, Selectors.NONE, DateSettings.DEFAULT, null, RequestSettings.DEFAULT, cron);
  }

  @Test
  void aSecondsLevelCronFiresTheSitesJob() throws Exception {
    List<String> runs = new CopyOnWriteArrayList<>();
    try (ArchiveScheduler s = new ArchiveScheduler(ArchiveScheduler.defaults(2), (name, stop) -> runs.add(name))) {
      s.sync(List.of(site("alpha", "0/1 * * * * ?")));
      s.start();
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() >= 2);
    }
    assertThat(runs).containsOnly("alpha");
  }

  @Test
  void neverRunsOneSiteTwiceAtOnceWhenARunOutlastsItsSchedule() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    SiteRunner slow = (name, stop) -> {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      Thread.sleep(1500); // a run three times longer than the 0.5 s between triggers
      running.decrementAndGet();
      finished.incrementAndGet();
    };
    try (ArchiveScheduler s = new ArchiveScheduler(ArchiveScheduler.defaults(4), slow)) {
      s.sync(List.of(site("slow", "0/1 * * * * ?")));
      s.start();
      s.runNow("slow");
      await().atMost(Duration.ofSeconds(10)).until(() -> finished.get() >= 3);
    }
    assertThat(maxRunning.get()).isEqualTo(1);
  }

  @Test
  void syncAddsReschedulesAndRemovesJobsAsConfigsChange() throws Exception {
    try (ArchiveScheduler s = new ArchiveScheduler(ArchiveScheduler.defaults(1), (name, stop) -> {})) {
      s.sync(List.of(site("a", "0 0 * * * ?"), site("b", "0 0 * * * ?")));
      assertThat(s.nextRuns()).containsOnlyKeys("a", "b");
      s.sync(List.of(site("b", "0 30 * * * ?"), site("c", "0 0 * * * ?")));
      assertThat(s.nextRuns()).containsOnlyKeys("b", "c");
      assertThat(s.nextRuns().get("b").toInstant().atZone(java.time.ZoneId.systemDefault()).getMinute()).isEqualTo(30);
    }
  }

  @Test
  void noticesAConfigFileAddedEditedOrRemoved(@TempDir Path dir) throws Exception {
    AtomicInteger reloads = new AtomicInteger();
    try (ConfigWatcher w = new ConfigWatcher(dir, Duration.ofHours(1), reloads::incrementAndGet)) {
      assertThat(w.check()).isFalse();
      Files.writeString(dir.resolve("a.yaml"), "name: a\n");
      assertThat(w.check()).isTrue();
      Files.writeString(dir.resolve("a.yaml"), "name: a\nbase_url: https://a.example/\n");
      assertThat(w.check()).isTrue();
      Files.delete(dir.resolve("a.yaml"));
      assertThat(w.check()).isTrue();
      assertThat(w.check()).isFalse();
    }
    assertThat(reloads.get()).isEqualTo(3);
  }
}
