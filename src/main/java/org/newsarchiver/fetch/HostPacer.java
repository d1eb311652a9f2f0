package org.newsarchiver.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Keeps a minimum gap between two requests to one host, whichever site or thread makes them, and
 * lets a host that answered 429/503 with Retry-After be slowed down. Callers for one host queue on
 * a fair lock (first come, first served), wait out the gap, note the time and go; callers for other
 * hosts never wait on them. Waits are bounded: a caller that would wait longer than {@code maxWait}
 * gives up with {@link HostBusyException}. Thread-safe; share one instance across all sites.
 *
 * <p>Not for bandwidth limiting, and it knows no robots.txt: a Crawl-delay is the caller's to pass
 * as the delay.
 */
public final class HostPacer {
  private final ConcurrentMap<String, HostState> hosts = new ConcurrentHashMap<>();
  private final Duration maxWait;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;

  public HostPacer(Duration maxWait) {
    this(maxWait, Sleeper.SYSTEM, System::nanoTime);
  }

  /** With a sleeper and clock of the caller's, for tests; the sleeper must advance the clock. */
  public HostPacer(Duration maxWait, Sleeper sleeper, LongSupplier nanoTime) {
    this.maxWait = maxWait;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  private static final class HostState {
    final ReentrantLock lock = new ReentrantLock(true);
    long lastStart;
    boolean started;
    long blockedUntil;
  }

  /**
   * Waits until this host may be asked again: at least {@code delay} after the previous caller for
   * the host was let through, and not before a {@link #slowDown} ends.
   *
   * @return the time waited
   * @throws HostBusyException when that is more than maxWait away
   */
  public Duration acquire(String host, Duration delay) throws InterruptedException, HostBusyException {
    HostState h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new HostState());
    long begin = nanoTime.getAsLong();
    if (!h.lock.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new HostBusyException(host, maxWait);
    }
    try {
      long now = nanoTime.getAsLong();
      long ready = h.started ? h.lastStart + delay.toNanos() : now;
      synchronized (h) {
        ready = Math.max(ready, h.blockedUntil);
      }
      long wait = ready - now;
      if (wait > 0) {
        if (now - begin + wait > maxWait.toNanos()) throw new HostBusyException(host, maxWait);
        sleeper.sleep(Duration.ofNanos(wait));
      }
      h.lastStart = nanoTime.getAsLong();
      h.started = true;
      return Duration.ofNanos(h.lastStart - begin);
    } finally {
      h.lock.unlock();
    }
  }

  /** Asks no one to call this host for {@code pause} from now (after a 429 or 503 with Retry-After). */
  public void slowDown(String host, Duration pause) {
    HostState h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new HostState());
    long until = nanoTime.getAsLong() + pause.toNanos();
    synchronized (h) {
      h.blockedUntil = Math.max(h.blockedUntil, until);
    }
  }

  /** The host's next free slot is further away than a caller may wait. */
  public static final class HostBusyException extends Exception {
    private static final long serialVersionUID = 1L;

    HostBusyException(String host, Duration maxWait) {
      super("host " + host + " is paced: the next request would wait more than " + Durations.human(maxWait));
    }
  }
}
