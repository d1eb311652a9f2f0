package org.newsarchiver.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.archive.FailureLog;
import org.newsarchiver.archive.RunLog;
import org.newsarchiver.archive.WarcFiles;
import org.newsarchiver.archive.WarcRecords;
import org.newsarchiver.config.Limits;
import org.newsarchiver.config.SiteConfig;
import org.newsarchiver.config.SiteConfigLoader;

/**
 * The health of each site as its files tell it: articles archived and new in the last 24 hours
 * ({@code articles.csv}), last run ({@code state/runs.csv}), next run (the config's schedule),
 * failing URLs and the latest failure ({@code state/failures.csv}), and the robots.txt state (its
 * latest WARC capture and URLs it denied). Thread-safe.
 */
final class SiteStatus {
  /** One site's health. {@code schedule} and {@code nextRun} are null for a site without a config. */
  record Summary(
      String name, boolean configured, long articles, long newLast24h, RunLog.@Nullable Run lastRun,
      @Nullable String schedule, @Nullable Instant nextRun, int failingUrls, FailureLog.@Nullable Failure lastError,
      WarcRecords.@Nullable RobotsCapture robots, int robotsDenied) {}

  private record RobotsEntry(String signature, WarcRecords.@Nullable RobotsCapture capture) {}

  /**
   * A site's row count as of one state of its CSV, with the fetch times (epoch seconds) of the rows
   * fetched in the 24 hours before it was counted: a large archive is read again only when it changes.
   */
  private record CountEntry(long size, long modified, Instant countedAt, long total, long[] recent) {
    long newSince(Instant dayAgo) {
      long n = 0;
      for (long t : recent) if (t > dayAgo.getEpochSecond()) n++;
      return n;
    }
  }

  private final ArchiveFiles files;
  private final NextRun nextRun;
  private final Map<String, RobotsEntry> robotsCache = new ConcurrentHashMap<>();
  private final Map<String, CountEntry> countCache = new ConcurrentHashMap<>();

  SiteStatus(ArchiveFiles files, NextRun nextRun) {
    this.files = files;
    this.nextRun = nextRun;
  }

  /** Every archived or configured site, by name. */
  List<Summary> all(Instant now) throws IOException {
    Map<String, SiteConfig> configs = new LinkedHashMap<>();
    if (Files.isDirectory(files.sitesDir())) {
      for (SiteConfig c : new SiteConfigLoader().loadAll(files.sitesDir()).sites()) configs.put(c.name(), c);
    }
    List<Summary> out = new ArrayList<>();
    for (String site : files.allSites(new ArrayList<>(configs.keySet()))) out.add(summary(site, configs.get(site), now));
    return out;
  }

  private Summary summary(String site, @Nullable SiteConfig config, Instant now) throws IOException {
    Path dir = files.siteDir(site);
    Instant dayAgo = now.minus(Duration.ofHours(24));
    CountEntry counts = files.isSite(site) ? counts(site, dir.resolve("articles.csv"), now) : null;
    RunLog.Run last = Files.isDirectory(dir) ? new RunLog(dir).last() : null;
    List<FailureLog.Failure> failures = Files.isDirectory(dir)
        ? FailureLog.load(dir, Limits.MAX_FAILURE_ATTEMPTS, Limits.FAILURE_RETRY_BASE).all() : List.of();
    FailureLog.Failure lastError = failures.stream()
        .max(Comparator.comparing(FailureLog.Failure::lastAttempt).thenComparing(FailureLog.Failure::url)).orElse(null);
    int denied = (int) failures.stream().filter(f -> f.cause().equals("robots")).count();
    String schedule = config == null ? null : config.schedule();
    Instant next = schedule == null ? null : nextRun.after(schedule, now);
    return new Summary(site, config != null, counts == null ? 0 : counts.total(),
        counts == null ? 0 : counts.newSince(dayAgo), last, schedule, next, failures.size(), lastError,
        robots(dir), denied);
  }

  private CountEntry counts(String site, Path csv, Instant now) throws IOException {
    long size = Files.size(csv);
    long modified = Files.getLastModifiedTime(csv).toMillis();
    CountEntry e = countCache.get(site);
    // kept while the file is unchanged and its recent times still cover the last 24 hours
    if (e != null && e.size() == size && e.modified() == modified && !now.isBefore(e.countedAt())
        && Duration.between(e.countedAt(), now).compareTo(Duration.ofHours(24)) < 0) {
      return e;
    }
    long since = now.minus(Duration.ofHours(24)).getEpochSecond();
    long[] total = {0};
    List<Long> recent = new ArrayList<>();
    files.forEachRow(site, r -> {
      total[0]++;
      try {
        long t = Instant.parse(r.fetchedAt()).getEpochSecond();
        if (t > since) recent.add(t);
      } catch (DateTimeParseException ex) {
        // a row without a readable fetch time is not counted as new
      }
    });
    CountEntry fresh = new CountEntry(size, modified, now, total[0], recent.stream().mapToLong(Long::longValue).toArray());
    countCache.put(site, fresh);
    return fresh;
  }

  /** The latest robots.txt capture; rescanned only when the site's WARC files changed. */
  private WarcRecords.@Nullable RobotsCapture robots(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return null;
    StringBuilder sig = new StringBuilder();
    for (Path f : WarcFiles.list(dir)) sig.append(f.getFileName()).append(':').append(Files.size(f)).append(';');
    String key = dir.toString();
    RobotsEntry e = robotsCache.get(key);
    if (e != null && e.signature().equals(sig.toString())) return e.capture();
    WarcRecords.RobotsCapture c = WarcRecords.latestRobots(dir);
    robotsCache.put(key, new RobotsEntry(sig.toString(), c));
    return c;
  }
}
