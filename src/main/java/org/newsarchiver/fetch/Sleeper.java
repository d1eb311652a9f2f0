package org.newsarchiver.fetch;

import java.time.Duration;

/**
 * Waits for a while: the one place where fetching sleeps (retry back-off, Retry-After, host
 * pacing), so that tests can record the delays asked for instead of sleeping them.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps with {@link Thread#sleep}. */
  Sleeper SYSTEM =
      d -> {
        if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      };

  void sleep(Duration duration) throws InterruptedException;
}
