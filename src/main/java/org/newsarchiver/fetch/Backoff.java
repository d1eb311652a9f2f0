package org.newsarchiver.fetch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: retry {@code n} (from 1) waits {@code base * 2^(n-1)} times a
 * random factor in [1, 1.5), so that clients that failed together do not retry together.
 * Thread-safe when its jitter source is.
 */
final class Backoff {
  /** The longest single back-off, whatever the retry number. */
  static final Duration MAX = Duration.ofSeconds(30);

  private final Duration base;
  private final DoubleSupplier jitter;

  /** @param jitter values in [0, 1); 0 gives exactly {@code base * 2^(n-1)} */
  Backoff(Duration base, DoubleSupplier jitter) {
    this.base = base;
    this.jitter = jitter;
  }

  static DoubleSupplier randomJitter() {
    return () -> ThreadLocalRandom.current().nextDouble();
  }

  Duration delay(int retry) {
    long exp = base.toMillis() << Math.min(retry - 1, 16);
    double r = Math.max(0, Math.min(jitter.getAsDouble(), 1));
    long ms = Math.round(exp * (1 + r / 2));
    return Duration.ofMillis(Math.min(ms, MAX.toMillis()));
  }
}
