package org.newsarchiver.schedule;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the site configs change on disk (a file added, removed or edited) by polling their
 * names, sizes and modification times; polling works on every file system, network mounts too.
 */
public final class ConfigWatcher implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Path dir;
  private final Runnable onChange;
  private final ScheduledExecutorService timer;
  private String fingerprint;

  public ConfigWatcher(Path dir, Duration interval, Runnable onChange) {
    this.dir = dir;
    this.onChange = onChange;
    this.fingerprint = fingerprint(dir);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "config-watcher");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Checks now; true when the configs changed since the last check (and the callback ran). */
  public synchronized boolean check() {
    String now = fingerprint(dir);
    if (Objects.equals(now, fingerprint)) return false;
    fingerprint = now;
    log.info("site configs in {} changed; reloading", dir);
    try {
      onChange.run();
    } catch (RuntimeException e) {
      log.warn("reloading site configs failed: {}", e.toString());
    }
    return true;
  }

  static String fingerprint(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .map(ConfigWatcher::describe)
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static String describe(Path p) {
    try {
      return p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return p.getFileName() + " gone";
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
