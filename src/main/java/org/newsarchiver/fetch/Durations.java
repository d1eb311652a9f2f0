package org.newsarchiver.fetch;

import java.time.Duration;

/** Short human forms of durations and sizes for failure details: {@code 2 s}, {@code 300 ms}, {@code 10 MiB}. */
final class Durations {
  private Durations() {}

  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 == 0) return (ms / 1000) + " s";
    if (ms > 10_000) return Math.round(ms / 1000.0) + " s";
    return ms + " ms";
  }

  static String bytes(long n) {
    if (n >= (1L << 20) && n % (1L << 20) == 0) return (n >> 20) + " MiB";
    if (n >= (1L << 10) && n % (1L << 10) == 0) return (n >> 10) + " KiB";
    return n + " bytes";
  }
}
